package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryTermWeigherTest {
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final StoryTermWeigher weigher = StoryTermWeigher.withDefaults();

  private Map<Long, Double> weigh(String body, String title) {
    NormalizedText normalized = TextNormalizer.normalize(body);
    Tokens titleTokens =
        title == null ? Tokens.empty() : tokenizer.tokenize(TextNormalizer.normalize(title));
    TermCounts counts =
        weigher.weigh(body, normalized, tokenizer.tokenize(normalized), titleTokens);
    Map<Long, Double> weights = new HashMap<>();
    for (int i = 0; i < counts.size(); i++) {
      weights.put(counts.term(i), counts.weight(i));
    }
    return weights;
  }

  private static long hash(String term) {
    return WordTokenizer.hashTerm(term);
  }

  @ParameterizedTest(name = "{0} -> {1} weighs {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The navy seized pirates.|navy|1.0", // lower case: plain
        "Pirates attacked the ship.|pirates|1.0", // capitalised, but opens the sentence
        "Then Mysore answered.|mysore|3.0", // a name inside a sentence
        "It sank. Mysore answered.|mysore|1.0", // opens the second sentence
        "They said \"Mysore\" twice.|mysore|3.0", // quotes do not open a sentence
        "It held 23 men.|23|2.0", // a number
        "The ship INS Mysore sailed.|ins|3.0",
        "Lee's visit began.|lee|1.0", // the possessive goes, the word stays
        "Then Lee's visit began.|lee|3.0",
        "He said it would.|said|0.0", // reporting verbs and function words are out
        "A b c went.|b|0.0" // one-letter words are out
      })
  void weighsEachOccurrence(String body, String term, double expected) {
    assertThat(weigh(body, null).getOrDefault(hash(term), 0.0)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void aLineStartOpensASentence() {
    assertThat(weigh("Subheading\nMysore sailed on.", null).get(hash("mysore"))).isEqualTo(1.0);
  }

  @Test
  void titleWordsCountAgain() {
    Map<Long, Double> weights = weigh("The navy seized pirates.", "Navy seizes pirates");
    assertThat(weights.get(hash("navy"))).isEqualTo(3.0); // 1 in the body + 2 in the title
    assertThat(weights.get(hash("seizes"))).isEqualTo(2.0);
  }

  @Test
  void repeatsAddUp() {
    assertThat(weigh("Then Mysore came. Then Mysore went.", null).get(hash("mysore")))
        .isEqualTo(6.0);
  }

  @Test
  void refusesWeightsBelowOne() {
    assertThatThrownBy(() -> new StoryTermWeigher(0.5, 2, 2))
        .hasMessage("properNounWeight must be >= 1: 0.5");
  }
}
