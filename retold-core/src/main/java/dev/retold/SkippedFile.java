package dev.retold;

import java.util.Objects;

/**
 * A file that was found but not loaded, with the reason in words a person can act on.
 *
 * @param path the path relative to the scanned folder, with {@code /}
 * @param reason why it was skipped, e.g. "empty file" or "binary (NUL byte at 12)"
 */
public record SkippedFile(String path, String reason) {
  /** Checks both fields are present. */
  public SkippedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
