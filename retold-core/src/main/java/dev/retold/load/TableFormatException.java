package dev.retold.load;

import java.io.IOException;
import java.util.Objects;

/**
 * A tab-separated file (labels, pairs) that cannot be read as what it should hold, with where the
 * problem is: the message reads {@code "labels.tsv line 7: expected file<TAB>cluster"}, or {@code
 * "labels.tsv: no labels"} for a problem with the whole file.
 */
public final class TableFormatException extends IOException {
  private final String source;
  private final int line;

  /**
   * A problem at one line of a file, or with the whole file.
   *
   * @param source the file's name as the caller knows it
   * @param line the 1-based line of the problem, or 0 for the whole file
   * @param problem what is wrong, in words a person can act on
   */
  public TableFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? " line " + line : "") + ": " + problem);
    this.source = Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
    this.line = line;
  }

  /** The file's name as the caller gave it. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
