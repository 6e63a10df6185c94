package dev.retold.spark;

import java.io.Serializable;

/**
 * What a worker hands back for one entry of its slices: an article's sketch ({@code
 * dev.retold.scan.ScanEngine#sketch}), or a skipped entry with its reason.
 *
 * @param sketch the article's sketch, or {@code null} for a skipped entry
 * @param skippedPath the skipped entry's path, or {@code null} for an article
 * @param skippedReason why it was skipped, or {@code null} for an article
 */
record Sketched(byte[] sketch, String skippedPath, String skippedReason) implements Serializable {}
