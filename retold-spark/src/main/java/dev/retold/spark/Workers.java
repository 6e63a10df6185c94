package dev.retold.spark;

import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.load.ArticleFiles;
import dev.retold.scan.ScanEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one JVM holds for a scan while it runs: the engine that sketches and the source its slices
 * are read from, made once per scan and JVM (the driver's and, in local mode, the workers' are one
 * JVM, so a folder is listed once). One thread per task: Spark runs the tasks in parallel.
 */
final class Workers {
  private static final Map<String, Worker> BY_SCAN = new ConcurrentHashMap<>();

  /**
   * The sketching engine and source of one scan.
   *
   * @param engine sketches articles
   * @param source reads the input, in slices where it can; {@code null} for a scan of rows
   */
  record Worker(ScanEngine engine, ArticleSource source) {}

  private Workers() {}

  /**
   * The worker of scan {@code scan} in this JVM, made from {@code recipe} the first time, with a
   * source over {@code input} (none if {@code null}: the scan's articles are rows).
   */
  static Worker of(String scan, String input, Recipe recipe) {
    return BY_SCAN.computeIfAbsent(
        scan,
        key -> {
          Retold retold = recipe.retold().toBuilder().threads(1).build();
          try {
            return new Worker(
                new ScanEngine(retold.settings()),
                input == null
                    ? null
                    : ArticleFiles.source(
                        Path.of(input), retold.settings(), ProgressListener.NONE));
          } catch (IOException problem) {
            throw new UncheckedIOException(problem);
          }
        });
  }

  /** Lets go of the worker of scan {@code scan} in this JVM, if it holds one. */
  static void release(String scan) throws IOException {
    Worker worker = BY_SCAN.remove(scan);
    if (worker != null && worker.source() != null) {
      worker.source().close();
    }
  }
}
