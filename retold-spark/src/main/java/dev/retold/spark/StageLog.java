package dev.retold.spark;

import dev.retold.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as log lines, for a job's log rather than a terminal: a line when a stage of the scan
 * begins, with the time since the scan began and, once known, how many items the stage has, and a
 * line when the scan ends. A stage that reports again later (the driver's stages report in turns)
 * is told again. Thread-safe.
 */
final class StageLog implements ProgressListener {
  private final PrintWriter err;
  private final LongSupplier nanos;
  private final long started;
  private String stage;

  StageLog(PrintWriter err, LongSupplier nanos) {
    this.err = err;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!stage.equals(this.stage)) {
      this.stage = stage;
      line(total > 0 ? stage + " (" + total + ")" : stage);
    }
  }

  /** Says that the scan is done. */
  synchronized void done() {
    line("done");
  }

  private void line(String what) {
    double seconds = (nanos.getAsLong() - started) / 1e9;
    err.println(String.format(Locale.ROOT, "retold-spark: %8.1f s  %s", seconds, what));
    err.flush();
  }
}
