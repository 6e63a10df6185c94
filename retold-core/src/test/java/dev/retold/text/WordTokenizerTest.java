package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WordTokenizerTest {
  private final WordTokenizer tokenizer = new WordTokenizer();

  static Stream<Arguments> knownTokenizations() {
    return Stream.of(
        Arguments.of(
            "South Korea-China relations", List.of("south", "korea", "china", "relations")),
        Arguments.of("Lee's", List.of("lee's")),
        Arguments.of("U.S. officials", List.of("u.s", "officials")),
        Arguments.of("2026", List.of("2026")),
        Arguments.of("café", List.of("cafe")),
        Arguments.of("Café Straße Œuvre naïve", List.of("cafe", "strasse", "oeuvre", "naive")),
        Arguments.of("don't O'Neill", List.of("don't", "o'neill")),
        Arguments.of("$3.5bn 1,000 10:30", List.of("3.5bn", "1,000", "10", "30")),
        Arguments.of("e-mail user@example.com", List.of("e", "mail", "user", "example.com")),
        Arguments.of("東京 ソウル", List.of("東", "京", "ソウル")),
        Arguments.of("Hello, World!", List.of("hello", "world")),
        Arguments.of("the THE The", List.of("the", "the", "the")),
        Arguments.of("", List.of()),
        Arguments.of(" ... - ", List.of()));
  }

  @ParameterizedTest
  @MethodSource("knownTokenizations")
  void cutsKnownTexts(String text, List<String> expected) {
    assertThat(terms(tokenizer.tokenize(text))).isEqualTo(expected);
  }

  @Test
  void givesOffsetsIntoTheText() {
    String text = "\"Hello,\" she said - 'twas café";
    Tokens tokens = tokenizer.tokenize(text);
    assertThat(terms(tokens)).containsExactly("hello", "she", "said", "twas", "cafe");
    for (int i = 0; i < tokens.size(); i++) {
      String original = text.substring(tokens.start(i), tokens.end(i));
      assertThat(original.toLowerCase().replace('é', 'e')).isEqualTo(tokens.term(i));
    }
    assertThat(tokens.start(4)).isEqualTo(26);
    assertThat(tokens.end(4)).isEqualTo(30);
  }

  @Test
  void tokenizesNormalizedTextWithOffsetsIntoIt() {
    NormalizedText normalized = TextNormalizer.normalize("The  “ﬁnal”  word");
    Tokens tokens = tokenizer.tokenize(normalized);
    assertThat(terms(tokens)).containsExactly("the", "final", "word");
    assertThat(normalized.text().substring(tokens.start(1), tokens.end(1))).isEqualTo("final");
    assertThat(normalized.originalOffset(tokens.start(1))).isEqualTo(6);
    assertThat(normalized.originalEnd(tokens.end(1))).isEqualTo(10);
  }

  @Test
  void hashesTermsWithAPinnedFunction() {
    assertThat(WordTokenizer.hashTerm("the")).isEqualTo(0x6ff241835a5a47f6L);
    assertThat(WordTokenizer.hashTerm("")).isEqualTo(0xb7683ea7430132b4L);
    Tokens tokens = tokenizer.tokenize("The the THE");
    for (int i = 0; i < tokens.size(); i++) {
      assertThat(tokens.termHash(i)).isEqualTo(0x6ff241835a5a47f6L);
    }
  }

  @Test
  void growsPastItsFirstGuessOnLongTexts() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append('w').append(i).append(' ');
    }
    Tokens tokens = tokenizer.tokenize(text.toString());
    assertThat(tokens.size()).isEqualTo(5_000);
    assertThat(tokens.term(4_999)).isEqualTo("w4999");
    assertThat(tokens.termHash(4_999)).isEqualTo(WordTokenizer.hashTerm("w4999"));
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    Random random = new Random(0x70CE);
    List<String> texts = new ArrayList<>();
    for (int t = 0; t < 200; t++) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(300); w > 0; w--) {
        text.append("word").append(random.nextInt(50)).append(random.nextBoolean() ? " " : ", ");
      }
      texts.add(text.toString());
    }
    List<List<String>> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(terms(new WordTokenizer().tokenize(text)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String text : texts) {
          results.add(pool.submit(() -> terms(tokenizer.tokenize(text))));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % texts.size()));
      }
    } finally {
      pool.shutdown();
    }
  }

  static List<String> terms(Tokens tokens) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      terms.add(tokens.term(i));
    }
    return terms;
  }
}
