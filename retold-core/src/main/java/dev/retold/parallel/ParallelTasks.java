package dev.retold.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs tasks {@code 0..count-1} on a fixed number of threads, the calling thread one of them, each
 * thread taking the next task not yet taken and keeping its own scratch state (a counter array, a
 * sort buffer) from task to task. Tasks must write only to their own slots of shared results, so
 * the outcome does not depend on the thread count or on which thread ran which task.
 *
 * <p>Threads are started per call (a few per second at most in a scan, so pooling would not pay)
 * and are daemons. The first failure stops the taking of new tasks and is rethrown on the calling
 * thread once every thread has stopped: an unchecked exception or error as it was.
 */
public final class ParallelTasks {
  /** Runs one task with its thread's scratch state. */
  @FunctionalInterface
  public interface Task<S> {
    void run(int task, S scratch);
  }

  private ParallelTasks() {}

  /**
   * Runs {@code task} for every index in {@code [0, count)} on at most {@code threads} threads;
   * {@code scratch} makes each thread's scratch state, once per thread that runs a task.
   *
   * @throws IllegalStateException if the calling thread is interrupted while waiting (the tasks
   *     already taken are finished first, and the interrupt flag is kept)
   */
  public static <S> void run(int threads, int count, Supplier<S> scratch, Task<S> task) {
    int workers = Math.min(threads, count);
    if (workers <= 1) {
      S state = count > 0 ? scratch.get() : null;
      for (int i = 0; i < count; i++) {
        task.run(i, state);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          try {
            S state = null;
            for (int i = next.getAndIncrement();
                i < count && failure.get() == null;
                i = next.getAndIncrement()) {
              if (state == null) {
                state = scratch.get();
              }
              task.run(i, state);
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        };
    Thread[] helpers = new Thread[workers - 1];
    for (int w = 0; w < helpers.length; w++) {
      helpers[w] = new Thread(worker, "retold-worker-" + (w + 1));
      helpers[w].setDaemon(true);
      helpers[w].start();
    }
    worker.run();
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (true) {
        try {
          helper.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          failure.compareAndSet(null, e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown != null) {
      throw new IllegalStateException("interrupted while waiting for worker threads", thrown);
    }
  }
}
