package dev.retold.scan;

import dev.retold.ProgressListener;
import dev.retold.parallel.ParallelTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a scan stage's tasks on the scan's threads, telling the scan's progress listener. */
final class StageRunner {
  /**
   * One task of a stage: its result from its index.
   *
   * @param <T> the result's type
   * @param <E> the checked exception it may throw ({@code RuntimeException} for none)
   */
  @FunctionalInterface
  interface Task<T, E extends Exception> {
    /** The result of task {@code index}. */
    T apply(int index) throws E;
  }

  private final int threads;
  private final ProgressListener progress;

  StageRunner(int threads, ProgressListener progress) {
    this.threads = threads;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** How many threads the stages run on. */
  int threads() {
    return threads;
  }

  /** Tells the listener that {@code done} of {@code total} items of {@code stage} are done. */
  void progress(String stage, long done, long total) {
    progress.progress(stage, done, total);
  }

  /**
   * {@code task(0..count-1)} on the scan's threads, results in index order; tells the progress
   * listener about {@code stage} unless it is null. The first exception a task throws is thrown as
   * it was.
   */
  <T, E extends Exception> List<T> inParallel(String stage, int count, Task<T, E> task) throws E {
    AtomicLong done = new AtomicLong();
    ProgressListener told = stage == null ? ProgressListener.NONE : progress;
    told.progress(stage, 0, count);
    Object[] results = new Object[count];
    ParallelTasks.<Void, E>run(
        threads,
        count,
        () -> null,
        (i, none) -> {
          results[i] = task.apply(i);
          told.progress(stage, done.incrementAndGet(), count);
        });
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }
}
