package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Relation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RelationClassifierTest {
  private final RelationClassifier classifier = new RelationClassifier(0.7, 0.15, 20);

  static Stream<Arguments> cases() {
    return Stream.of(
        // sizeA, sizeB, shared, sameText, expected
        Arguments.of(100, 100, 100, true, Relation.DUPLICATE),
        Arguments.of(100, 100, 100, false, Relation.NEAR_DUPLICATE),
        Arguments.of(100, 100, 83, false, Relation.NEAR_DUPLICATE), // J = 83/117 = 0.709
        Arguments.of(100, 100, 82, false, Relation.DERIVED), // J = 0.695
        Arguments.of(500, 1000, 266, false, Relation.DERIVED), // a condensed rewrite
        Arguments.of(400, 1000, 60, false, Relation.DERIVED), // containment exactly 0.15
        Arguments.of(400, 1000, 59, false, null), // just under
        Arguments.of(100, 1000, 19, false, null), // containment 0.19, too few shared
        Arguments.of(100, 1000, 20, false, Relation.DERIVED),
        Arguments.of(0, 0, 0, true, null)); // two empty texts are not copies
  }

  @ParameterizedTest
  @MethodSource("cases")
  void namesTheStrongestRelation(
      int sizeA, int sizeB, int shared, boolean sameText, Relation expected) {
    Optional<Relation> relation =
        classifier.classify(new ShingleOverlap(sizeA, sizeB, shared), sameText);
    assertThat(relation).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void refusesThresholdsOutOfRange() {
    assertThatThrownBy(() -> new RelationClassifier(0, 0.1, 1))
        .hasMessage("nearDuplicateJaccard must be in (0, 1]: 0.0");
    assertThatThrownBy(() -> new RelationClassifier(0.7, 1.5, 1))
        .hasMessage("derivedContainment must be in (0, 1]: 1.5");
    assertThatThrownBy(() -> new RelationClassifier(0.7, 0.1, 0))
        .hasMessage("derivedMinShared must be >= 1: 0");
  }
}
