package dev.retold.text;

import java.util.Arrays;

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
 *
 * <p>The map is kept as runs, not one entry per char, because most of a body maps one for one: a
 * <em>linear</em> run maps its k-th char to the k-th char of an original stretch, a <em>span</em>
 * run maps all its chars to one original span. A body that needs no change is a single linear run
 * over the body itself, with no copy; a typical article is a few runs per paragraph break. Looking
 * up an offset is a binary search over the runs.
 */
public final class NormalizedText {
  private static final int[] IDENTITY = {0};
  private static final int[] LINEAR = {-1};

  private final String text;
  private final int originalLength;
  private final int runCount;

  /** Where each run starts in the normalised text, ascending; the first is 0. */
  private final int[] runStarts;

  /** Where each run's original stretch or span starts. */
  private final int[] runOrigins;

  /** For a span run, the end of its original span; -1 for a linear run. */
  private final int[] runEnds;

  /** Takes ownership of the arrays, which hold at least {@code runCount} runs. */
  NormalizedText(
      String text,
      int originalLength,
      int runCount,
      int[] runStarts,
      int[] runOrigins,
      int[] runEnds) {
    this.text = text;
    this.originalLength = originalLength;
    this.runCount = runCount;
    this.runStarts = runStarts;
    this.runOrigins = runOrigins;
    this.runEnds = runEnds;
  }

  /** A body that normalisation leaves as it is, mapped to itself. */
  static NormalizedText identity(String body) {
    return new NormalizedText(
        body, body.length(), body.isEmpty() ? 0 : 1, IDENTITY, IDENTITY, LINEAR);
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
    return startIn(runOf(normalizedOffset), normalizedOffset);
  }

  /**
   * The original offset just past normalised character {@code normalizedEnd - 1}: the end of a span
   * that ends at {@code normalizedEnd}. {@code 0} maps to {@code originalOffset(0)}, or {@code 0}
   * when the text is empty.
   */
  public int originalEnd(int normalizedEnd) {
    checkOffset(normalizedEnd);
    if (normalizedEnd == 0) {
      return text.isEmpty() ? 0 : originalOffset(0);
    }
    return endIn(runOf(normalizedEnd - 1), normalizedEnd - 1);
  }

  /** Where char {@code offset} of run {@code run} starts in the original. */
  private int startIn(int run, int offset) {
    return runEnds[run] < 0 ? runOrigins[run] + (offset - runStarts[run]) : runOrigins[run];
  }

  /** Where char {@code last} of run {@code run} ends in the original. */
  private int endIn(int run, int last) {
    return runEnds[run] < 0 ? runOrigins[run] + (last - runStarts[run]) + 1 : runEnds[run];
  }

  /**
   * {@link #originalOffset} of each of {@code offsets}, which must not decrease (the starts of a
   * text's words, in order): one walk over the runs rather than a search for each.
   *
   * @return a new array, the mapped offsets in order
   * @throws IllegalArgumentException if an offset is smaller than the one before it
   */
  public int[] originalOffsets(int[] offsets) {
    return mapAscending(offsets, false);
  }

  /**
   * {@link #originalEnd} of each of {@code ends}, which must not decrease; as {@link
   * #originalOffsets}.
   */
  public int[] originalEnds(int[] ends) {
    return mapAscending(ends, true);
  }

  private int[] mapAscending(int[] offsets, boolean ends) {
    int[] mapped = new int[offsets.length];
    int run = 0;
    for (int i = 0; i < offsets.length; i++) {
      int offset = offsets[i];
      checkOffset(offset);
      if (i > 0 && offset < offsets[i - 1]) {
        throw new IllegalArgumentException(
            "offsets must not decrease: " + offsets[i - 1] + " then " + offset);
      }
      int at = ends ? offset - 1 : offset;
      if (at < 0 || at >= text.length()) {
        mapped[i] = ends ? originalEnd(offset) : originalOffset(offset);
        continue;
      }
      while (run + 1 < runCount && runStarts[run + 1] <= at) {
        run++;
      }
      mapped[i] = ends ? endIn(run, at) : startIn(run, at);
    }
    return mapped;
  }

  /** The run holding normalised char {@code offset}, which is in the text. */
  private int runOf(int offset) {
    if (runCount == 1) {
      return 0;
    }
    int found = Arrays.binarySearch(runStarts, 0, runCount, offset);
    return found >= 0 ? found : -found - 2;
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
