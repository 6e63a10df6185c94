package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoryVectorTest {
  /** Statistics in which every term has the same idf, so cosines are plain. */
  private static final TermStatistics FLAT = TermStatistics.count(new int[0][], 0);

  private static StoryVector vector(int[] terms, double[] counts) {
    float[] floats = new float[counts.length];
    for (int i = 0; i < counts.length; i++) {
      floats[i] = (float) counts[i];
    }
    return StoryVector.of(terms, floats, FLAT);
  }

  static Stream<Arguments> cosines() {
    double w = 1 + Math.log1p(1); // the weight of a term counted once
    return Stream.of(
        Arguments.of(new int[] {1, 2}, new int[] {1, 2}, 1.0),
        Arguments.of(new int[] {1, 2}, new int[] {3, 4}, 0.0),
        Arguments.of(new int[] {1, 2}, new int[] {2, 3}, 0.5),
        Arguments.of(new int[] {1}, new int[] {1, 2, 3, 4}, w * w / (w * Math.sqrt(4) * w)),
        Arguments.of(new int[] {}, new int[] {1}, 0.0),
        Arguments.of(new int[] {}, new int[] {}, 0.0));
  }

  @ParameterizedTest
  @MethodSource("cosines")
  void cosineOfEqualWeights(int[] a, int[] b, double expected) {
    double[] ones = new double[a.length];
    double[] onesB = new double[b.length];
    java.util.Arrays.fill(ones, 1);
    java.util.Arrays.fill(onesB, 1);
    assertThat(vector(a, ones).cosine(vector(b, onesB))).isCloseTo(expected, within(1e-6));
  }

  @Test
  void repeatsCountSublinearly() {
    StoryVector once = vector(new int[] {1, 2}, new double[] {1, 1});
    StoryVector often = vector(new int[] {1, 2}, new double[] {10, 1});
    StoryVector other = vector(new int[] {2}, new double[] {1});
    // ten mentions of term 1 weigh (1 + ln 11) / (1 + ln 2) = 2.0 times one, not ten times
    assertThat(often.cosine(other)).isGreaterThan(0.3);
    assertThat(once.cosine(other)).isGreaterThan(often.cosine(other));
  }

  @Test
  void termsMustIncrease() {
    assertThatThrownBy(() -> vector(new int[] {2, 1}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increasing");
  }

  @Test
  void topTermsAreTheHeaviestThatPassTheFilter() {
    StoryVector vector = vector(new int[] {5, 6, 7, 8}, new double[] {1, 4, 2, 3});
    assertThat(vector.topTerms(2, term -> true)).containsExactly(6, 8);
    assertThat(vector.topTerms(2, term -> term != 6)).containsExactly(8, 7);
    assertThat(vector.topTerms(9, term -> true)).containsExactly(6, 8, 7, 5);
  }

  static Stream<Arguments> dates() {
    LocalDate day = LocalDate.of(2026, 1, 5);
    return Stream.of(
        // dateA, dateB, lexical cosine, apart?
        Arguments.of(null, null, 0.1, false),
        Arguments.of(day, null, 0.1, false),
        Arguments.of(day, day.plusDays(120), 0.1, false),
        Arguments.of(day, day.plusDays(121), 0.1, true),
        Arguments.of(day.plusDays(400), day, 0.59, true),
        Arguments.of(day.plusDays(400), day, 0.6, false)); // copied wording: dates do not count
  }

  @ParameterizedTest
  @MethodSource("dates")
  void datesMonthsApartRuleAPairOutUnlessItsWordingIsCopied(
      LocalDate a, LocalDate b, double lexical, boolean apart) {
    assertThat(new StoryScorer(120, 0.6).apart(lexical, a, b)).isEqualTo(apart);
  }
}
