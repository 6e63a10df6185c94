package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ASCII scanner against the Lucene chain it stands in for: same terms, offsets and hashes, on
 * tricky cases, on thousands of seeded random strings rich in the chars the word rules treat
 * specially, and on the seed articles.
 */
class AsciiWordScannerTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  private final WordTokenizer tokenizer = new WordTokenizer();

  static Stream<Arguments> trickyCases() {
    return Stream.of(
        Arguments.of("U.S. don't O'Neill", List.of("u.s", "don't", "o'neill")),
        Arguments.of("a.b.c. a..b a'.b", List.of("a.b.c", "a", "b", "a", "b")),
        Arguments.of("1,000.50 1;2 1'000 1:2", List.of("1,000.50", "1;2", "1'000", "1", "2")),
        Arguments.of("a:b a,b a;b", List.of("a:b", "a", "b", "a", "b")),
        Arguments.of("a1.2 1a.b a.1 1.a", List.of("a1.2", "1a.b", "a", "1", "1", "a")),
        Arguments.of("__a__ _ __ a_.b a._b", List.of("__a__", "a_", "b", "a", "_b")),
        Arguments.of("x_1_y 3_ _3", List.of("x_1_y", "3_", "_3")),
        Arguments.of(
            "e-mail user@example.com #tag &amp",
            List.of("e", "mail", "user", "example.com", "tag", "amp")),
        Arguments.of("\"quoted\" (paren) [b]", List.of("quoted", "paren", "b")),
        Arguments.of("'twas 'a' b'", List.of("twas", "a", "b")),
        Arguments.of("\u0001a\u0000b\u007F", List.of("a", "b")),
        Arguments.of("", List.of()),
        Arguments.of(" .,;:'_ ", List.of()));
  }

  @ParameterizedTest
  @MethodSource("trickyCases")
  void cutsTrickyCasesAsLuceneDoes(String text, List<String> expected) {
    assertThat(WordTokenizerTest.terms(tokenizer.tokenize(text))).isEqualTo(expected);
    assertSameAsLucene(text);
  }

  @Test
  void cutsLongWordsAsLuceneDoes() {
    String letters = "a".repeat(600);
    assertThat(WordTokenizerTest.terms(tokenizer.tokenize(letters)))
        .containsExactly("a".repeat(255), "a".repeat(255), "a".repeat(90));
    for (int length = 250; length <= 262; length++) {
      for (String filler : new String[] {"a", "1", "_", "a.", "1,", "a'", "_a", "a:"}) {
        for (String tail : new String[] {"", "a", ".b", "_", "__x", "1", ". "}) {
          StringBuilder text = new StringBuilder();
          while (text.length() < length) {
            text.append(filler);
          }
          text.setLength(length);
          assertSameAsLucene(text + tail);
          assertSameAsLucene("x " + text + tail);
          assertSameAsLucene("_" + text + tail + " z");
        }
      }
    }
  }

  /** Pieces weighted towards the chars the word rules treat specially, and runs of them. */
  private static final String[] PIECES = {
    "a", "b", "e", "z", "A", "Q", "Z", "0", "1", "9", ".", ".", ",", ",", ";", ":", "'", "'", "_",
    "_", "-", "/", "@", "#", "&", "\"", " ", " ", " ", "\n", "\t", "\r", "a.", "1.", "a'", "1,",
    "x:", "__", "'s", "U.S.", "3.5bn", "10:30", "1,000", "e-mail", "o'neill", "a_b"
  };

  @Test
  void randomAsciiMatchesLucene() {
    Random random = new Random(0xA5C11L);
    for (int round = 0; round < 10_000; round++) {
      assertSameAsLucene(randomAscii(random));
    }
  }

  /** A random ASCII string: mostly pieces, now and then any ASCII char or a long run. */
  static String randomAscii(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(40);
    for (int p = 0; p < pieces; p++) {
      int choice = random.nextInt(100);
      if (choice < 5) {
        text.append((char) random.nextInt(128));
      } else if (choice < 7) {
        String unit = PIECES[random.nextInt(PIECES.length)];
        text.append(unit.repeat(1 + random.nextInt(300 / unit.length())));
      } else {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return text.toString();
  }

  @Test
  void seedArticlesMatchLucene() throws IOException {
    List<Path> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(SEEDS)) {
      files.filter(file -> file.toString().endsWith(".txt")).sorted().forEach(seeds::add);
    }
    assertThat(seeds).isNotEmpty();
    for (Path seed : seeds) {
      String body = Files.readString(seed, StandardCharsets.UTF_8);
      String normalized = TextNormalizer.normalize(body).text();
      assertThat(normalized.chars().allMatch(c -> c < 128)).as("%s is ASCII", seed).isTrue();
      assertSameAsLucene(normalized);
      assertSameAsLucene(normalized.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private void assertSameAsLucene(String text) {
    Tokens fast = tokenizer.tokenize(text);
    Tokens lucene = tokenizer.tokenizeWithLucene(text);
    String shown = escape(text);
    assertThat(WordTokenizerTest.terms(fast))
        .as("terms of %s", shown)
        .isEqualTo(WordTokenizerTest.terms(lucene));
    for (int i = 0; i < lucene.size(); i++) {
      assertThat(new int[] {fast.start(i), fast.end(i)})
          .as("offsets of word %d of %s", i, shown)
          .containsExactly(lucene.start(i), lucene.end(i));
      assertThat(fast.termHash(i))
          .as("hash of word %d of %s", i, shown)
          .isEqualTo(lucene.termHash(i));
    }
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars()
        .forEach(
            c -> out.append(c < 0x7F && c >= 0x20 ? "" + (char) c : String.format("\\u%04X", c)));
    return out.toString();
  }
}
