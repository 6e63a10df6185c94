package dev.retold.index;

/**
 * How banded LSH cuts a MinHash signature: {@code bands} bands of {@code rows} components each. Two
 * documents become candidates when all rows of at least one band agree, which for Jaccard
 * similarity {@code s} happens with probability {@code 1 - (1 - s^rows)^bands}: an S-curve that is
 * steeper the more components are used, and moves right as rows grow.
 *
 * <p>{@link #optimal} picks the curve for a similarity threshold the way datasketch's {@code
 * MinHashLSH} does: of all {@code bands * rows <= components}, the one with the least weighted area
 * of false positives (the curve below the threshold) plus false negatives (one minus the curve
 * above it).
 *
 * @param bands how many bands; each is a separate chance to collide
 * @param rows how many components each band has; all must agree
 */
public record LshParameters(int bands, int rows) {
  /** Default weight of the false-positive area in {@link #optimal(double, int)}. */
  public static final double DEFAULT_FALSE_POSITIVE_WEIGHT = 0.5;

  /** Default weight of the false-negative area in {@link #optimal(double, int)}. */
  public static final double DEFAULT_FALSE_NEGATIVE_WEIGHT = 0.5;

  /** Intervals of Simpson's rule per integral: the error is far below any gap between choices. */
  private static final int INTERVALS = 1024;

  /** Checks both counts and that a signature of {@code bands * rows} components can exist. */
  public LshParameters {
    if (bands <= 0) {
      throw new IllegalArgumentException("bands must be > 0: " + bands);
    }
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be > 0: " + rows);
    }
    if ((long) bands * rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bands * rows is too large: " + bands + " * " + rows);
    }
  }

  /** As {@link #optimal(double, int, double, double)} with weights 0.5 and 0.5. */
  public static LshParameters optimal(double threshold, int components) {
    return optimal(
        threshold, components, DEFAULT_FALSE_POSITIVE_WEIGHT, DEFAULT_FALSE_NEGATIVE_WEIGHT);
  }

  /**
   * The bands and rows, with {@code bands * rows <= components}, that minimise {@code
   * falsePositiveWeight * falsePositiveArea(threshold) + falseNegativeWeight *
   * falseNegativeArea(threshold)}. Ties go to fewer bands, then fewer rows.
   *
   * @param threshold the Jaccard similarity that should separate candidates from the rest, in (0,
   *     1)
   * @param components how many signature components are available, at least 1
   * @param falsePositiveWeight how much a missed non-match costs, at least 0
   * @param falseNegativeWeight how much a missed match costs, at least 0; the two must not both be
   *     0
   */
  public static LshParameters optimal(
      double threshold, int components, double falsePositiveWeight, double falseNegativeWeight) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    if (components <= 0) {
      throw new IllegalArgumentException("components must be > 0: " + components);
    }
    checkWeight("falsePositiveWeight", falsePositiveWeight);
    checkWeight("falseNegativeWeight", falseNegativeWeight);
    if (falsePositiveWeight + falseNegativeWeight == 0) {
      throw new IllegalArgumentException("the two weights must not both be 0");
    }
    LshParameters best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int bands = 1; bands <= components; bands++) {
      for (int rows = 1; rows <= components / bands; rows++) {
        LshParameters candidate = new LshParameters(bands, rows);
        double error =
            falsePositiveWeight * candidate.falsePositiveArea(threshold)
                + falseNegativeWeight * candidate.falseNegativeArea(threshold);
        if (error < bestError) {
          best = candidate;
          bestError = error;
        }
      }
    }
    return best;
  }

  private static void checkWeight(String name, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0: " + weight);
    }
  }

  /** How many signature components the bands use: {@code bands * rows}. */
  public int components() {
    return bands * rows;
  }

  /**
   * The probability that two documents of Jaccard similarity {@code similarity} share a bucket in
   * at least one band: {@code 1 - (1 - similarity^rows)^bands}.
   */
  public double probability(double similarity) {
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
    }
    return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  }

  /**
   * The area under {@link #probability} on {@code [0, threshold]}: how much of the similarity range
   * below the threshold still becomes a candidate.
   */
  public double falsePositiveArea(double threshold) {
    checkThreshold(threshold);
    return integrate(0, threshold, false);
  }

  /** The area above {@link #probability} on {@code [threshold, 1]}: how much of it is missed. */
  public double falseNegativeArea(double threshold) {
    checkThreshold(threshold);
    return integrate(threshold, 1, true);
  }

  private static void checkThreshold(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    }
  }

  /** Composite Simpson's rule of the probability (or its complement) on {@code [from, to]}. */
  private double integrate(double from, double to, boolean complement) {
    double step = (to - from) / INTERVALS;
    double sum = 0;
    for (int i = 0; i <= INTERVALS; i++) {
      double s = i == INTERVALS ? to : from + i * step;
      double p = 1 - Math.pow(1 - Math.pow(s, rows), bands);
      double value = complement ? 1 - p : p;
      sum += (i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2) * value;
    }
    return sum * step / 3;
  }
}
