package dev.retold.spark;

import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.load.SlicedSource;
import dev.retold.scan.ScanEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Scans on Apache Spark what {@link dev.retold.Retold#scan(Path)} scans (a folder, a JSON Lines or
 * a WARC file), with the same result.
 *
 * <p>The plan so far: the input is listed once on the driver and cut into slices (a folder's slices
 * are runs of 256 files in path order, a JSON Lines file's the lines that start in each 16 MB of
 * it; a WARC file is one slice, for now); Spark's tasks read the slices and sketch their articles
 * with the core's code (metadata, MinHash signature, shingles, story terms by hash, the lead's
 * embedding: the work that reads every byte), and the driver takes the sketches, in slice order,
 * through the core's later stages (copy candidates, verification, story scores, clustering,
 * evidence), reading again only the articles of the pairs it checks or reports. (A line of a JSON
 * Lines file whose id an earlier slice's line has is skipped there, as the single-machine scan
 * skips it.) Those stages run on the driver's cores: moving them onto the workers (band-key joins,
 * term joins, connected components) is the next step.
 *
 * <p>Every worker opens the input at the same path: a folder on a file system all of them see.
 */
public final class RetoldSpark {
  private RetoldSpark() {}

  /**
   * Scans {@code input} with the settings {@code recipe} makes, at their story threshold.
   *
   * @throws IOException if the input cannot be read, or an article reads differently the second
   *     time
   */
  public static ScanResult scan(SparkSession spark, Path input, Recipe recipe) throws IOException {
    return scan(spark, input, recipe, 0, ProgressListener.NONE);
  }

  /**
   * Scans {@code input} as {@link #scan(SparkSession, Path, Recipe)} does, in {@code partitions}
   * tasks (0: one a slice; fewer tasks hold more sketches each, which the driver fetches a task's
   * at a time, under {@code spark.driver.maxResultSize}), telling {@code progress} how its stages
   * go (the workers' reading and sketching as one stage, told as it begins).
   *
   * @throws IOException if the input cannot be read, or an article reads differently the second
   *     time
   */
  public static ScanResult scan(
      SparkSession spark, Path input, Recipe recipe, int partitions, ProgressListener progress)
      throws IOException {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0: " + partitions);
    }
    String scan = UUID.randomUUID().toString();
    String path = input.toAbsolutePath().normalize().toString();
    Retold retold = recipe.retold();
    RetoldSettings settings = retold.settings();
    ScanEngine engine = new ScanEngine(settings);
    try {
      // The driver's worker shares the driver's settings (and model); never sent, so the lambda
      // need not be serializable. Workers elsewhere make theirs from the recipe.
      ArticleSource source = Workers.of(scan, path, () -> retold).source();
      int slices = source instanceof SlicedSource sliced ? sliced.slices() : 1;
      JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int tasks = partitions > 0 ? partitions : Math.max(1, slices);
      List<Integer> all = IntStream.range(0, slices).boxed().toList();
      JavaRDD<Sketched> sketched =
          context.parallelize(all, tasks).mapPartitions(new SketchSlices(scan, path, recipe));
      // Every task runs at once (Spark keeps what they made) and the articles are counted (a
      // JSON Lines file may repeat an id, which the driver skips); each sketch is then thinned to
      // the shingle sample a scan of that many keeps, and the driver takes the thinned sketches in
      // order, the next few partitions fetched while it works (Prefetched).
      sketched.persist(StorageLevel.MEMORY_AND_DISK_SER());
      JavaRDD<Sketched> thinned = null;
      try {
        progress.progress("sketch on the workers", 0, slices);
        long articles = sketched.map(Sketched::id).filter(Objects::nonNull).distinct().count();
        progress.progress("thin the sketches", 0, articles);
        thinned = sketched.map(new Thin(scan, path, recipe, articles));
        thinned.persist(StorageLevel.MEMORY_AND_DISK_SER());
        thinned.count();
        sketched.unpersist(false);
        List<SkippedFile> skipped = new ArrayList<>();
        try (Prefetched<Sketched> made = new Prefetched<>(thinned, context.defaultParallelism())) {
          Iterator<byte[]> sketches = new Sketches(made, skipped);
          return engine
              .sweep(sketches, skipped, source, List.of(settings.stories().threshold()), progress)
              .get(0);
        }
      } finally {
        sketched.unpersist(false);
        if (thinned != null) {
          thinned.unpersist(false);
        }
      }
    } finally {
      Workers.release(scan);
    }
  }

  /** A worker's step: a sketch thinned to what a scan of so many articles keeps. */
  private static final class Thin implements Function<Sketched, Sketched> {
    private static final long serialVersionUID = 1L;

    private final String scan;
    private final String input;
    private final Recipe recipe;
    private final long articles;

    Thin(String scan, String input, Recipe recipe, long articles) {
      this.scan = scan;
      this.input = input;
      this.recipe = recipe;
      this.articles = articles;
    }

    @Override
    public Sketched call(Sketched one) {
      if (one.sketch() == null) {
        return one;
      }
      ScanEngine engine = Workers.of(scan, input, recipe).engine();
      return one.withSketch(engine.thinned(one.sketch(), articles));
    }
  }

  /** The sketches among what the workers made, the skipped entries set aside as they come. */
  private static final class Sketches implements Iterator<byte[]> {
    private final Iterator<Sketched> made;
    private final List<SkippedFile> skipped;
    private byte[] next;

    Sketches(Iterator<Sketched> made, List<SkippedFile> skipped) {
      this.made = made;
      this.skipped = skipped;
    }

    @Override
    public boolean hasNext() {
      while (next == null && made.hasNext()) {
        Sketched one = made.next();
        if (one.sketch() != null) {
          next = one.sketch();
        } else {
          skipped.add(new SkippedFile(one.skippedPath(), one.skippedReason()));
        }
      }
      return next != null;
    }

    @Override
    public byte[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      byte[] sketch = next;
      next = null;
      return sketch;
    }
  }
}
