package dev.retold.spark;

import java.io.Serializable;

/**
 * What a worker hands back for one entry of its input: an article's sketch ({@code
 * dev.retold.scan.ScanEngine#sketch}), or a skipped entry with its reason.
 *
 * @param sketch the article's sketch, or {@code null} for a skipped entry
 * @param id the article's id, or {@code null} for a skipped entry
 * @param position where the article is read again (for a row, its index); -1 for a skipped entry
 * @param line for an article of a row, the row as a JSON Lines line (what the driver reads the
 *     article again from), else {@code null}
 * @param skippedPath the skipped entry's path, or {@code null} for an article
 * @param skippedReason why it was skipped, or {@code null} for an article
 */
record Sketched(
    byte[] sketch, String id, long position, byte[] line, String skippedPath, String skippedReason)
    implements Serializable {
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
}
