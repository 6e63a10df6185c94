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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * embedding: the work that reads every byte); the copy candidates are found on the workers by joins
 * on LSH band keys and shared shingles ({@link CopyJoin}), and with {@link #STORY_CANDIDATES} at
 * {@code workers} the story candidates too, by joins on the articles' heaviest terms ({@link
 * StoryJoin}); and the driver takes the sketches, in slice order, with those candidates through the
 * core's later stages (verification, story scores, clustering, evidence), reading again only the
 * articles of the pairs it checks or reports. (A line of a JSON Lines file whose id an earlier
 * slice's line has is skipped there, as the single-machine scan skips it.) Those stages run on the
 * driver's cores: moving them onto the workers (scores as joins of pairs with vectors, connected
 * components, verification and evidence as joins) is the next step.
 *
 * <p>Every worker opens the input at the same path: a folder on a file system all of them see.
 */
public final class RetoldSpark {
  /**
   * Where the story candidates are found, a Spark setting: {@code driver} (the default: the core's
   * index of heavy terms, on the driver) or {@code workers} (by joins, {@link StoryJoin}); the same
   * pairs either way. The joins are the first step of the story stage on the workers, and pay off
   * only once the scores follow them: until then the driver holds every article's story terms
   * anyway, and on two cores the joins cost more than the index (docs/SPARK.md).
   */
  public static final String STORY_CANDIDATES = "spark.retold.storyCandidates";

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
    boolean storyJoin = storyCandidatesOnWorkers(spark);
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
      progress.progress("sketch on the workers", 0, slices);
      return sweep(
          context,
          storyJoin,
          sketched,
          scan,
          path,
          recipe,
          engine,
          settings,
          source,
          Sketches::new,
          progress);
    } finally {
      Workers.release(scan);
    }
  }

  /**
   * Scans rows of articles: a Spark user's {@code Dataset<Row>} (of a Parquet file, a table, a
   * query) with an {@code id} and a {@code text} column and optionally {@code title}, {@code date}
   * ({@code YYYY-MM-DD}, or a date or timestamp column) and {@code url}, as {@code retold scan}
   * scans a JSON Lines file of the same fields: a row is the article such a line is, and is skipped
   * for the same reasons (named {@code row N}, from 1, in the rows' order), as is a row whose id an
   * earlier row has. The result comes as Spark tables too ({@link Tables}).
   *
   * <p>The workers make each row a line, read and sketch it; the driver keeps each article's line
   * as it takes the sketches (on its disk, in a temporary file: the rows' text crosses to the
   * driver once) and reads again from there the articles of the pairs it checks or reports.
   *
   * @throws IOException if the driver's copy of the rows cannot be written or read
   * @throws IllegalArgumentException if the rows have no {@code id} or no {@code text} column
   */
  public static Tables scan(Dataset<Row> rows, Recipe recipe, ProgressListener progress)
      throws IOException {
    RowLines lines = RowLines.of(rows.schema());
    boolean storyJoin = storyCandidatesOnWorkers(rows.sparkSession());
    String scan = UUID.randomUUID().toString();
    Retold retold = recipe.retold();
    RetoldSettings settings = retold.settings();
    ScanEngine engine = new ScanEngine(settings);
    SparkSession spark = rows.sparkSession();
    try (RowSpill spill = new RowSpill(settings)) {
      Workers.of(scan, null, () -> retold); // the driver's worker: the driver's settings and model
      JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Sketched> sketched =
          rows.javaRDD()
              .zipWithIndex()
              .mapPartitions(
                  new SketchRows(scan, recipe, lines, settings.loading().maxFileBytes()));
      progress.progress("sketch on the workers", 0, sketched.getNumPartitions());
      ScanResult result =
          sweep(
              context,
              storyJoin,
              sketched,
              scan,
              null,
              recipe,
              engine,
              settings,
              spill,
              (made, skipped) -> Sketches.ofRows(made, skipped, spill),
              progress);
      return Tables.of(spark, result);
    } finally {
      Workers.release(scan);
    }
  }

  /** How the driver takes what the workers made: the sketches, the skipped entries set aside. */
  private interface Intake {
    Iterator<byte[]> sketches(Iterator<Sketched> made, List<SkippedFile> skipped);
  }

  /**
   * The steps after the workers' sketching: Spark keeps what they made (memory, then disk) and the
   * articles are counted (distinct ids: a JSON Lines file or rows may repeat one, which the driver
   * skips); the copy candidates are found on the workers ({@link CopyJoin}), and with {@code
   * storyJoin} the story candidates too ({@link StoryJoin}); each sketch is stripped of what only
   * the copy candidates need, and the driver takes the stripped sketches in order, the next few
   * partitions fetched while it works ({@link Prefetched}), through the core's later stages,
   * reading again from {@code source}.
   */
  private static ScanResult sweep(
      JavaSparkContext context,
      boolean storyJoin,
      JavaRDD<Sketched> sketched,
      String scan,
      String input,
      Recipe recipe,
      ScanEngine engine,
      RetoldSettings settings,
      ArticleSource source,
      Intake intake,
      ProgressListener progress)
      throws IOException {
    sketched.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Sketched> stripped = null;
    try {
      long articles = sketched.map(Sketched::id).filter(Objects::nonNull).distinct().count();
      progress.progress("copy candidates on the workers", 0, articles);
      long[] copyPairs = CopyJoin.pairs(context, sketched, scan, input, recipe, articles);
      long[] storyPairs = null;
      if (storyJoin) {
        progress.progress("story candidates on the workers", 0, articles);
        storyPairs = StoryJoin.pairs(context, sketched, scan, input, recipe, articles);
      }
      progress.progress("strip the sketches", 0, articles);
      stripped = sketched.map(new Strip(scan, input, recipe));
      stripped.persist(StorageLevel.MEMORY_AND_DISK_SER());
      stripped.count();
      sketched.unpersist(false);
      List<SkippedFile> skipped = new ArrayList<>();
      try (Prefetched<Sketched> made = new Prefetched<>(stripped, context.defaultParallelism())) {
        return engine
            .sweep(
                intake.sketches(made, skipped),
                skipped,
                source,
                copyPairs,
                storyPairs,
                List.of(settings.stories().threshold()),
                progress)
            .get(0);
      }
    } finally {
      sketched.unpersist(false);
      if (stripped != null) {
        stripped.unpersist(false);
      }
    }
  }

  /** Whether {@link #STORY_CANDIDATES} says {@code workers}; refuses a value it does not know. */
  private static boolean storyCandidatesOnWorkers(SparkSession spark) {
    String where = spark.conf().get(STORY_CANDIDATES, "driver");
    return switch (where) {
      case "driver" -> false;
      case "workers" -> true;
      default ->
          throw new IllegalArgumentException(
              STORY_CANDIDATES + " must be driver or workers, not " + where);
    };
  }

  /** A worker's step: a sketch without what only the copy candidates need. */
  private static final class Strip implements Function<Sketched, Sketched> {
    private static final long serialVersionUID = 1L;

    private final String scan;
    private final String input;
    private final Recipe recipe;

    Strip(String scan, String input, Recipe recipe) {
      this.scan = scan;
      this.input = input;
      this.recipe = recipe;
    }

    @Override
    public Sketched call(Sketched one) {
      if (one.sketch() == null) {
        return one;
      }
      ScanEngine engine = Workers.of(scan, input, recipe).engine();
      return one.withSketch(engine.withoutCopyKeys(one.sketch()));
    }
  }

  /**
   * The sketches among what the workers made, the skipped entries set aside as they come; {@code
   * keep} is told each article in turn and says whether it stays (else it saw to its skipped
   * entry), {@code atEnd} is run once the last is taken.
   */
  private static final class Sketches implements Iterator<byte[]> {
    private final Iterator<Sketched> made;
    private final List<SkippedFile> skipped;
    private final Predicate<Sketched> keep;
    private final Runnable atEnd;
    private boolean ended;
    private byte[] next;

    /** Every article's sketch. */
    Sketches(Iterator<Sketched> made, List<SkippedFile> skipped) {
      this(made, skipped, one -> true, () -> {});
    }

    Sketches(
        Iterator<Sketched> made,
        List<SkippedFile> skipped,
        Predicate<Sketched> keep,
        Runnable atEnd) {
      this.made = made;
      this.skipped = skipped;
      this.keep = keep;
      this.atEnd = atEnd;
    }

    /**
     * The sketches of rows: a row whose id an earlier row has is skipped; each article's line goes
     * to {@code spill}, finished once the last sketch is taken.
     */
    static Sketches ofRows(Iterator<Sketched> made, List<SkippedFile> skipped, RowSpill spill) {
      Map<String, Long> firstRow = new HashMap<>();
      Predicate<Sketched> keep =
          one -> {
            Long first = firstRow.putIfAbsent(one.id(), one.position());
            if (first != null) {
              skipped.add(
                  new SkippedFile(
                      SketchRows.rowName(one.position()),
                      "id " + one.id() + " already used in " + SketchRows.rowName(first)));
              return false;
            }
            spill.add(one.position(), one.line());
            return true;
          };
      Runnable finish =
          () -> {
            try {
              spill.finish();
            } catch (IOException problem) {
              throw new UncheckedIOException(problem);
            }
          };
      return new Sketches(made, skipped, keep, finish);
    }

    @Override
    public boolean hasNext() {
      while (next == null && made.hasNext()) {
        Sketched one = made.next();
        if (one.sketch() == null) {
          skipped.add(new SkippedFile(one.skippedPath(), one.skippedReason()));
        } else if (keep.test(one)) {
          next = one.sketch();
        }
      }
      if (next == null && !ended) {
        ended = true;
        atEnd.run();
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
