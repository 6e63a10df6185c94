package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LshParametersTest {

  /**
   * Expected values computed independently: the same search in Python with SciPy's adaptive
   * quadrature ({@code scipy.integrate.quad}) for the two areas.
   */
  static Stream<Arguments> knownOptima() {
    return Stream.of(
        // threshold, components, false-positive weight, false-negative weight, bands, rows
        Arguments.of(0.1, 128, 0.5, 0.5, 64, 2),
        Arguments.of(0.2, 128, 0.5, 0.5, 28, 2),
        Arguments.of(0.3, 128, 0.5, 0.5, 37, 3),
        Arguments.of(0.4, 128, 0.5, 0.5, 32, 4),
        Arguments.of(0.5, 128, 0.5, 0.5, 25, 5),
        Arguments.of(0.6, 128, 0.5, 0.5, 18, 7),
        Arguments.of(0.7, 128, 0.5, 0.5, 14, 9),
        Arguments.of(0.8, 128, 0.5, 0.5, 9, 13),
        Arguments.of(0.9, 128, 0.5, 0.5, 5, 25),
        Arguments.of(0.5, 128, 0.1, 0.9, 32, 4),
        Arguments.of(0.5, 128, 0.9, 0.1, 16, 8),
        Arguments.of(0.5, 256, 0.5, 0.5, 42, 6),
        Arguments.of(0.8, 256, 0.5, 0.5, 17, 15),
        Arguments.of(0.5, 64, 0.5, 0.5, 14, 4),
        Arguments.of(0.5, 16, 0.5, 0.5, 5, 3),
        Arguments.of(0.5, 1, 0.5, 0.5, 1, 1));
  }

  @ParameterizedTest
  @MethodSource("knownOptima")
  void findsTheKnownOptimum(
      double threshold, int components, double fpWeight, double fnWeight, int bands, int rows) {
    assertThat(LshParameters.optimal(threshold, components, fpWeight, fnWeight))
        .isEqualTo(new LshParameters(bands, rows));
  }

  @Test
  void usesEqualWeightsByDefault() {
    assertThat(LshParameters.optimal(0.5, 128)).isEqualTo(new LshParameters(25, 5));
  }

  @Test
  void higherThresholdsUseMoreRowsPerBandAndMissLittleAboveThem() {
    int previousRows = 0;
    for (int percent = 10; percent <= 80; percent += 5) {
      double threshold = percent / 100.0;
      LshParameters parameters = LshParameters.optimal(threshold, 128);
      assertThat(parameters.rows())
          .as("rows at %s", threshold)
          .isGreaterThanOrEqualTo(previousRows);
      assertThat(parameters.components()).isLessThanOrEqualTo(128);
      assertThat(1 - parameters.probability(threshold + 0.2))
          .as("missed at %s + 0.2", threshold)
          .isLessThan(0.05);
      previousRows = parameters.rows();
    }
  }

  static Stream<Arguments> probabilities() {
    return Stream.of(
        Arguments.of(20, 5, 0.0, 0.0),
        Arguments.of(20, 5, 1.0, 1.0),
        Arguments.of(20, 5, 0.5, 1 - Math.pow(31.0 / 32, 20)),
        Arguments.of(1, 1, 0.3, 0.3),
        Arguments.of(2, 1, 0.5, 0.75),
        Arguments.of(1, 2, 0.5, 0.25));
  }

  @ParameterizedTest
  @MethodSource("probabilities")
  void givesTheCandidateProbability(int bands, int rows, double similarity, double expected) {
    assertThat(new LshParameters(bands, rows).probability(similarity))
        .isCloseTo(expected, within(1e-15));
  }

  @Test
  void integratesTheAreasExactlyForALine() {
    LshParameters line = new LshParameters(1, 1);
    assertThat(line.falsePositiveArea(0.3)).isCloseTo(0.045, within(1e-12));
    assertThat(line.falseNegativeArea(0.3)).isCloseTo(0.245, within(1e-12));
  }

  static Stream<Arguments> refusedParameters() {
    return Stream.of(
        Arguments.of(0, 5, "bands must be > 0: 0"),
        Arguments.of(5, 0, "rows must be > 0: 0"),
        Arguments.of(-1, 5, "bands must be > 0: -1"),
        Arguments.of(65_536, 65_536, "bands * rows is too large: 65536 * 65536"));
  }

  @ParameterizedTest
  @MethodSource("refusedParameters")
  void refusesImpossibleParameters(int bands, int rows, String message) {
    assertThatThrownBy(() -> new LshParameters(bands, rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> refusedSearches() {
    return Stream.of(
        Arguments.of(0.0, 128, 0.5, 0.5, "threshold must be in (0, 1): 0.0"),
        Arguments.of(1.0, 128, 0.5, 0.5, "threshold must be in (0, 1): 1.0"),
        Arguments.of(Double.NaN, 128, 0.5, 0.5, "threshold must be in (0, 1): NaN"),
        Arguments.of(0.5, 0, 0.5, 0.5, "components must be > 0: 0"),
        Arguments.of(0.5, 128, -0.1, 0.5, "falsePositiveWeight must be finite and >= 0: -0.1"),
        Arguments.of(
            0.5,
            128,
            0.5,
            Double.POSITIVE_INFINITY,
            "falseNegativeWeight must be finite and >= 0: Infinity"),
        Arguments.of(0.5, 128, 0.0, 0.0, "the two weights must not both be 0"));
  }

  @ParameterizedTest
  @MethodSource("refusedSearches")
  void refusesImpossibleSearches(
      double threshold, int components, double fpWeight, double fnWeight, String message) {
    assertThatThrownBy(() -> LshParameters.optimal(threshold, components, fpWeight, fnWeight))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void refusesSimilaritiesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new LshParameters(2, 2).probability(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("similarity must be in [0, 1]: 1.5");
  }
}
