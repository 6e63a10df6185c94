package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StoryTermWeigher#weigh} against {@link ReferenceStoryTermWeigher}, the weigher as it was
 * before it was made fast: the same terms with the same weights, bit for bit, on thousands of
 * seeded random texts made of what the weigher treats specially, on the seed articles, and with
 * weights whose sums depend on the order they are added in.
 */
class StoryTermWeigherReferenceTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  private final WordTokenizer tokenizer = new WordTokenizer();

  /** The default weights, and ones whose sums are inexact, so that the order of adding shows. */
  static Stream<StoryTermWeigher> weighers() {
    return Stream.of(
        StoryTermWeigher.withDefaults(),
        new StoryTermWeigher(1.1, 1.7, 0.3),
        new StoryTermWeigher(2.9, 1.0, 0.0));
  }

  /**
   * Pieces of text: stopwords, capitalised or not; names; possessives with straight and curly
   * quotes; numbers and words with digits (ASCII and not); one-letter words; words longer than
   * eight chars; what ends sentences and lines, and the quotes and brackets looked past; words
   * outside ASCII (so the Lucene path), chars that normalise to others, upper case chars that
   * normalise to ASCII, combining marks, and chars normalisation removes.
   */
  private static final String[] PIECES = {
    "the",
    "The",
    "THE",
    "of",
    "and",
    "said",
    "Said",
    "according",
    "yourself",
    "its",
    "it's",
    "navy",
    "pirates",
    "vessel",
    "Mysore",
    "Lee",
    "INS",
    "McDonald",
    "O'Neill",
    "U.S.",
    "Krashai",
    "Lee's",
    "Lee’s",
    "James's",
    "it's",
    "one's",
    "s's",
    "x's",
    "'s",
    "’s",
    "Café's",
    "Ελλάδα's",
    "23",
    "2023",
    "3.5bn",
    "1,000",
    "mp3",
    "g7",
    "B2B",
    "10:30",
    "covid19",
    "x1y",
    "٣٤",
    "१२",
    "abc٣",
    "Ⅻ",
    "²",
    "¼",
    "a",
    "I",
    "b",
    "X",
    "y",
    "Z",
    "_",
    "__a",
    "a_b",
    "international",
    "Counterintelligence",
    "abcdefgh",
    "abcdefghi",
    "abcdefg1",
    "abcdefgh1",
    "Café",
    "Müller",
    "Москва",
    "東京",
    "İstanbul",
    "straße",
    "ﬁnal",
    "Ⓐbc",
    "Ｆｕｌｌ",
    "K",
    "ǅemal",
    "Ĳssel",
    "E\u0301lan",
    "e\u0301te\u0301",
    "A\u0358b",
    "\uD835\uDC00bc",
    "\uD83D\uDE00",
    "zero\u200Bwidth",
    "co\u00ADoperate",
    "\u00A0",
    "x\u3000y",
    ".",
    ". ",
    "! ",
    "? ",
    ": ",
    "; ",
    ", ",
    " — ",
    " - ",
    "…",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "(",
    ")",
    "[",
    "]",
    "`",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    " \n ",
    "\u2028"
  };

  /** A random text: pieces one after the other, mostly with a space between. */
  private static String randomText(SplittableRandom random, int maxPieces) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int p = 0; p < pieces; p++) {
      int choice = random.nextInt(100);
      if (choice < 2) {
        text.append((char) random.nextInt(0x3000)); // any char, now and then
      } else if (choice < 3) {
        text.append("abc1".repeat(1 + random.nextInt(80))); // a long word, cut up by Lucene
      } else {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      if (random.nextInt(4) != 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  static Stream<Arguments> seeds() {
    return Stream.of(Arguments.of(0x5709EL), Arguments.of(0xC0FFEEL), Arguments.of(42L));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomTextsWeighAsBefore(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 2_000; round++) {
      String body = randomText(random, 60);
      String title = random.nextInt(3) == 0 ? null : randomText(random, 12);
      weighers().forEach(weigher -> assertSameAsReference(weigher, body, title));
    }
  }

  @Test
  void seedArticlesWeighAsBefore() throws IOException {
    List<Path> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(SEEDS)) {
      files.filter(file -> file.toString().endsWith(".txt")).sorted().forEach(seeds::add);
    }
    assertThat(seeds).isNotEmpty();
    for (Path seed : seeds) {
      String body = Files.readString(seed, StandardCharsets.UTF_8);
      String firstLine = body.lines().findFirst().orElse("");
      weighers()
          .forEach(
              weigher -> {
                assertSameAsReference(weigher, body, firstLine);
                assertSameAsReference(weigher, body, null);
              });
    }
  }

  @Test
  void edgeCasesWeighAsBefore() {
    String[] bodies = {
      "",
      " ",
      "a",
      "A",
      "'s",
      "Lee's",
      "x Lee's",
      "x Lee’s",
      "Then 7",
      "x 12345678",
      "x 123456789",
      "x abcdefg1",
      "(Mysore) [Lee] `Ann` \"Bo\" ‘Cy’ “Di” Ed",
      "Yes.\nMysore",
      "Yes.\r\nMysore",
      "x\u00A0Mysore",
      "it: Mysore; Lee! Ann? Bo — Cy",
      "\u200BMysore is here",
      "x \u200BMysore",
      "x Ⓐnn",
      "x \uD835\uDC00nn",
      "x ǅemal",
      "x Ⅻ",
      "σ Σ ς",
      "Then Ελλάδα"
    };
    for (String body : bodies) {
      weighers().forEach(weigher -> assertSameAsReference(weigher, body, body));
    }
  }

  /**
   * The weigher skips looking at the body for a word whose normalised text starts with an ASCII
   * char other than {@code A-Z}. That char came from a char or a cluster (a char and the combining
   * chars after it) starting where the word maps to in the body; NFKC recomposes the NFKD forms of
   * those chars, and composing never gives an ASCII char, so the ASCII chars of the output are
   * among those of the NFKD forms. This checks, for every char of the Basic Multilingual Plane,
   * that an upper case one decomposes to no ASCII char other than {@code A-Z}, and that one that
   * may continue a cluster decomposes to no ASCII char at all; and that the normaliser agrees.
   */
  @Test
  void noUpperCaseCharNormalisesToAsciiOtherThanCapitals() {
    for (int c = 0; c < 0x10000; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD);
      if (Character.isUpperCase((char) c)) {
        assertThat(asciiOf(decomposed))
            .as("U+%04X decomposes to %s", c, decomposed)
            .matches("[A-Z]*");
        String normalized = TextNormalizer.normalize((char) c + "\u0301").text();
        assertThat(asciiOf(normalized))
            .as("U+%04X normalises to %s", c, normalized)
            .matches("[A-Z]*");
      }
      if (mayContinueCluster(c) || mayContinueCluster(decomposed.codePointAt(0))) {
        assertThat(asciiOf(decomposed)).as("U+%04X decomposes to %s", c, decomposed).isEmpty();
      }
    }
  }

  /** The ASCII chars of {@code text}. */
  private static String asciiOf(String text) {
    return text.codePoints()
        .filter(c -> c < 0x80)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** What {@link TextNormalizer} lets join the cluster before it: marks, and Hangul V and T. */
  private static boolean mayContinueCluster(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || (codePoint >= 0x1161 && codePoint <= 0x1175)
        || (codePoint >= 0x11A8 && codePoint <= 0x11C2);
  }

  private void assertSameAsReference(StoryTermWeigher weigher, String body, String title) {
    NormalizedText normalized = TextNormalizer.normalize(body);
    Tokens tokens = tokenizer.tokenize(normalized);
    Tokens titleTokens =
        title == null ? Tokens.empty() : tokenizer.tokenize(TextNormalizer.normalize(title));
    TermCounts counts = weigher.weigh(body, normalized, tokens, titleTokens);
    ReferenceStoryTermWeigher.Counts expected =
        new ReferenceStoryTermWeigher(weigher).weigh(body, normalized, tokens, titleTokens);
    long[] terms = new long[counts.size()];
    long[] weightBits = new long[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      terms[i] = counts.term(i);
      weightBits[i] = Double.doubleToRawLongBits(counts.weight(i));
    }
    long[] expectedBits = new long[expected.weights().length];
    for (int i = 0; i < expectedBits.length; i++) {
      expectedBits[i] = Double.doubleToRawLongBits(expected.weights()[i]);
    }
    assertThat(terms)
        .as("terms of %s | %s with %s", body, title, weigher)
        .isEqualTo(expected.terms());
    assertThat(weightBits)
        .as("weights of %s | %s with %s", body, title, weigher)
        .isEqualTo(expectedBits);
  }
}
