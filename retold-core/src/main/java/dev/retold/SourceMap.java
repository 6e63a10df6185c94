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

  /** Builds a map run by run, in increasing body order. */
  public static Builder builder() {
    return new Builder();
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
   * The source offset just past body character {@code bodyEnd - 1}: the end of a span, which stays in
   * the run of its last character even where the next run starts elsewhere in the source.
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

  /** Builds a {@link SourceMap}; not thread-safe. */
  public static final class Builder {
    private int[] bodyStarts = new int[8];
    private int[] sourceStarts = new int[8];
    private int runs;
    private int bodyLength;

    private Builder() {}

    /**
     * Appends {@code length} body characters copied from the source starting at {@code
     * sourceStart}.
     */
    public Builder append(int sourceStart, int length) {
      if (sourceStart < 0) {
        throw new IllegalArgumentException("sourceStart must be >= 0: " + sourceStart);
      }
      if (length < 0) {
        throw new IllegalArgumentException("length must be >= 0: " + length);
      }
      if (length == 0) {
        return this;
      }
      if (runs > 0 && sourceStarts[runs - 1] + (bodyLength - bodyStarts[runs - 1]) == sourceStart) {
        bodyLength += length; // continues the last run
        return this;
      }
      if (runs == bodyStarts.length) {
        bodyStarts = Arrays.copyOf(bodyStarts, runs * 2);
        sourceStarts = Arrays.copyOf(sourceStarts, runs * 2);
      }
      bodyStarts[runs] = bodyLength;
      sourceStarts[runs] = sourceStart;
      runs++;
      bodyLength += length;
      return this;
    }

    /** The finished map. */
    public SourceMap build() {
      if (runs == 0) {
        return identity(0);
      }
      return new SourceMap(
          Arrays.copyOf(bodyStarts, runs), Arrays.copyOf(sourceStarts, runs), bodyLength);
    }
  }
}
