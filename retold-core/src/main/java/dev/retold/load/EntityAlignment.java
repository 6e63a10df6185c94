package dev.retold.load;

import org.jsoup.parser.Parser;

/**
 * Where each character of an HTML text node's decoded text stands in the raw source it was parsed
 * from.
 *
 * <p>The parser decodes character references ({@code &rsquo;}, {@code &amp;}, {@code &#8217;},
 * {@code &#x2019;}, and the legacy ones written without a semicolon, {@code &copy}), so a text
 * node's decoded text is not a substring of the page. Walking the raw source and the decoded text
 * together: where the source holds a reference whose value is the next decoded text, every char of
 * that value maps to the reference's {@code &} and ends where the reference ends; any other char
 * maps to the source char it stands on. Where the two disagree, a few source chars the parser
 * dropped (it drops a NUL in body text) are passed over if the decoded text goes on after them;
 * else the char was replaced and maps one for one. Decoded chars left over past the node's source
 * range map to the identical chars that follow it, if they are (the parser's range can fall short
 * of a node it merged), else to its last char. So offsets only go forward.
 *
 * @param starts the source offset of each decoded char
 * @param ends the source offset just past each decoded char's source (past its whole reference)
 */
record EntityAlignment(int[] starts, int[] ends) {
  /** The longest legacy (semicolon-less) reference, with its {@code &}: {@code &middot}. */
  private static final int MAX_LEGACY_REFERENCE = 8;

  /** How many source chars in a row may be found dropped from the decoded text. */
  private static final int MAX_DROPPED = 8;

  /** Copies the arrays; they must be of one length. */
  EntityAlignment {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException(
          "starts and ends differ in length: " + starts.length + ", " + ends.length);
    }
    starts = starts.clone();
    ends = ends.clone();
  }

  @Override
  public int[] starts() {
    return starts.clone();
  }

  @Override
  public int[] ends() {
    return ends.clone();
  }

  /**
   * Aligns {@code decoded} with {@code source.substring(from, to)}, the raw text it was decoded
   * from.
   */
  static EntityAlignment align(String decoded, String source, int from, int to) {
    int length = decoded.length();
    int[] starts = new int[length];
    int[] ends = new int[length];
    int at = from;
    int next = 0;
    while (next < length) {
      if (at >= to) {
        Step beyond = match(decoded, next, source, at, source.length());
        if (beyond != null && beyond.decodedChars() == 1 && beyond.sourceChars() == 1) {
          starts[next] = at; // the parser's range fell short of its text (as after a NUL)
          ends[next] = at + 1;
          next++;
          at++;
          continue;
        }
        int last = Math.max(from, to - 1);
        starts[next] = last;
        ends[next] = Math.max(last, to);
        next++;
        continue;
      }
      Step step = match(decoded, next, source, at, to);
      if (step == null) {
        int skip = 1;
        while (skip <= MAX_DROPPED && match(decoded, next, source, at + skip, to) == null) {
          skip++;
        }
        if (skip <= MAX_DROPPED) {
          at += skip; // source chars the parser dropped (a NUL, say)
          continue;
        }
        step = new Step(1, 1); // a char the parser replaced: one for one
      }
      for (int k = 0; k < step.decodedChars(); k++) {
        starts[next] = at;
        ends[next] = at + step.sourceChars();
        next++;
      }
      at += step.sourceChars();
    }
    return new EntityAlignment(starts, ends);
  }

  /**
   * One step of the walk: {@code decodedChars} decoded chars stand for {@code sourceChars} source
   * chars.
   */
  private record Step(int decodedChars, int sourceChars) {}

  /**
   * What the source at {@code at} stands for in {@code decoded} from {@code next} on: a character
   * reference whose value comes next, or the same char; {@code null} if neither.
   */
  private static Step match(String decoded, int next, String source, int at, int to) {
    if (at >= to) {
      return null;
    }
    if (source.charAt(at) == '&') {
      int referenceEnd = referenceEnd(source, at, to);
      if (referenceEnd > at) {
        String value = Parser.unescapeEntities(source.substring(at, referenceEnd), false);
        if (!value.isEmpty() && decoded.startsWith(value, next)) {
          return new Step(value.length(), referenceEnd - at);
        }
      }
    }
    return source.charAt(at) == decoded.charAt(next) ? new Step(1, 1) : null;
  }

  /**
   * The end of the character reference starting at {@code source[at]} (an {@code &}), or {@code at}
   * if none starts there: numeric ({@code &#8217;}, {@code &#x2019;}, semicolon optional), named
   * with a semicolon, or else the longest legacy name the parser knows without one.
   */
  static int referenceEnd(String source, int at, int to) {
    int i = at + 1;
    if (i < to && source.charAt(i) == '#') {
      i++;
      boolean hex = i < to && (source.charAt(i) == 'x' || source.charAt(i) == 'X');
      i += hex ? 1 : 0;
      int digitsFrom = i;
      while (i < to && (hex ? isHexDigit(source.charAt(i)) : isDigit(source.charAt(i)))) {
        i++;
      }
      if (i == digitsFrom) {
        return at;
      }
      return i < to && source.charAt(i) == ';' ? i + 1 : i;
    }
    while (i < to && isAsciiLetterOrDigit(source.charAt(i))) {
      i++;
    }
    if (i == at + 1) {
      return at;
    }
    if (i < to && source.charAt(i) == ';') {
      String reference = source.substring(at, i + 1);
      if (isOneReference(reference, 2)) {
        return i + 1;
      }
    }
    for (int end = Math.min(i, at + MAX_LEGACY_REFERENCE); end > at + 1; end--) {
      if (isOneReference(source.substring(at, end), 1)) {
        return end;
      }
    }
    return at;
  }

  /**
   * Whether the parser reads all of {@code reference} as one character reference: its value differs
   * from it and is at most {@code maxCodePoints} long (a named reference's value is one or two code
   * points; a legacy name followed by more letters decodes to more).
   */
  private static boolean isOneReference(String reference, int maxCodePoints) {
    String value = Parser.unescapeEntities(reference, false);
    return !value.equals(reference) && value.codePointCount(0, value.length()) <= maxCodePoints;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
