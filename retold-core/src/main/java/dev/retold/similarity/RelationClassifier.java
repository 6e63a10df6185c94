package dev.retold.similarity;

import dev.retold.Relation;
import java.util.Optional;

/**
 * Decides the strongest relation two articles share from their exact overlap.
 *
 * <ul>
 *   <li>{@link Relation#DUPLICATE}: the normalised word sequences are equal;
 *   <li>{@link Relation#NEAR_DUPLICATE}: Jaccard of the shingle sets at least {@code
 *       nearDuplicateJaccard};
 *   <li>{@link Relation#DERIVED}: one article's shingles are contained in the other's at least
 *       {@code derivedContainment}, and they share at least {@code derivedMinShared} shingles.
 * </ul>
 *
 * <p>Why two conditions for DERIVED: containment alone is noisy on short texts (a 60-word brief
 * sharing twelve stock phrases with a long report reaches 0.2), while a count alone ignores length.
 * On ECB+ (982 real articles, two similar events per topic), word 3-shingle containment at 0.15
 * with 20 shared shingles links no article to one of a different event, while rewrites of one
 * report reach 0.2 and more.
 *
 * @param nearDuplicateJaccard the Jaccard similarity from which a pair is a near-duplicate, in (0,
 *     1]
 * @param derivedContainment the containment from which a pair is derived, in (0, 1]
 * @param derivedMinShared the shared shingles a derived pair needs at least, >= 1
 */
public record RelationClassifier(
    double nearDuplicateJaccard, double derivedContainment, int derivedMinShared) {

  /** Checks the thresholds. */
  public RelationClassifier {
    if (!(nearDuplicateJaccard > 0.0 && nearDuplicateJaccard <= 1.0)) {
      throw new IllegalArgumentException(
          "nearDuplicateJaccard must be in (0, 1]: " + nearDuplicateJaccard);
    }
    if (!(derivedContainment > 0.0 && derivedContainment <= 1.0)) {
      throw new IllegalArgumentException(
          "derivedContainment must be in (0, 1]: " + derivedContainment);
    }
    if (derivedMinShared < 1) {
      throw new IllegalArgumentException("derivedMinShared must be >= 1: " + derivedMinShared);
    }
  }

  /**
   * The strongest relation that holds, or empty when the articles are not related by wording.
   *
   * @param overlap the exact shingle overlap
   * @param sameText whether the normalised word sequences are equal
   */
  public Optional<Relation> classify(ShingleOverlap overlap, boolean sameText) {
    if (sameText && overlap.sizeA() > 0) {
      return Optional.of(Relation.DUPLICATE);
    }
    if (overlap.jaccard() >= nearDuplicateJaccard) {
      return Optional.of(Relation.NEAR_DUPLICATE);
    }
    if (overlap.maxContainment() >= derivedContainment && overlap.shared() >= derivedMinShared) {
      return Optional.of(Relation.DERIVED);
    }
    return Optional.empty();
  }
}
