package dev.retold.cli;

import dev.retold.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, redrawn in place, shown only when standard error is a
 * terminal (the {@code retold} launcher tells, through {@code -Dretold.stderr.tty=true}; without
 * it, a console on standard input and output is taken as the sign) and the run is long enough to
 * need one. Redraws at most ten times a second.
 */
final class ProgressBar implements ProgressListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long SHOW_AFTER_NANOS = 500_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  private ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A bar on standard error, shown if {@code wanted} and standard error is a terminal. */
  private static ProgressBar forStandardError(boolean wanted) {
    String tty = System.getProperty("retold.stderr.tty");
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    return new ProgressBar(System.err, wanted && terminal);
  }

  /** A step of a command that tells its progress. */
  @FunctionalInterface
  interface Step<T> {
    T run(ProgressListener progress) throws IOException;
  }

  /**
   * Runs {@code step} under a bar on standard error (shown if {@code wanted}, as {@link
   * #forStandardError} says), clearing the bar when it ends, also when it throws.
   */
  static <T> T during(boolean wanted, Step<T> step) throws IOException {
    ProgressBar progress = forStandardError(wanted);
    try {
      return step.run(progress);
    } finally {
      progress.finish();
    }
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    boolean last = done == total;
    if (now - started < SHOW_AFTER_NANOS || (!last && now - lastDrawn < REDRAW_NANOS)) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    if (total <= 0) { // a count whose end is not known in advance, as lines of a JSON Lines file
      err.printf("\r%-8s %,d%s", stage, done, " ".repeat(WIDTH));
      err.flush();
      return;
    }
    int filled = (int) (WIDTH * done / total);
    err.printf(
        "\r%-8s [%s%s] %d/%d", stage, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
    err.flush();
    drawn = true;
  }

  /** Clears the bar's line, if one was drawn. */
  synchronized void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
