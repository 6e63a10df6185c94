package dev.retold.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;

/**
 * An RDD's elements on the driver, in order, a few partitions at a time: while the driver works on
 * one group of partitions, the next group is fetched (one Spark job, its partitions fetched in
 * parallel), so the driver does not wait for each partition in turn as {@code toLocalIterator}
 * does. Holds at most two groups at once. Not thread-safe; {@link #close} stops the fetching.
 *
 * @param <T> the elements' type
 */
final class Prefetched<T> implements Iterator<T>, AutoCloseable {
  private final JavaRDD<T> rdd;
  private final int group;
  private final int partitions;
  private final ExecutorService fetcher;
  private int nextPartition;
  private Future<List<T>> ahead;
  private Iterator<T> current = Collections.emptyIterator();

  /**
   * Fetches {@code rdd} in groups of {@code group} partitions.
   *
   * @throws IllegalArgumentException unless {@code group >= 1}
   */
  Prefetched(JavaRDD<T> rdd, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("group must be >= 1: " + group);
    }
    this.rdd = rdd;
    this.group = group;
    this.partitions = rdd.getNumPartitions();
    this.fetcher =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "retold-spark-prefetch");
              thread.setDaemon(true);
              return thread;
            });
    this.ahead = fetchNext();
  }

  /** Starts fetching the next group, or returns {@code null} past the last partition. */
  private Future<List<T>> fetchNext() {
    if (nextPartition >= partitions) {
      return null;
    }
    int[] ids = new int[Math.min(group, partitions - nextPartition)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = nextPartition++;
    }
    return fetcher.submit(
        () -> {
          List<T> elements = new ArrayList<>();
          for (List<T> partition : rdd.collectPartitions(ids)) {
            elements.addAll(partition);
          }
          return elements;
        });
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && ahead != null) {
      List<T> fetched;
      try {
        fetched = ahead.get();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fetching sketches", interrupted);
      } catch (ExecutionException failed) {
        throw failed.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(failed.getCause());
      }
      ahead = fetchNext();
      current = fetched.iterator();
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    fetcher.shutdownNow();
  }
}
