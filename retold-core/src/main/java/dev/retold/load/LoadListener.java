package dev.retold.load;

/**
 * Told about a {@link FolderLoader}'s progress, for a progress bar or a log line.
 *
 * <p>Called on the loading thread after each file found is loaded or skipped, in path order; it
 * should return quickly. {@code filesTotal} is known before the first call and does not change.
 */
@FunctionalInterface
public interface LoadListener {
  /** A listener that ignores everything. */
  LoadListener NONE = (filesDone, filesTotal) -> {};

  /** {@code filesDone} of {@code filesTotal} files have been loaded or skipped. */
  void fileDone(int filesDone, int filesTotal);
}
