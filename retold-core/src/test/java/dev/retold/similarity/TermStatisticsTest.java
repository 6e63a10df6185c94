package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TermStatisticsTest {

  private static int[] terms(int... ids) {
    return ids;
  }

  @Test
  void aTermEveryArticleHasStillCounts() {
    // The tiny-folder case: five retellings of one story share their words. Plain ln(N/df) would
    // give those words weight 0 and the five would look unrelated.
    int[][] five = {terms(1, 2), terms(1, 3), terms(1, 4), terms(1, 5), terms(1)};
    TermStatistics statistics = TermStatistics.count(five, 6);
    assertThat(statistics.documentFrequency(1)).isEqualTo(5);
    assertThat(statistics.idf(1)).isEqualTo(1.0);
    assertThat(statistics.idf(2)).isCloseTo(Math.log(6.0 / 2.0) + 1, within(1e-12));
  }

  @Test
  void rarerTermsWeighMore() {
    TermStatistics statistics =
        TermStatistics.count(new int[][] {terms(1, 2), terms(1, 2), terms(1), terms(9)}, 43);
    assertThat(statistics.idf(9)).isGreaterThan(statistics.idf(2));
    assertThat(statistics.idf(2)).isGreaterThan(statistics.idf(1));
    assertThat(statistics.documentFrequency(42)).isZero();
    assertThat(statistics.idf(42)).isCloseTo(Math.log(5.0) + 1, within(1e-12));
  }
}
