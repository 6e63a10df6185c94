package dev.retold.load;

import java.util.Locale;
import java.util.Set;

/**
 * Measures of one line's shape that {@link PageChromeFilter} scores: how many words it has, whether
 * it ends like a sentence, whether it reads like a photo credit or a byline.
 *
 * <p>These look at the form of a line, never at a list of known chrome lines, so that they carry
 * over to pages Retold has not seen.
 */
final class LineShape {
  /**
   * First words of credit lines ("Featured image credits: ...", "Photo: Reuters", "Copyright 2026
   * ..."). Such a line is a credit only when it also has a credit mark (see {@link #isCredit}).
   */
  private static final Set<String> CREDIT_OPENERS =
      Set.of(
          "photo",
          "photos",
          "photograph",
          "photography",
          "image",
          "images",
          "picture",
          "pictures",
          "featured",
          "illustration",
          "graphic",
          "video",
          "credit",
          "credits",
          "source",
          "copyright",
          "©");

  /** First words of bylines whose second word is "by": "Written by ...", "Reporting by ...". */
  private static final Set<String> BYLINE_OPENERS =
      Set.of(
          "written",
          "posted",
          "reported",
          "reporting",
          "edited",
          "editing",
          "compiled",
          "published",
          "additional",
          "story",
          "words",
          "text");

  /** Lower-case words allowed between the capitalised names of a byline. */
  private static final Set<String> NAME_JOINERS =
      Set.of("and", "&", "de", "da", "del", "der", "van", "von", "la", "le", "bin", "al", "in");

  /** The most words any credit or byline has (see {@link #isCredit}). */
  private static final int MAX_CREDIT_WORDS = 15;

  private LineShape() {}

  /** Whether every character is white space (including no-break spaces and byte order marks). */
  static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number of white-space separated tokens that contain a letter or a digit. */
  static int words(String line) {
    return words(line, Integer.MAX_VALUE);
  }

  /**
   * The number of white-space separated tokens that contain a letter or a digit, counted up to
   * {@code atMost}: a long line's shape is known from its first words, so its tail is not read.
   */
  static int words(String line, int atMost) {
    int words = 0;
    boolean inToken = false;
    boolean tokenCounted = false;
    for (int i = 0; i < line.length() && words < atMost; i++) {
      char c = line.charAt(i);
      if (isSpace(c) && c != '\uFEFF') {
        inToken = false;
        continue;
      }
      if (!inToken) {
        inToken = true;
        tokenCounted = false;
      }
      if (!tokenCounted && isLetterOrDigit(c)) {
        words++;
        tokenCounted = true;
      }
    }
    return words;
  }

  /**
   * White space as {@link #isBlank} means it: Java white space, Unicode space separators and the
   * byte order mark; ASCII answered without a table lookup, as it is most of any text.
   */
  static boolean isSpace(char c) {
    if (c < 128) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static boolean isLetterOrDigit(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /**
   * Whether the line ends like a sentence: its last character, after closing brackets, is one of
   * {@code . ! ? …} or a closing quotation mark.
   */
  static boolean isSentenceShaped(String line) {
    int end = lastNonSpace(line);
    while (end >= 0 && (line.charAt(end) == ')' || line.charAt(end) == ']')) {
      end--;
    }
    if (end < 0) {
      return false;
    }
    char last = line.charAt(end);
    return last == '.'
        || last == '!'
        || last == '?'
        || last == '…'
        || last == '"'
        || last == '\''
        || last == '”'
        || last == '’'
        || last == '»';
  }

  /** Whether the line's last visible character is one that ends or continues a clause. */
  static boolean endsWithClausePunctuation(String line) {
    int end = lastNonSpace(line);
    if (end < 0) {
      return false;
    }
    char last = line.charAt(end);
    return last == '.' || last == ',' || last == ';' || last == ':' || last == '…';
  }

  /**
   * Whether the line is a credit or a byline, which is never article text wherever it stands:
   *
   * <ul>
   *   <li>at most 15 words, opening with a credit word (photo, image, featured, credit, source,
   *       copyright, ©...), followed by a credit mark (a colon, "by", "via", "©" or "credit"; not
   *       needed after "copyright" and "©"), and not a sentence of more than 6 words;
   *   <li>or at most 8 words, not ending like a sentence, opening with "By" followed only by
   *       capitalised names (and joiners such as "and", "van"), e.g. "By Jane Doe and John Roe";
   *   <li>or at most 12 words opening with "Written by", "Reporting by", "Posted by" and the like.
   * </ul>
   */
  static boolean isCredit(String line) {
    int words = words(line, MAX_CREDIT_WORDS + 1);
    if (words == 0 || words > MAX_CREDIT_WORDS) {
      return false; // every kind of credit below is at most this long
    }
    String[] tokens = line.strip().split("[\\s\\u00A0]+");
    if (tokens.length == 0) {
      return false;
    }
    String first = bare(tokens[0]);
    if (CREDIT_OPENERS.contains(first)) {
      if (words > 6 && isSentenceShaped(line)) {
        return false; // "Credit Suisse shares fell 5% by noon." is news, not a credit
      }
      if (first.equals("copyright") || first.equals("©")) {
        return true;
      }
      String rest = " " + line.strip().substring(tokens[0].length()).toLowerCase(Locale.ROOT) + " ";
      return tokens[0].endsWith(":")
          || rest.contains(":")
          || rest.contains(" by ")
          || rest.contains(" via ")
          || rest.contains("©")
          || rest.contains("credit");
    }
    if (tokens[0].equals("By") || tokens[0].equals("BY")) {
      return words >= 2 && words <= 8 && !isSentenceShaped(line) && namesOnly(tokens, 1);
    }
    return words <= 12
        && tokens.length > 1
        && BYLINE_OPENERS.contains(first)
        && bare(tokens[1]).equals("by");
  }

  private static boolean namesOnly(String[] tokens, int from) {
    boolean sawName = false;
    for (int i = from; i < tokens.length; i++) {
      String token = tokens[i];
      if (NAME_JOINERS.contains(bare(token)) || token.equals(",") || token.equals("|")) {
        continue;
      }
      int firstLetter = 0;
      while (firstLetter < token.length() && !Character.isLetter(token.charAt(firstLetter))) {
        firstLetter++;
      }
      if (firstLetter == token.length() || !Character.isUpperCase(token.charAt(firstLetter))) {
        return false;
      }
      sawName = true;
    }
    return sawName;
  }

  /** The token in lower case without surrounding punctuation (but keeping "©" and "&"). */
  private static String bare(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && isTrimmable(token.charAt(from))) {
      from++;
    }
    while (to > from && isTrimmable(token.charAt(to - 1))) {
      to--;
    }
    return token.substring(from, to).toLowerCase(Locale.ROOT);
  }

  private static boolean isTrimmable(char c) {
    return !Character.isLetterOrDigit(c) && c != '©' && c != '&';
  }

  private static int lastNonSpace(String line) {
    int end = line.length() - 1;
    while (end >= 0 && (Character.isWhitespace(line.charAt(end)) || line.charAt(end) == '\u00A0')) {
      end--;
    }
    return end;
  }
}
