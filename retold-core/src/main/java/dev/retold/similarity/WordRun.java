package dev.retold.similarity;

/**
 * A run of words two token sequences share: {@code length} tokens from {@code startA} in A equal
 * the tokens from {@code startB} in B.
 *
 * @param startA the first token of the run in A
 * @param startB the first token of the run in B
 * @param length how many tokens, > 0
 */
public record WordRun(int startA, int startB, int length) {
  /** Checks the fields. */
  public WordRun {
    if (startA < 0 || startB < 0) {
      throw new IllegalArgumentException("starts must be >= 0: " + startA + ", " + startB);
    }
    if (length <= 0) {
      throw new IllegalArgumentException("length must be > 0: " + length);
    }
  }

  /** The token just past the run in A. */
  public int endA() {
    return startA + length;
  }

  /** The token just past the run in B. */
  public int endB() {
    return startB + length;
  }
}
