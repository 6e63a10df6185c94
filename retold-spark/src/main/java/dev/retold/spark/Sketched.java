package dev.retold.spark;

import java.io.Serializable;

/**
 * What a worker hands back for one entry of its slices: an article's sketch ({@code
 * dev.retold.scan.ScanEngine#sketch}), or a skipped entry with its reason.
 *
 * @param sketch the article's sketch, or {@code null} for a skipped entry
 * @param id the article's id, or {@code null} for a skipped entry
 * @param skippedPath the skipped entry's path, or {@code null} for an article
 * @param skippedReason why it was skipped, or {@code null} for an article
 */
record Sketched(byte[] sketch, String id, String skippedPath, String skippedReason)
    implements Serializable {
  /** The same entry with {@code other} for its sketch. */
  Sketched withSketch(byte[] other) {
    return new Sketched(other, id, skippedPath, skippedReason);
  }
}
