package dev.retold;

/**
 * Told how far a scan has got, for progress bars on long runs. Called from the scanning threads, in
 * order within a stage; an implementation must be quick and thread-safe. The default does nothing.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every report. */
  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * Reports progress.
   *
   * @param stage what is being done, e.g. "load", "analyse", "compare"
   * @param done how many items of the stage are done
   * @param total how many the stage has in all
   */
  void progress(String stage, long done, long total);
}
