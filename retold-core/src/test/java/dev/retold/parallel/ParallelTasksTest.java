package dev.retold.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTasksTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void runsEveryTaskOnceWithAtMostOneScratchPerThread(int threads) {
    AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
    AtomicInteger scratches = new AtomicInteger();
    ParallelTasks.run(
        threads,
        runs.length(),
        () -> new int[scratches.incrementAndGet()],
        (task, scratch) -> {
          runs.incrementAndGet(task);
        });
    for (int task = 0; task < runs.length(); task++) {
      assertThat(runs.get(task)).as("task %d", task).isEqualTo(1);
    }
    assertThat(scratches.get()).isBetween(1, threads);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void runsNothingForNoTasks(int threads) {
    AtomicInteger scratches = new AtomicInteger();
    ParallelTasks.run(threads, 0, scratches::incrementAndGet, (task, scratch) -> {});
    assertThat(scratches.get()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void rethrowsAFailureAsItWas(int threads) {
    assertThatThrownBy(
            () ->
                ParallelTasks.run(
                    threads,
                    100,
                    () -> null,
                    (task, scratch) -> {
                      if (task == 42) {
                        throw new IllegalArgumentException("task 42");
                      }
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 42");
    assertThatThrownBy(
            () ->
                ParallelTasks.run(
                    threads,
                    100,
                    () -> null,
                    (task, scratch) -> {
                      throw new StackOverflowError("deep");
                    }))
        .isInstanceOf(StackOverflowError.class)
        .hasMessage("deep");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void rethrowsACheckedExceptionAsItWasNotWrapped(int threads) {
    assertThatThrownBy(
            () ->
                ParallelTasks.<Void, IOException>run(
                    threads,
                    100,
                    () -> null,
                    (task, scratch) -> {
                      if (task == 7) {
                        throw new IOException("a.txt changed while it was scanned");
                      }
                    }))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("a.txt changed while it was scanned")
        .hasNoCause();
  }
}
