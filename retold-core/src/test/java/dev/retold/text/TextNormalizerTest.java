package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormalizerTest {

  static Stream<Arguments> knownValues() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of(" \t\n ", ""),
        Arguments.of("plain text", "plain text"),
        Arguments.of("“Hello,” she said", "\"Hello,\" she said"),
        Arguments.of("‘twas Lee’s ‚low‛", "'twas Lee's 'low'"),
        Arguments.of("„Ja“ und «oui» ‹non›", "\"Ja\" und \"oui\" 'non'"),
        Arguments.of("5′ 11″", "5' 11\""),
        Arguments.of("a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"),
        Arguments.of("wait…", "wait..."),
        Arguments.of("ﬁnal ﬂow", "final flow"),
        Arguments.of("Ｆｕｌｌ－ｗｉｄｔｈ", "Full-width"),
        Arguments.of("e\u0301te\u0301", "été"),
        Arguments.of("e\u200B\u0301", "é"),
        Arguments.of("zero\u200Bwidth\uFEFF", "zerowidth"),
        Arguments.of("co\u00ADoperate", "cooperate"),
        Arguments.of("  a \u00A0\t b  ", "a b"),
        Arguments.of("10\u202F000", "10 000"),
        Arguments.of("line\u2028break", "line break"),
        Arguments.of("x\u3000y", "x y"),
        Arguments.of("\uD835\uDC00\uD835\uDC01", "AB"),
        Arguments.of("smile \uD83D\uDE00", "smile \uD83D\uDE00"),
        Arguments.of("ｶﾞ", "ガ"),
        Arguments.of("\u3131\u314F", "가"),
        Arguments.of("¼ km²", "1⁄4 km2"),
        Arguments.of("a\u0000b\u007F", "ab"));
  }

  @ParameterizedTest
  @MethodSource("knownValues")
  void normalizesKnownValues(String body, String expected) {
    assertThat(TextNormalizer.normalize(body).text()).isEqualTo(expected);
    assertThat(TextNormalizer.normalize(body).text()).isEqualTo(reference(body));
  }

  static Stream<Arguments> knownOffsets() {
    return Stream.of(
        // body, normalised, starts of each normalised char, ends of each normalised char
        Arguments.of("ﬁ x", "fi x", new int[] {0, 0, 1, 2}, new int[] {1, 1, 2, 3}),
        Arguments.of(" a  \u00A0 b ", "a b", new int[] {1, 2, 6}, new int[] {2, 6, 7}),
        Arguments.of("e\u0301x", "éx", new int[] {0, 2}, new int[] {2, 3}),
        Arguments.of("\uD83D\uDE00a", "\uD83D\uDE00a", new int[] {0, 0, 2}, new int[] {2, 2, 3}),
        Arguments.of("so…", "so...", new int[] {0, 1, 2, 2, 2}, new int[] {1, 2, 3, 3, 3}),
        Arguments.of("a\u200Bb", "ab", new int[] {0, 2}, new int[] {1, 3}));
  }

  @ParameterizedTest
  @MethodSource("knownOffsets")
  void mapsKnownOffsets(String body, String expected, int[] starts, int[] ends) {
    NormalizedText normalized = TextNormalizer.normalize(body);
    assertThat(normalized.text()).isEqualTo(expected);
    for (int i = 0; i < expected.length(); i++) {
      assertThat(normalized.originalOffset(i)).as("start of %d", i).isEqualTo(starts[i]);
      assertThat(normalized.originalEnd(i + 1)).as("end of %d", i).isEqualTo(ends[i]);
    }
  }

  @Test
  void mapsEmptySpansAtTheEdges() {
    NormalizedText normalized = TextNormalizer.normalize("  ab  ");
    assertThat(normalized.originalEnd(0)).isEqualTo(2);
    assertThat(normalized.originalOffset(2)).isEqualTo(4);
    assertThat(normalized.originalLength()).isEqualTo(6);
    NormalizedText empty = TextNormalizer.normalize("  ");
    assertThat(empty.originalOffset(0)).isZero();
    assertThat(empty.originalEnd(0)).isZero();
    assertThatThrownBy(() -> normalized.originalOffset(3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("3");
    assertThatThrownBy(() -> normalized.originalEnd(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("-1");
  }

  private static final String[] PIECES = {
    "a",
    "b",
    "e",
    "z",
    "A",
    "Q",
    "0",
    "7",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00A0",
    "\u2009",
    "\u3000",
    "‘",
    "’",
    "“",
    "”",
    "„",
    "«",
    "»",
    "′",
    "″",
    "‴",
    "–",
    "—",
    "−",
    "‑",
    "…",
    "ﬁ",
    "ﬂ",
    "é",
    "e\u0301",
    "\u0301",
    "\u0308\u0323",
    "\u0323\u0308",
    "ö",
    "Å",
    "ß",
    "ǖ",
    "\u200B",
    "\u200D",
    "\u00AD",
    "\uFEFF",
    "\uD83D\uDE00",
    "\uD835\uDC00",
    "\uD840\uDC0B",
    "\uDC00",
    "Ａ",
    "ｶ",
    "ﾞ",
    "\u3131",
    "\u314F",
    "\u11A8",
    "가",
    "\u1100",
    "\u1161",
    "=",
    "\u0338",
    "¨",
    "´",
    "ª",
    "½",
    "\u0B47",
    "\u0B3E",
    "\u2126",
    "Ⅻ",
    "㍿",
    "\u2028",
    "\u0085",
    "\u0001"
  };

  @Test
  void randomTextMatchesTheWholeTextReferenceAndMapsMonotonically() {
    Random random = new Random(0x7E47L);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder body = new StringBuilder();
      int pieces = random.nextInt(30);
      for (int p = 0; p < pieces; p++) {
        body.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String original = body.toString();
      NormalizedText normalized = TextNormalizer.normalize(original);
      String text = normalized.text();
      assertThat(text).as("body %s", escape(original)).isEqualTo(reference(original));
      int previousStart = 0;
      int previousEnd = 0;
      for (int i = 0; i < text.length(); i++) {
        int start = normalized.originalOffset(i);
        int end = normalized.originalEnd(i + 1);
        assertThat(start).isGreaterThanOrEqualTo(previousStart).isLessThan(end);
        assertThat(end).isGreaterThanOrEqualTo(previousEnd).isLessThanOrEqualTo(original.length());
        char c = text.charAt(i);
        char source = original.charAt(start);
        if (isAsciiLetter(source) && isAsciiLetter(c)) {
          assertThat(c).as("char %d of %s", i, escape(original)).isEqualTo(source);
        }
        previousStart = start;
        previousEnd = end;
      }
      // Every ASCII letter standing alone in the body is in the text, mapped to itself.
      for (int at = 0; at < original.length(); at++) {
        boolean alone =
            at + 1 == original.length()
                || (original.charAt(at + 1) < 0x80
                    && !Character.isISOControl(original.charAt(at + 1)));
        if (isAsciiLetter(original.charAt(at)) && alone) {
          int at0 = at;
          long hits =
              java.util.stream.IntStream.range(0, text.length())
                  .filter(i -> normalized.originalOffset(i) == at0)
                  .count();
          assertThat(hits).as("letter at %d of %s", at, escape(original)).isEqualTo(1);
        }
      }
    }
  }

  /** The bulk maps of ascending offsets (a text's word starts and ends) agree with one by one. */
  @Test
  void mapsAscendingOffsetsInOneWalkAsOneByOne() {
    Random random = new Random(0x0FF5L);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder body = new StringBuilder();
      int pieces = random.nextInt(30);
      for (int p = 0; p < pieces; p++) {
        body.append(PIECES[random.nextInt(PIECES.length)]);
      }
      NormalizedText normalized = TextNormalizer.normalize(body.toString());
      int[] offsets = new int[random.nextInt(12)];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = random.nextInt(normalized.length() + 1);
      }
      java.util.Arrays.sort(offsets);
      int[] starts = normalized.originalOffsets(offsets);
      int[] ends = normalized.originalEnds(offsets);
      for (int i = 0; i < offsets.length; i++) {
        assertThat(starts[i]).isEqualTo(normalized.originalOffset(offsets[i]));
        assertThat(ends[i]).isEqualTo(normalized.originalEnd(offsets[i]));
      }
    }
    NormalizedText text = TextNormalizer.normalize("a b");
    assertThatThrownBy(() -> text.originalOffsets(new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> text.originalEnds(new int[] {4}))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void leavesPlainTextAsItIsWithoutACopy() {
    String plain = "Plain ASCII: one space between words, (no) irregular white space.";
    NormalizedText normalized = TextNormalizer.normalize(plain);
    assertThat(normalized.text()).isSameAs(plain);
    assertThat(normalized.originalOffset(12)).isEqualTo(12);
    assertThat(normalized.originalEnd(plain.length())).isEqualTo(plain.length());
    assertThat(TextNormalizer.normalize("").text()).isEmpty();
  }

  private static final String[] ASCII_PIECES = {
    "a", "Bc", "word", ".", ",", "'", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u000B",
    "\u001C", "\u0000", "\u0001", "\u007F", "-", "\u0301", "e\u0301"
  };

  /**
   * Mostly ASCII bodies, which take the plain-stretch path: each kept char maps to itself, and each
   * space to a run of white space (and removed chars) that starts and ends with white space.
   */
  @Test
  void mapsMostlyAsciiTextExactly() {
    Random random = new Random(0xA5C1L);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder body = new StringBuilder();
      for (int p = random.nextInt(40); p > 0; p--) {
        body.append(ASCII_PIECES[random.nextInt(ASCII_PIECES.length)]);
      }
      String original = body.toString();
      NormalizedText normalized = TextNormalizer.normalize(original);
      String text = normalized.text();
      assertThat(text).as("body %s", escape(original)).isEqualTo(reference(original));
      int previousStart = 0;
      int previousEnd = 0;
      for (int i = 0; i < text.length(); i++) {
        int start = normalized.originalOffset(i);
        int end = normalized.originalEnd(i + 1);
        assertThat(start)
            .as("char %d of %s", i, escape(original))
            .isGreaterThanOrEqualTo(previousStart);
        assertThat(end)
            .as("char %d of %s", i, escape(original))
            .isGreaterThanOrEqualTo(previousEnd);
        String source = original.substring(start, end);
        if (text.charAt(i) == ' ') {
          assertThat(TextNormalizer.isWhitespace(source.charAt(0))).isTrue();
          assertThat(TextNormalizer.isWhitespace(source.charAt(source.length() - 1))).isTrue();
          assertThat(
                  source
                      .chars()
                      .allMatch(c -> TextNormalizer.isWhitespace(c) || TextNormalizer.isRemoved(c)))
              .as("space %d of %s", i, escape(original))
              .isTrue();
        } else if (text.charAt(i) < 0x80 && source.length() == 1) {
          assertThat(source.charAt(0))
              .as("char %d of %s", i, escape(original))
              .isEqualTo(text.charAt(i));
        }
        previousStart = start;
        previousEnd = end;
      }
    }
  }

  @Test
  void everyDecomposableCodePointComposesAsTheWholeTextReferenceDoes() {
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
        continue;
      }
      String alone = new String(Character.toChars(codePoint));
      String decomposed = Normalizer.normalize(alone, Normalizer.Form.NFKD);
      if (decomposed.equals(alone)) {
        continue;
      }
      for (String body :
          new String[] {alone, decomposed, "a" + decomposed, decomposed + "\u0301"}) {
        assertThat(TextNormalizer.normalize(body).text())
            .as("U+%04X as %s", codePoint, escape(body))
            .isEqualTo(reference(body));
      }
    }
  }

  /** The steps of the class description, applied to the whole text at once. */
  static String reference(String body) {
    StringBuilder premapped = new StringBuilder();
    body.codePoints()
        .forEach(
            codePoint -> {
              String replacement = TextNormalizer.replacement(codePoint);
              if (replacement != null) {
                premapped.append(replacement);
              } else if (!TextNormalizer.isRemoved(codePoint)) {
                premapped.appendCodePoint(codePoint);
              }
            });
    String composed = Normalizer.normalize(premapped, Normalizer.Form.NFKC);
    StringBuilder postmapped = new StringBuilder();
    for (int i = 0; i < composed.length(); i++) {
      char c = composed.charAt(i);
      String replacement = TextNormalizer.replacement(c);
      if (TextNormalizer.isWhitespace(c)) {
        if (postmapped.length() > 0 && postmapped.charAt(postmapped.length() - 1) != ' ') {
          postmapped.append(' ');
        }
      } else if (replacement != null) {
        postmapped.append(replacement);
      } else if (!TextNormalizer.isRemoved(c)) {
        postmapped.append(c);
      }
    }
    int end = postmapped.length();
    return end > 0 && postmapped.charAt(end - 1) == ' '
        ? postmapped.substring(0, end - 1)
        : postmapped.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars()
        .forEach(
            c -> out.append(c < 0x80 && c >= 0x20 ? "" + (char) c : String.format("\\u%04X", c)));
    return out.toString();
  }
}
