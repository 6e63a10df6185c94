package dev.retold;

import dev.retold.parallel.ParallelTasks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Runs a scan stage's tasks on the settings' threads, telling the progress listener. */
final class StageRunner {
  private final RetoldSettings settings;

  StageRunner(RetoldSettings settings) {
    this.settings = settings;
  }

  /**
   * {@code task(0..count-1)} on {@code settings.threads()} threads, results in index order; tells
   * the progress listener about {@code stage} unless it is null.
   */
  <T> List<T> inParallel(String stage, int count, IntFunction<T> task) {
    AtomicLong done = new AtomicLong();
    ProgressListener progress = stage == null ? ProgressListener.NONE : settings.progress();
    progress.progress(stage, 0, count);
    Object[] results = new Object[count];
    ParallelTasks.run(
        settings.threads(),
        count,
        () -> null,
        (i, none) -> {
          results[i] = task.apply(i);
          progress.progress(stage, done.incrementAndGet(), count);
        });
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }

}
