package dev.retold.spark;

import java.io.Serializable;

/**
 * What a worker hands back for one entry of its input: an article's sketch ({@code
 * dev.retold.scan.ScanEngine#sketch}), or a skipped entry with its reason.
 *
 * <ul>
 *   <li>{@code sketch}: the article's sketch, or {@code null} for a skipped entry;
 *   <li>{@code id}: the article's id, or {@code null} for a skipped entry;
 *   <li>{@code position}: where the article is read again (for a row, its index); -1 for a skipped
 *       entry;
 *   <li>{@code line}: for an article of a row, the row as a JSON Lines line (what the driver reads
 *       the article again from), else {@code null};
 *   <li>{@code skippedPath}, {@code skippedReason}: the skipped entry's path and why it was
 *       skipped, or {@code null} for an article.
 * </ul>
 *
 * <p>A class, not a record: Spark's Kryo serializer (a common cluster setting) cannot make records.
 */
final class Sketched implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] sketch;
  private final String id;
  private final long position;
  private final byte[] line;
  private final String skippedPath;
  private final String skippedReason;

  private Sketched(
      byte[] sketch,
      String id,
      long position,
      byte[] line,
      String skippedPath,
      String skippedReason) {
    this.sketch = sketch;
    this.id = id;
    this.position = position;
    this.line = line;
    this.skippedPath = skippedPath;
    this.skippedReason = skippedReason;
  }

  /** An article's sketch. */
  static Sketched article(byte[] sketch, String id, long position, byte[] line) {
    return new Sketched(sketch, id, position, line, null, null);
  }

  /** A skipped entry. */
  static Sketched skipped(String path, String reason) {
    return new Sketched(null, null, -1, null, path, reason);
  }

  /** The same entry with {@code other} for its sketch. */
  Sketched withSketch(byte[] other) {
    return new Sketched(other, id, position, line, skippedPath, skippedReason);
  }

  byte[] sketch() {
    return sketch;
  }

  String id() {
    return id;
  }

  long position() {
    return position;
  }

  byte[] line() {
    return line;
  }

  String skippedPath() {
    return skippedPath;
  }

  String skippedReason() {
    return skippedReason;
  }
}
