package dev.retold.similarity;

import dev.retold.Relation;
import java.time.LocalDate;

/**
 * Tells which article of a related pair the other one retells.
 *
 * <p>For {@link Relation#DERIVED} the wording decides first: a condensed rewrite or an excerpt
 * keeps a larger share of its own shingles in the original than the original keeps in it, so the
 * side whose containment is larger by at least {@code asymmetry} (a ratio) is the derived one. When
 * the containments are too close, and for copies, the earlier date is the origin. When dates are
 * missing or equal the direction is unknown and the answer is {@link Side#UNKNOWN}.
 *
 * @param asymmetry how much larger one containment must be than the other to decide, > 1
 */
public record OriginRule(double asymmetry) {

  /** Which side of a pair is the origin. */
  public enum Side {
    A,
    B,
    UNKNOWN
  }

  /** Checks the ratio. */
  public OriginRule {
    if (!(asymmetry > 1.0)) {
      throw new IllegalArgumentException("asymmetry must be > 1: " + asymmetry);
    }
  }

  /**
   * The origin side of a pair.
   *
   * @param relation the pair's relation
   * @param overlap the exact overlap
   * @param dateA A's date, or null
   * @param dateB B's date, or null
   */
  public Side origin(Relation relation, ShingleOverlap overlap, LocalDate dateA, LocalDate dateB) {
    if (relation == Relation.DERIVED) {
      double aInB = overlap.containmentAInB();
      double bInA = overlap.containmentBInA();
      if (aInB >= bInA * asymmetry && aInB > bInA) {
        return Side.B; // A is the condensed one: B is its origin
      }
      if (bInA >= aInB * asymmetry && bInA > aInB) {
        return Side.A;
      }
    }
    if (dateA != null && dateB != null && !dateA.equals(dateB)) {
      return dateA.isBefore(dateB) ? Side.A : Side.B;
    }
    return Side.UNKNOWN;
  }
}
