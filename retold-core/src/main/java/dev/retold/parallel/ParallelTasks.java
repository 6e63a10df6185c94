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
 * thread once every thread has stopped, as it was: an unchecked exception, an error, or the checked
 * exception {@code E} a task may throw (an {@code IOException} of a task that reads files), so that
 * nothing is wrapped on the way out and unwrapped by the caller.
 */
public final class ParallelTasks {
  /**
   * Runs one task with its thread's scratch state.
   *
   * @param <S> the scratch state's type
   * @param <E> the checked exception a task may throw ({@code RuntimeException} for none)
   */
  @FunctionalInterface
  public interface Task<S, E extends Exception> {
    /** Runs task {@code task}. */
    void run(int task, S scratch) throws E;
  }

  private ParallelTasks() {}

  /**
   * Runs {@code task} for every index in {@code [0, count)} on at most {@code threads} threads;
   * {@code scratch} makes each thread's scratch state, once per thread that runs a task.
   *
   * @throws E the first checked exception a task threw
   * @throws IllegalStateException if the calling thread is interrupted while waiting (the tasks
   *     already taken are finished first, and the interrupt flag is kept)
   */
  public static <S, E extends Exception> void run(
      int threads, int count, Supplier<S> scratch, Task<S, E> task) throws E {
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
    InterruptedException interrupted = null;
    for (Thread helper : helpers) {
      while (true) {
        try {
          helper.join();
          break;
        } catch (InterruptedException e) {
          interrupted = e;
          failure.compareAndSet(null, e);
        }
      }
    }
    if (interrupted != null) {
      Thread.currentThread().interrupt();
    }
    Throwable thrown = failure.get();
    if (thrown == null) {
      return;
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown == interrupted) {
      throw new IllegalStateException("interrupted while waiting for worker threads", thrown);
    }
    throw ParallelTasks.<E>checked(thrown);
  }

  /**
   * A checked exception a task threw, as the {@code E} its type says it can only be: tasks are
   * {@link Task}s of {@code E}, so nothing else checked can reach here.
   */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E checked(Throwable thrown) {
    return (E) thrown;
  }
}
