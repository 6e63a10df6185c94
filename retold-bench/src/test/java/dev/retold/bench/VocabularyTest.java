package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void theShippedListIsTheEcbPlusCountsMostFrequentFirst() {
    Vocabulary english = Vocabulary.english();
    assertThat(english.size()).isEqualTo(12_373);
    assertThat(english.word(0)).isEqualTo("the");
    assertThat(english.count(0)).isEqualTo(19_751);
    assertThat(english.word(1)).isEqualTo("a");
    for (int rank = 1; rank < english.size(); rank++) {
      assertThat(english.count(rank)).isLessThanOrEqualTo(english.count(rank - 1));
      assertThat(english.word(rank)).matches("[a-z]+('[a-z]+)?");
    }
  }

  @Test
  void samplesFollowTheCounts() {
    Vocabulary tiny = new Vocabulary(List.of("a", "b", "c"), List.of(1L, 2L, 7L));
    SplitMix64 random = new SplitMix64(3);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      counts.merge(tiny.sample(random), 1, Integer::sum);
    }
    assertThat(counts.get("a")).isBetween(9_500, 10_500);
    assertThat(counts.get("b")).isBetween(19_300, 20_700);
    assertThat(counts.get("c")).isBetween(69_300, 70_700);
  }

  @Test
  void englishSamplesAreZipfLike() {
    Vocabulary english = Vocabulary.english();
    long total = 0;
    for (int rank = 0; rank < english.size(); rank++) {
      total += english.count(rank);
    }
    SplitMix64 random = new SplitMix64(5);
    int the = 0;
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      if (english.sample(random).equals("the")) {
        the++;
      }
    }
    double expected = (double) english.count(0) / total;
    assertThat((double) the / draws)
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.003));
  }

  @Test
  void badListsAreRefused() {
    assertThatThrownBy(() -> new Vocabulary(List.of(), List.of()))
        .hasMessage("a vocabulary needs at least one word");
    assertThatThrownBy(() -> new Vocabulary(List.of("a"), List.of(1L, 2L)))
        .hasMessage("words and counts differ in size: 1 != 2");
    assertThatThrownBy(() -> new Vocabulary(List.of("a"), List.of(0L)))
        .hasMessage("count must be > 0: 0 for a");
  }
}
