package dev.retold.text;

/**
 * A normalised article body together with the map back to the body it came from.
 *
 * <p>Every normalised {@code char} remembers the span of original text it came from: its start
 * ({@link #originalOffset}) and the offset just past it ({@link #originalEnd}). Where normalisation
 * turns one original character into several ("ﬁ" into "fi", "…" into "...") all of them map to the
 * whole original character; where it merges several into one ("e" + combining acute into "é", a run
 * of white space into one space) the one maps to the whole run. Both maps are non-decreasing, so a
 * normalised span maps to an original span with {@code originalOffset(start)} and {@code
 * originalEnd(end)}. Offsets are Java {@code char} indices (UTF-16 code units). Immutable.
 */
public final class NormalizedText {
  private final String text;
  private final int originalLength;
  private final int[] starts;
  private final int[] ends;

  /** Takes ownership of the arrays, which hold at least {@code text.length()} entries. */
  NormalizedText(String text, int originalLength, int[] starts, int[] ends) {
    this.text = text;
    this.originalLength = originalLength;
    this.starts = starts;
    this.ends = ends;
  }

  /** The normalised text. */
  public String text() {
    return text;
  }

  /** The length of the normalised text. */
  public int length() {
    return text.length();
  }

  /** The length of the original body. */
  public int originalLength() {
    return originalLength;
  }

  /**
   * Where normalised character {@code normalizedOffset} starts in the original body. {@code
   * length()} is allowed, for empty spans at the end, and maps to {@code originalEnd(length())}.
   */
  public int originalOffset(int normalizedOffset) {
    checkOffset(normalizedOffset);
    if (normalizedOffset == text.length()) {
      return originalEnd(normalizedOffset);
    }
    return starts[normalizedOffset];
  }

  /**
   * The original offset just past normalised character {@code normalizedEnd - 1}: the end of a span
   * that ends at {@code normalizedEnd}. {@code 0} maps to {@code originalOffset(0)}, or {@code 0}
   * when the text is empty.
   */
  public int originalEnd(int normalizedEnd) {
    checkOffset(normalizedEnd);
    if (normalizedEnd == 0) {
      return text.isEmpty() ? 0 : starts[0];
    }
    return ends[normalizedEnd - 1];
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IndexOutOfBoundsException(
          "offset must be in [0, " + text.length() + "]: " + offset);
    }
  }

  @Override
  public String toString() {
    return "NormalizedText[" + text.length() + " chars from " + originalLength + "]";
  }
}
