package dev.retold.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Normalises an article body for analysis, keeping a map back to the body.
 *
 * <p>Two copies of a story rarely differ in their words; they differ in how the words are typed:
 * curly or straight quotes, an en dash or a hyphen, "ﬁ" as one ligature, a non-breaking space. This
 * stage makes such variants equal, so later stages compare words, not typography:
 *
 * <ol>
 *   <li>typographic quotes ({@code ‘ ’ ‚ ‛ ′ ‵ ‹ › ʼ}) become {@code '}, double ones ({@code “ ” „
 *       ‟ ″ ‶ « » 〝 〞 〟}) become {@code "}, dashes and minus signs ({@code ‐ ‑ ‒ – — ― − ⸺ ⸻ ﹘ ﹣
 *       －}) become {@code -}, and the ellipsis {@code …} becomes {@code ...};
 *   <li>format characters (zero-width spaces and joiners, the soft hyphen, byte order marks,
 *       direction marks) and control characters other than white space are removed;
 *   <li>the rest is put in Unicode NFKC form (ligatures and full-width forms split, accents
 *       composed), and any quote, dash or white space NFKC produces is mapped as in step 1;
 *   <li>every run of white space (including no-break spaces and line separators) becomes one space,
 *       and the text is trimmed.
 * </ol>
 *
 * <p>Case is kept: lower-casing belongs to the tokenizer. The result equals applying the steps to
 * the whole body at once; internally NFKC runs on clusters (a character and the combining marks
 * after it), which is what lets each normalised character name the original cluster it came from.
 * Stateless and thread-safe.
 */
public final class TextNormalizer {
  // Per-character kinds, in the low bits of KINDS; CONTINUES is a flag on top.
  private static final int KEEP = 0; // NFKC leaves it alone when it stands alone
  private static final int DECOMPOSE = 1; // NFKC changes it
  private static final int WHITESPACE = 2;
  private static final int REMOVED = 3;
  private static final int MAPPED = 4; // a quote, dash or ellipsis with an ASCII replacement
  private static final int KIND_MASK = 0x7;

  /** Joins the cluster before it: NFKC may compose or reorder it with what precedes. */
  private static final int CONTINUES = 0x8;

  /** Kinds of the Basic Multilingual Plane, by code point; others are computed when met. */
  private static final byte[] KINDS = buildKinds(0x10000);

  /**
   * Whether ASCII char {@code c} followed by ASCII char {@code next} can be in a plain stretch, at
   * index {@code (c << 7) | next}: a kept char standing alone (a removed char may hide a combining
   * mark after it), or a space before a kept char.
   */
  private static final boolean[] PLAIN_PAIRS = buildPlainPairs();

  /** No code point below this one continues a cluster (checked when the class loads). */
  private static final char FIRST_CONTINUING = 0x300;

  static {
    for (int codePoint = 0; codePoint < FIRST_CONTINUING; codePoint++) {
      if ((KINDS[codePoint] & CONTINUES) != 0) {
        throw new AssertionError("U+" + Integer.toHexString(codePoint) + " continues a cluster");
      }
    }
  }

  private TextNormalizer() {}

  /** Normalises {@code body}; see the class description for the steps. */
  public static NormalizedText normalize(String body) {
    Objects.requireNonNull(body, "body");
    int length = body.length();
    int plainEnd = plainStretchEnd(body, 0);
    if (plainEnd == length) {
      return NormalizedText.identity(body); // nothing to change: no copy, no map to build
    }
    Output out = new Output(length);
    StringBuilder cluster = new StringBuilder();
    int i = 0;
    while (i < length) {
      char c = body.charAt(i);
      if (plainEnd > i) { // ASCII that stays as it is, copied in one go
        out.appendPlain(body, i, plainEnd);
        i = plainEnd;
        continue;
      }
      if (c < 0x80 && KINDS[c] == KEEP) {
        plainEnd = plainStretchEnd(body, i);
        if (plainEnd > i) {
          continue;
        }
      }
      if (c < FIRST_CONTINUING && standsAlone(body, i + 1)) { // the common case, kept short
        int kind = KINDS[c];
        if (kind == KEEP) {
          out.put(c, i, i + 1);
        } else if (kind == WHITESPACE) {
          out.space(i, i + 1);
        } else if (kind == MAPPED) {
          out.appendMapped(replacement(c), i, i + 1);
        } else if (kind == DECOMPOSE) {
          out.appendNormalized(
              Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC), i, i + 1);
        }
        i++;
        continue;
      }
      int codePoint = body.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      int kind = kindOf(codePoint) & KIND_MASK;
      if (kind == REMOVED) {
        i = next;
        continue;
      }
      if (kind == WHITESPACE) {
        out.space(i, next);
        i = next;
        continue;
      }
      // The cluster: this code point and the continuing ones after it (removed ones skipped).
      int clusterEnd = next;
      int scan = next;
      while (scan < length) {
        int following = body.codePointAt(scan);
        int followingKind = kindOf(following);
        int after = scan + Character.charCount(following);
        if ((followingKind & CONTINUES) != 0) {
          clusterEnd = after;
        } else if ((followingKind & KIND_MASK) != REMOVED) {
          break;
        }
        scan = after;
      }
      if (clusterEnd == next) {
        if (kind == KEEP) {
          out.append(body, i, next);
        } else if (kind == MAPPED) {
          out.appendMapped(replacement(codePoint), i, next);
        } else {
          out.appendNormalized(
              Normalizer.normalize(body.substring(i, next), Normalizer.Form.NFKC), i, next);
        }
      } else {
        cluster.setLength(0);
        for (int at = i; at < clusterEnd; ) {
          int member = body.codePointAt(at);
          int memberKind = kindOf(member) & KIND_MASK;
          if (memberKind == MAPPED) {
            cluster.append(replacement(member));
          } else if (memberKind != REMOVED) {
            cluster.appendCodePoint(member);
          }
          at += Character.charCount(member);
        }
        out.appendNormalized(Normalizer.normalize(cluster, Normalizer.Form.NFKC), i, clusterEnd);
      }
      i = clusterEnd;
    }
    return out.finish(length);
  }

  /**
   * The end of the stretch from {@code from} that normalisation leaves as it is, char for char:
   * ASCII chars it keeps, each standing alone, and single spaces between two of them. {@code from}
   * itself if there is none.
   */
  private static int plainStretchEnd(String body, int from) {
    int length = body.length();
    int at = from;
    if (at < length && (body.charAt(at) >= 0x80 || KINDS[body.charAt(at)] != KEEP)) {
      return at; // a stretch starts with a kept char
    }
    // One table look-up per char, no branch on its kind: a branch per word boundary mispredicts.
    while (at + 1 < length) {
      char c = body.charAt(at);
      char next = body.charAt(at + 1);
      if ((c | next) >= 0x80 || !PLAIN_PAIRS[(c << 7) | next]) {
        break;
      }
      at++;
    }
    if (at + 1 == length && body.charAt(at) < 0x80 && KINDS[body.charAt(at)] == KEEP) {
      at++; // the last char of the body
    }
    if (at > from && body.charAt(at - 1) == ' ') {
      at--; // a stretch does not end with a space: it may start a run of white space
    }
    return at;
  }

  /** True if the cluster ending before {@code at} cannot be continued from {@code at} on. */
  private static boolean standsAlone(String body, int at) {
    if (at == body.length()) {
      return true;
    }
    char next = body.charAt(at);
    return next < FIRST_CONTINUING && (KINDS[next] & KIND_MASK) != REMOVED;
  }

  /** The ASCII replacement of a typographic quote, dash or ellipsis, or {@code null}. */
  static String replacement(int codePoint) {
    switch (codePoint) {
      case 0x2018: // ‘
      case 0x2019: // ’
      case 0x201A: // ‚
      case 0x201B: // ‛
      case 0x2032: // ′
      case 0x2035: // ‵
      case 0x2039: // ‹
      case 0x203A: // ›
      case 0x02BC: // ʼ modifier letter apostrophe
        return "'";
      case 0x201C: // “
      case 0x201D: // ”
      case 0x201E: // „
      case 0x201F: // ‟
      case 0x2033: // ″
      case 0x2036: // ‶
      case 0x00AB: // «
      case 0x00BB: // »
      case 0x301D: // 〝
      case 0x301E: // 〞
      case 0x301F: // 〟
        return "\"";
      case 0x2010: // ‐ hyphen
      case 0x2011: // ‑ non-breaking hyphen
      case 0x2012: // ‒ figure dash
      case 0x2013: // – en dash
      case 0x2014: // — em dash
      case 0x2015: // ― horizontal bar
      case 0x2212: // − minus sign
      case 0x2E3A: // ⸺ two-em dash
      case 0x2E3B: // ⸻ three-em dash
      case 0xFE58: // ﹘ small em dash
      case 0xFE63: // ﹣ small hyphen-minus
      case 0xFF0D: // － full-width hyphen-minus
        return "-";
      case 0x2026: // …
        return "...";
      default:
        return null;
    }
  }

  /** True for the characters this class treats as white space. */
  static boolean isWhitespace(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == 0x85; // next line
  }

  /** True for the characters this class removes: format and (non white space) control. */
  static boolean isRemoved(int codePoint) {
    int type = Character.getType(codePoint);
    return (type == Character.FORMAT || type == Character.CONTROL) && !isWhitespace(codePoint);
  }

  private static int kindOf(int codePoint) {
    return codePoint < KINDS.length ? KINDS[codePoint] : computeKind(codePoint);
  }

  private static boolean[] buildPlainPairs() {
    boolean[] pairs = new boolean[128 * 128];
    for (int c = 0; c < 128; c++) {
      for (int next = 0; next < 128; next++) {
        pairs[(c << 7) | next] =
            (KINDS[c] == KEEP && KINDS[next] != REMOVED) || (c == ' ' && KINDS[next] == KEEP);
      }
    }
    return pairs;
  }

  private static byte[] buildKinds(int size) {
    byte[] kinds = new byte[size];
    for (int codePoint = 0; codePoint < size; codePoint++) {
      kinds[codePoint] = (byte) computeKind(codePoint);
    }
    return kinds;
  }

  private static int computeKind(int codePoint) {
    if (codePoint < 0x80) { // fast answers for ASCII, which NFKC leaves alone
      if (isWhitespace(codePoint)) {
        return WHITESPACE;
      }
      return isRemoved(codePoint) ? REMOVED : KEEP;
    }
    if (Character.getType(codePoint) == Character.SURROGATE) {
      return KEEP; // a lone surrogate: kept as it is
    }
    if (isWhitespace(codePoint)) {
      return WHITESPACE;
    }
    if (isRemoved(codePoint)) {
      return REMOVED;
    }
    if (replacement(codePoint) != null) {
      return MAPPED;
    }
    String alone = new String(Character.toChars(codePoint));
    int kind = Normalizer.isNormalized(alone, Normalizer.Form.NFKC) ? KEEP : DECOMPOSE;
    int first = Normalizer.normalize(alone, Normalizer.Form.NFKD).codePointAt(0);
    if (composesWithPrevious(codePoint) || composesWithPrevious(first)) {
      kind |= CONTINUES;
    }
    return kind;
  }

  /**
   * True for code points NFC may compose with, or reorder around, the character before them:
   * combining marks (every non-starter is one) and every code point that is the second half of a
   * canonical composition pair. The pairs are read off the JDK's own Unicode data rather than
   * listed: most seconds are marks, but not all (the Hangul vowel and final jamo, and, from Unicode
   * 16, letters such as U+16D67 KIRAT RAI VOWEL SIGN E, which composes with itself).
   */
  private static boolean composesWithPrevious(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return CompositionSeconds.SECONDS.get(codePoint);
    }
  }

  /**
   * The second halves of the canonical composition pairs of the primary composites in {@code [from,
   * to)}: the last code point of the canonical decomposition of each code point that NFC composes
   * back from it.
   */
  private static BitSet compositionSeconds(int from, int to) {
    BitSet seconds = new BitSet();
    for (int codePoint = from; codePoint < to; codePoint++) {
      if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
        continue;
      }
      String alone = new String(Character.toChars(codePoint));
      if (Normalizer.isNormalized(alone, Normalizer.Form.NFD)) {
        continue;
      }
      String decomposed = Normalizer.normalize(alone, Normalizer.Form.NFD);
      if (decomposed.codePointCount(0, decomposed.length()) > 1
          && Normalizer.normalize(decomposed, Normalizer.Form.NFC).equals(alone)) {
        seconds.set(decomposed.codePointBefore(decomposed.length()));
      }
    }
    return seconds;
  }

  /**
   * Every composition second, computed once, when the kinds table is built: about a quarter of a
   * second on one core, most of it walking the supplementary planes. A class of its own so that it
   * is ready before the table needs it.
   */
  private static final class CompositionSeconds {
    static final BitSet SECONDS = compositionSeconds(0, Character.MAX_CODE_POINT + 1);
  }

  /** The growing normalised text with its offset map, kept as runs (see {@link NormalizedText}). */
  private static final class Output {
    private char[] chars;
    private int size;
    private int spaceStart = -1;
    private int spaceEnd;
    private int runCount;
    private int[] runStarts = new int[8];
    private int[] runOrigins = new int[8];
    private int[] runEnds = new int[8];

    Output(int expected) {
      chars = new char[Math.max(16, expected)];
    }

    /** Notes white space from {@code [start, end)}; it is written before the next character. */
    void space(int start, int end) {
      if (size == 0) {
        return; // leading white space is trimmed
      }
      if (spaceStart < 0) {
        spaceStart = start;
      }
      spaceEnd = end;
    }

    /** Appends {@code source[start, end)}, each char mapping to itself. */
    void appendPlain(String source, int start, int end) {
      flushSpace();
      ensureCapacity(size + end - start);
      source.getChars(start, end, chars, size);
      if (!continuesLinearRun(start)) {
        addRun(start, -1);
      }
      size += end - start;
    }

    void append(String source, int start, int end) {
      for (int at = start; at < end; at++) {
        put(source.charAt(at), start, end);
      }
    }

    void appendMapped(String replacement, int start, int end) {
      for (int at = 0; at < replacement.length(); at++) {
        put(replacement.charAt(at), start, end);
      }
    }

    /** Appends NFKC output, mapping any white space, quote or dash in it as the input would be. */
    void appendNormalized(String normalized, int start, int end) {
      for (int at = 0; at < normalized.length(); at++) {
        char c = normalized.charAt(at);
        int kind = KINDS[c] & KIND_MASK;
        if (kind == WHITESPACE) {
          space(start, end);
        } else if (kind == MAPPED) {
          appendMapped(replacement(c), start, end);
        } else if (kind != REMOVED) {
          put(c, start, end);
        }
      }
    }

    /** Appends {@code c}, mapping to {@code [start, end)}. */
    void put(char c, int start, int end) {
      flushSpace();
      ensureCapacity(size + 1);
      chars[size] = c;
      if (end - start == 1 && continuesLinearRun(start)) {
        size++;
        return;
      }
      int last = runCount - 1;
      if (runCount > 0 && runOrigins[last] == start) {
        if (runEnds[last] == end) {
          size++; // continues a span run
          return;
        }
        if (runEnds[last] < 0 && end - start == 1 && size - runStarts[last] == 1) {
          runEnds[last] = end; // a one-char linear run is also a span run
          size++;
          return;
        }
      }
      addRun(start, end - start == 1 ? -1 : end);
      size++;
    }

    private void flushSpace() {
      if (spaceStart >= 0) {
        int pendingStart = spaceStart;
        spaceStart = -1;
        put(' ', pendingStart, spaceEnd);
      }
    }

    /** True if the char at {@code size} mapping to {@code start} extends the last linear run. */
    private boolean continuesLinearRun(int start) {
      int last = runCount - 1;
      return runCount > 0
          && runEnds[last] < 0
          && runOrigins[last] + (size - runStarts[last]) == start;
    }

    /**
     * Starts a run at {@code size}: linear from {@code origin} if {@code end} is -1, else a span.
     */
    private void addRun(int origin, int end) {
      if (runCount == runStarts.length) {
        int capacity = 2 * runCount;
        runStarts = Arrays.copyOf(runStarts, capacity);
        runOrigins = Arrays.copyOf(runOrigins, capacity);
        runEnds = Arrays.copyOf(runEnds, capacity);
      }
      runStarts[runCount] = size;
      runOrigins[runCount] = origin;
      runEnds[runCount] = end;
      runCount++;
    }

    private void ensureCapacity(int capacity) {
      if (capacity > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(capacity, size + (size >> 1) + 16));
      }
    }

    NormalizedText finish(int originalLength) {
      // Trailing white space is trimmed: a pending space is never written.
      return new NormalizedText(
          new String(chars, 0, size), originalLength, runCount, runStarts, runOrigins, runEnds);
    }
  }
}
