package dev.retold.load;

import dev.retold.SourceMap;
import java.util.Arrays;

/**
 * Builds a {@link SourceMap} run by run, in increasing body order, merging a run that continues the
 * last one in the source. Not thread-safe.
 */
final class SourceMapBuilder {
  private int[] bodyStarts = new int[8];
  private int[] sourceStarts = new int[8];
  private int runs;
  private int bodyLength;

  /**
   * Appends {@code length} body characters copied from the source starting at {@code sourceStart}.
   */
  SourceMapBuilder append(int sourceStart, int length) {
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

  /** How many body characters have been appended. */
  int length() {
    return bodyLength;
  }

  /** Drops the body characters from {@code length} on. */
  SourceMapBuilder truncate(int length) {
    if (length < 0 || length > bodyLength) {
      throw new IllegalArgumentException("length must be in [0, " + bodyLength + "]: " + length);
    }
    while (runs > 0 && bodyStarts[runs - 1] >= length) {
      runs--;
    }
    bodyLength = length;
    return this;
  }

  /** The finished map. */
  SourceMap build() {
    if (runs == 0) {
      return SourceMap.identity(0);
    }
    return SourceMap.ofRuns(
        Arrays.copyOf(bodyStarts, runs), Arrays.copyOf(sourceStarts, runs), bodyLength);
  }
}
