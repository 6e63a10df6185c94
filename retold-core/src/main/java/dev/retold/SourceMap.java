package dev.retold;

import java.util.Arrays;

/**
 * Maps character offsets in an article's body back to offsets in its source text.
 *
 * <p>A body is made of runs copied from the source (lines kept after front matter and page chrome
 * were taken out), so the map is stored as runs: run {@code i} starts at body offset {@code
 * bodyStarts[i]} and source offset {@code sourceStarts[i]} and goes on until the next run. Offsets
 * are Java {@code char} indices (UTF-16 code units) into the decoded text. Immutable.
 */
public final class SourceMap {
  private final int[] bodyStarts;
  private final int[] sourceStarts;
  private final int bodyLength;

  private SourceMap(int[] bodyStarts, int[] sourceStarts, int bodyLength) {
    this.bodyStarts = bodyStarts;
    this.sourceStarts = sourceStarts;
    this.bodyLength = bodyLength;
  }

  /** The map of a body that is its own source. */
  public static SourceMap identity(int length) {
    return new SourceMap(new int[] {0}, new int[] {0}, length);
  }

  /**
   * A map of runs: run {@code i} starts at body offset {@code bodyStarts[i]} and source offset
   * {@code sourceStarts[i]} and goes on until the next run starts (the last until {@code
   * bodyLength}). The arrays are copied.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty, the body starts
   *     do not start at 0 and increase, a source start is negative, or a run lies past {@code
   *     bodyLength}
   */
  public static SourceMap ofRuns(int[] bodyStarts, int[] sourceStarts, int bodyLength) {
    if (bodyStarts.length != sourceStarts.length || bodyStarts.length == 0) {
      throw new IllegalArgumentException(
          "need as many source starts as body starts, at least one: "
              + bodyStarts.length
              + ", "
              + sourceStarts.length);
    }
    if (bodyStarts[0] != 0) {
      throw new IllegalArgumentException("the first run must start at body offset 0");
    }
    for (int run = 0; run < bodyStarts.length; run++) {
      if (run > 0 && bodyStarts[run] <= bodyStarts[run - 1]) {
        throw new IllegalArgumentException("body starts must increase; run " + run + " does not");
      }
      if (sourceStarts[run] < 0) {
        throw new IllegalArgumentException(
            "source starts must be >= 0; run " + run + " starts at " + sourceStarts[run]);
      }
    }
    if (bodyLength < bodyStarts[bodyStarts.length - 1]) {
      throw new IllegalArgumentException(
          "the last run starts past the body's length: " + bodyLength);
    }
    return new SourceMap(bodyStarts.clone(), sourceStarts.clone(), bodyLength);
  }

  /** How many body characters this map covers. */
  public int bodyLength() {
    return bodyLength;
  }

  /**
   * The source offset of body offset {@code bodyOffset}; {@code bodyLength()} maps to just past the
   * last run's last character.
   */
  public int toSource(int bodyOffset) {
    if (bodyOffset < 0 || bodyOffset > bodyLength) {
      throw new IndexOutOfBoundsException(
          "bodyOffset must be in [0, " + bodyLength + "]: " + bodyOffset);
    }
    int run = Arrays.binarySearch(bodyStarts, bodyOffset);
    if (run < 0) {
      run = -run - 2;
    } else if (bodyOffset == bodyLength && run > 0) {
      run = run - 1; // an empty last run: stay at the end of the one before
    }
    return sourceStarts[run] + (bodyOffset - bodyStarts[run]);
  }

  /**
   * The source offset just past body character {@code bodyEnd - 1}: the end of a span, which stays
   * in the run of its last character even where the next run starts elsewhere in the source.
   */
  public int toSourceEnd(int bodyEnd) {
    if (bodyEnd == 0) {
      return toSource(0);
    }
    return toSource(bodyEnd - 1) + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceMap map
        && bodyLength == map.bodyLength
        && Arrays.equals(bodyStarts, map.bodyStarts)
        && Arrays.equals(sourceStarts, map.sourceStarts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * bodyLength + Arrays.hashCode(bodyStarts)) + Arrays.hashCode(sourceStarts);
  }

  @Override
  public String toString() {
    return "SourceMap[runs=" + bodyStarts.length + ", bodyLength=" + bodyLength + "]";
  }
}
