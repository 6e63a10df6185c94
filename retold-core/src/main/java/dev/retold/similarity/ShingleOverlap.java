package dev.retold.similarity;

/**
 * How much two shingle sets overlap, counted exactly: the sizes of both sets and of their
 * intersection, from which Jaccard similarity and containment both ways follow.
 *
 * <p>Edge cases: when either set is empty nothing is shared, so every measure is 0 (two empty
 * articles are not taken for copies of each other).
 *
 * @param sizeA distinct shingles of A
 * @param sizeB distinct shingles of B
 * @param shared distinct shingles in both
 */
public record ShingleOverlap(int sizeA, int sizeB, int shared) {

  /** Checks the counts are consistent. */
  public ShingleOverlap {
    if (sizeA < 0 || sizeB < 0) {
      throw new IllegalArgumentException("sizes must be >= 0: " + sizeA + ", " + sizeB);
    }
    if (shared < 0 || shared > Math.min(sizeA, sizeB)) {
      throw new IllegalArgumentException(
          "shared must be in [0, min(sizeA, sizeB)]: " + shared + " of " + sizeA + ", " + sizeB);
    }
  }

  /**
   * Counts the overlap of two sets given as sorted arrays of distinct hashes, in one merge pass.
   *
   * @throws IllegalArgumentException if an array is not strictly increasing
   */
  public static ShingleOverlap of(long[] sortedA, long[] sortedB) {
    int shared = merge(sortedA, sortedB, null);
    checkSorted(sortedA, "A");
    checkSorted(sortedB, "B");
    return new ShingleOverlap(sortedA.length, sortedB.length, shared);
  }

  /**
   * The hashes both sorted sets hold, sorted: what {@link #of} counts. The sets must be strictly
   * increasing, as {@link #of} checks.
   */
  public static long[] sharedHashes(long[] sortedA, long[] sortedB) {
    long[] shared = new long[Math.min(sortedA.length, sortedB.length)];
    return java.util.Arrays.copyOf(shared, merge(sortedA, sortedB, shared));
  }

  /** Counts the hashes both sorted sets hold, writing them to {@code shared} unless it is null. */
  private static int merge(long[] sortedA, long[] sortedB, long[] shared) {
    int count = 0;
    int i = 0;
    int j = 0;
    while (i < sortedA.length && j < sortedB.length) {
      long a = sortedA[i];
      long b = sortedB[j];
      if (a == b) {
        if (shared != null) {
          shared[count] = a;
        }
        count++;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return count;
  }

  /** Shared shingles over the union: 1 for equal non-empty sets, 0 when nothing is shared. */
  public double jaccard() {
    int union = sizeA + sizeB - shared;
    return union == 0 ? 0.0 : (double) shared / union;
  }

  /** The share of A's shingles that B also has. */
  public double containmentAInB() {
    return sizeA == 0 ? 0.0 : (double) shared / sizeA;
  }

  /** The share of B's shingles that A also has. */
  public double containmentBInA() {
    return sizeB == 0 ? 0.0 : (double) shared / sizeB;
  }

  /**
   * The larger of the two containments: how much of the smaller-covered article the other holds.
   */
  public double maxContainment() {
    return Math.max(containmentAInB(), containmentBInA());
  }

  private static void checkSorted(long[] hashes, String name) {
    for (int k = 1; k < hashes.length; k++) {
      if (hashes[k - 1] >= hashes[k]) {
        throw new IllegalArgumentException(
            "set " + name + " must be sorted and distinct; index " + k + " breaks it");
      }
    }
  }
}
