package dev.retold;

/**
 * A run of words two articles share, with where it stands in each source file.
 *
 * <p>Offsets are Java {@code char} indices (UTF-16 code units) into each file's decoded text, start
 * inclusive and end exclusive, so {@code sourceText.substring(startA, endA)} is the passage as it
 * stands in article A's file.
 *
 * @param words how many words the shared run has
 * @param startA where the run starts in A's source
 * @param endA where it ends in A's source
 * @param startB where the run starts in B's source
 * @param endB where it ends in B's source
 * @param text the run as it reads in A's body, white space runs written as one space
 */
public record Passage(int words, int startA, int endA, int startB, int endB, String text) {
  /** Checks the offsets. */
  public Passage {
    if (words <= 0) {
      throw new IllegalArgumentException("words must be > 0: " + words);
    }
    if (startA < 0 || endA < startA) {
      throw new IllegalArgumentException("bad span in A: [" + startA + ", " + endA + ")");
    }
    if (startB < 0 || endB < startB) {
      throw new IllegalArgumentException("bad span in B: [" + startB + ", " + endB + ")");
    }
  }
}
