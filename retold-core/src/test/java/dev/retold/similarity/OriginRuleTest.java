package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Relation;
import dev.retold.similarity.OriginRule.Side;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OriginRuleTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final LocalDate TUESDAY = LocalDate.of(2026, 1, 6);
  private final OriginRule rule = new OriginRule(1.2);

  static Stream<Arguments> cases() {
    return Stream.of(
        // relation, sizeA, sizeB, shared, dateA, dateB, origin
        Arguments.of(Relation.DERIVED, 500, 1000, 250, null, null, Side.B), // A condensed from B
        Arguments.of(Relation.DERIVED, 1000, 500, 250, null, null, Side.A),
        Arguments.of(Relation.DERIVED, 1000, 500, 250, MONDAY, TUESDAY, Side.A), // wording first
        Arguments.of(
            Relation.DERIVED, 500, 1000, 250, MONDAY, TUESDAY, Side.B), // even against dates
        Arguments.of(
            Relation.DERIVED, 1000, 1100, 250, TUESDAY, MONDAY, Side.B), // too close: dates
        Arguments.of(Relation.DERIVED, 1000, 1100, 250, null, MONDAY, Side.UNKNOWN),
        Arguments.of(Relation.NEAR_DUPLICATE, 500, 1000, 480, MONDAY, TUESDAY, Side.A),
        Arguments.of(Relation.DUPLICATE, 100, 100, 100, TUESDAY, MONDAY, Side.B),
        Arguments.of(Relation.DUPLICATE, 100, 100, 100, MONDAY, MONDAY, Side.UNKNOWN));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void tellsTheOrigin(
      Relation relation,
      int sizeA,
      int sizeB,
      int shared,
      LocalDate dateA,
      LocalDate dateB,
      Side expected) {
    assertThat(rule.origin(relation, new ShingleOverlap(sizeA, sizeB, shared), dateA, dateB))
        .isEqualTo(expected);
  }

  @Test
  void refusesRatioOfOneOrLess() {
    assertThatThrownBy(() -> new OriginRule(1.0)).hasMessage("asymmetry must be > 1: 1.0");
  }
}
