package dev.retold.load;

import java.util.BitSet;
import java.util.List;

/**
 * Finds the lines of a scraped web page that are page chrome (menus, section labels, widgets,
 * feedback prompts, credits) rather than article text, and the page's headline.
 *
 * <p>Each line is scored by its shape ({@link LineShape}), never matched against known chrome:
 *
 * <ul>
 *   <li><em>paragraph</em>: at least {@value #PARAGRAPH_WORDS} words ending like a sentence (. ! ?
 *       … or a closing quote), or at least {@value #LONG_LINE_WORDS} words whatever its ending;
 *   <li><em>prose</em>: a shorter line ending like a sentence, a lead-in of at least {@value
 *       #LEAD_IN_WORDS} words ending with a colon, or a list item (starting with -, *, • or a
 *       number and a dot or bracket);
 *   <li><em>short</em>: any other non-blank line; a <em>label</em> is a short line of at most
 *       {@value #MAX_LABEL_WORDS} words with no digit and no final colon ("Politics", "Ask Onix").
 * </ul>
 *
 * <p>Then, by position. The <b>leading block</b> is everything before the first paragraph, the
 * <b>trailing block</b> everything after the last. In each, the lines from the first short line to
 * the last short line are chrome candidates; prose outside that span (a lead sentence just before
 * the first paragraph, a closing sentence just after the last) stays. In the <b>middle</b>, a run
 * of {@value #MIDDLE_RUN} or more short lines with only blank lines between them is a candidate,
 * unless it is a list: its first line or the line before it ends with a colon, or the line before
 * it is a list item. One or two short lines between paragraphs are subheadings, or a pull quote's
 * attribution, and stay.
 *
 * <p>The candidates are removed only when the text looks like a scraped page: at least {@value
 * #MIN_SHORT_CHROME_LINES} short candidates, of which at least {@value #MIN_LABEL_LINES} are
 * labels. Plain text with a headline, a standfirst and a dateline thus loses nothing. Credits and
 * bylines ({@link LineShape#isCredit}) are removed wherever they stand, page or not.
 *
 * <p>The headline: on a page, the first leading candidate of 3 to {@value #MAX_HEADLINE_WORDS}
 * words that is not a credit and not mostly numbers (a dateline: at least {@value
 * #NUMERIC_WORD_PERCENT}% of its words with digits); it is kept, not removed. Otherwise, or if the
 * page has no such line, the first kept line (after up to {@value #MAX_DATELINES} datelines) if it
 * has 2 to {@value #MAX_PLAIN_TITLE_WORDS} words (at most 200 characters), does not end with {@code
 * . , ; :}, is not mostly numbers, and more text follows it.
 */
final class PageChromeFilter {
  static final int PARAGRAPH_WORDS = 12;
  static final int LONG_LINE_WORDS = 20;
  static final int LEAD_IN_WORDS = 4;
  static final int MIDDLE_RUN = 3;
  static final int MIN_SHORT_CHROME_LINES = 3;
  static final int MIN_LABEL_LINES = 2;
  static final int MAX_LABEL_WORDS = 3;
  static final int NUMERIC_WORD_PERCENT = 30;
  static final int MAX_HEADLINE_WORDS = 25;
  static final int MAX_PLAIN_TITLE_WORDS = 20;
  static final int MAX_DATELINES = 2;
  private static final int MAX_TITLE_CHARS = 200;

  private PageChromeFilter() {}

  /**
   * What the filter decided.
   *
   * @param chrome indices of the lines to remove
   * @param headline index of the headline line, or -1
   * @param pageLike whether the text looked like a scraped page
   */
  record Verdict(BitSet chrome, int headline, boolean pageLike) {
    /** Copies the set. */
    Verdict {
      chrome = (BitSet) chrome.clone();
    }

    @Override
    public BitSet chrome() {
      return (BitSet) chrome.clone();
    }
  }

  private enum Kind {
    BLANK,
    SHORT,
    PROSE,
    PARAGRAPH
  }

  /** Classifies {@code lines} (line contents without line breaks, blank lines included). */
  static Verdict classify(List<String> lines) {
    int count = lines.size();
    Kind[] kinds = new Kind[count];
    BitSet chrome = new BitSet(count);
    int first = -1;
    int last = -1;
    for (int i = 0; i < count; i++) {
      kinds[i] = kindOf(lines.get(i));
      if (kinds[i] != Kind.BLANK && LineShape.isCredit(lines.get(i))) {
        chrome.set(i);
      }
      if (kinds[i] == Kind.PARAGRAPH) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    BitSet candidates = new BitSet(count);
    if (first >= 0) {
      markShortSpan(kinds, 0, first, candidates);
      markShortSpan(kinds, last + 1, count, candidates);
      markMiddleRuns(lines, kinds, first, last, candidates);
    }
    int shortLines = 0;
    int labelLines = 0;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (kinds[i] == Kind.SHORT) {
        shortLines++;
        labelLines += isLabel(lines.get(i)) ? 1 : 0;
      }
    }
    boolean pageLike = shortLines >= MIN_SHORT_CHROME_LINES && labelLines >= MIN_LABEL_LINES;
    int headline = -1;
    if (pageLike) {
      chrome.or(candidates);
      headline = pageHeadline(lines, candidates, first);
      if (headline >= 0) {
        chrome.clear(headline);
      }
    }
    if (headline < 0) {
      headline = plainHeadline(lines, chrome);
    }
    return new Verdict(chrome, headline, pageLike);
  }

  /**
   * The headline of text that is not a page: the first line not in {@code removed}, after up to
   * {@value #MAX_DATELINES} datelines, if it is short, does not end with clause punctuation, and
   * more text follows it; -1 otherwise.
   */
  static int plainHeadline(List<String> lines, BitSet removed) {
    int first = nextKept(lines, removed, 0);
    for (int skipped = 0; skipped < MAX_DATELINES && first >= 0; skipped++) {
      String line = lines.get(first);
      if (LineShape.words(line, MAX_PLAIN_TITLE_WORDS + 1) > MAX_PLAIN_TITLE_WORDS
          || !isNumeric(line)) {
        break;
      }
      first = nextKept(lines, removed, first + 1); // a dateline above the headline
    }
    if (first < 0 || nextKept(lines, removed, first + 1) < 0) {
      return -1;
    }
    String line = lines.get(first);
    int words = LineShape.words(line, MAX_PLAIN_TITLE_WORDS + 1);
    boolean fits =
        words >= 2 && words <= MAX_PLAIN_TITLE_WORDS && line.strip().length() <= MAX_TITLE_CHARS;
    return fits
            && !LineShape.endsWithClausePunctuation(line)
            && !LineShape.isCredit(line)
            && !isNumeric(line)
        ? first
        : -1;
  }

  private static Kind kindOf(String line) {
    if (LineShape.isBlank(line)) {
      return Kind.BLANK;
    }
    int words = LineShape.words(line, LONG_LINE_WORDS);
    boolean sentence = LineShape.isSentenceShaped(line);
    if (words >= LONG_LINE_WORDS || (sentence && words >= PARAGRAPH_WORDS)) {
      return Kind.PARAGRAPH;
    }
    boolean leadIn = words >= LEAD_IN_WORDS && line.stripTrailing().endsWith(":");
    return words > 0 && (sentence || leadIn || isListItem(line)) ? Kind.PROSE : Kind.SHORT;
  }

  /** A label: a short line of at most {@value #MAX_LABEL_WORDS} words, no digits, no colon. */
  private static boolean isLabel(String line) {
    if (LineShape.words(line) > MAX_LABEL_WORDS || line.stripTrailing().endsWith(":")) {
      return false;
    }
    return line.chars().noneMatch(Character::isDigit);
  }

  /**
   * Whether at least {@value #NUMERIC_WORD_PERCENT}% of the line's words have digits: a dateline or
   * a score line, not a headline.
   */
  private static boolean isNumeric(String line) {
    int words = 0;
    int withDigits = 0;
    boolean inToken = false;
    boolean hasLetterOrDigit = false;
    boolean hasDigit = false;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || isRegexSpace(line.charAt(i))) {
        if (inToken && hasLetterOrDigit) {
          words++;
          withDigits += hasDigit ? 1 : 0;
        }
        inToken = false;
        hasLetterOrDigit = false;
        hasDigit = false;
        continue;
      }
      char c = line.charAt(i);
      inToken = true;
      hasLetterOrDigit |= Character.isLetterOrDigit(c);
      hasDigit |= Character.isDigit(c);
    }
    return words > 0 && withDigits * 100 >= NUMERIC_WORD_PERCENT * words;
  }

  /** White space as a regular expression's {@code \\s} means it: ASCII only. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Marks the non-blank lines in [from, to) from the first short line to the last one. */
  private static void markShortSpan(Kind[] kinds, int from, int to, BitSet marks) {
    int firstShort = -1;
    int lastShort = -1;
    for (int i = from; i < to; i++) {
      if (kinds[i] == Kind.SHORT) {
        firstShort = firstShort < 0 ? i : firstShort;
        lastShort = i;
      }
    }
    if (firstShort >= 0) {
      markNonBlank(kinds, firstShort, lastShort + 1, marks);
    }
  }

  private static void markNonBlank(Kind[] kinds, int from, int to, BitSet marks) {
    for (int i = from; i < to; i++) {
      if (kinds[i] != Kind.BLANK) {
        marks.set(i);
      }
    }
  }

  /**
   * Marks runs of {@value #MIDDLE_RUN} or more short lines between the first and last paragraph,
   * unless the run is a list: the line before it, or its own first line, ends with a colon, or the
   * line before it is a list item.
   */
  private static void markMiddleRuns(
      List<String> lines, Kind[] kinds, int first, int last, BitSet marks) {
    int runStart = -1;
    int runLength = 0;
    boolean listBefore = false;
    int previous = first;
    for (int i = first + 1; i <= last; i++) {
      if (kinds[i] == Kind.BLANK) {
        continue;
      }
      if (kinds[i] == Kind.SHORT) {
        if (runLength == 0) {
          runStart = i;
          String before = lines.get(previous).stripTrailing();
          listBefore =
              before.endsWith(":")
                  || isListItem(before)
                  || lines.get(i).stripTrailing().endsWith(":");
        }
        runLength++;
        continue;
      }
      if (runLength >= MIDDLE_RUN && !listBefore) {
        markNonBlank(kinds, runStart, i, marks);
      }
      runLength = 0;
      previous = i;
    }
  }

  private static boolean isListItem(String line) {
    String stripped = line.strip();
    if (stripped.startsWith("- ") || stripped.startsWith("* ") || stripped.startsWith("•")) {
      return true;
    }
    int digits = 0;
    while (digits < stripped.length() && Character.isDigit(stripped.charAt(digits))) {
      digits++;
    }
    return digits > 0
        && digits < stripped.length()
        && (stripped.charAt(digits) == '.' || stripped.charAt(digits) == ')');
  }

  private static int pageHeadline(List<String> lines, BitSet candidates, int first) {
    for (int i = candidates.nextSetBit(0); i >= 0 && i < first; i = candidates.nextSetBit(i + 1)) {
      String line = lines.get(i);
      int words = LineShape.words(line);
      if (words >= 3
          && words <= MAX_HEADLINE_WORDS
          && line.strip().length() <= MAX_TITLE_CHARS
          && !LineShape.isCredit(line)
          && !isNumeric(line)) {
        return i;
      }
    }
    return -1;
  }

  private static int nextKept(List<String> lines, BitSet removed, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!removed.get(i) && !LineShape.isBlank(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
