package dev.retold.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan on Spark (local mode, two cores, loopback only) reports what the single-machine scan
 * reports, byte for byte in JSON, whatever the partitioning.
 */
class RetoldSparkTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");
  private static final ObjectMapper LINES = new ObjectMapper();
  private static SparkSession spark;

  @TempDir static Path folder;

  @BeforeAll
  static void startSpark() throws IOException {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("retold-spark test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            // Kryo, as many clusters set it (the command's tests run with Spark's default, Java
            // serialization): what the workers hand on must serialize either way.
            .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
            // The story candidates by joins on the workers (the command's tests and CI's seeds
            // run the default, the driver's index): the same result either way.
            .config(RetoldSpark.STORY_CANDIDATES, "workers")
            // The joins' shuffles in 5 partitions, whatever the input's (the command's tests: as
            // many as the input has).
            .config("spark.default.parallelism", "5")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    write(CorpusGenerator.builder().seed(42).articles(1500).build(), folder.resolve("generated"));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void theSeedsAreOneStoryAsOnOneMachine() throws IOException {
    Recipe recipe = () -> SparkScanCommand.Scan.settings(false);
    ScanResult onSpark = RetoldSpark.scan(spark, SEEDS, recipe);
    ScanResult alone = recipe.retold().scan(SEEDS);
    assertThat(json(onSpark)).isEqualTo(json(alone));
    assertThat(onSpark.stories()).hasSize(1);
    assertThat(onSpark.stories().get(0).canonical()).startsWith("003_");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 6})
  void aGeneratedFolderScansAsOnOneMachineInAnyNumberOfTasks(int partitions) throws IOException {
    Path generated = folder.resolve("generated");
    Recipe recipe = () -> SparkScanCommand.Scan.settings(true);
    ScanResult onSpark =
        RetoldSpark.scan(spark, generated, recipe, partitions, dev.retold.ProgressListener.NONE);
    ScanResult alone = recipe.retold().scan(generated);
    assertThat(onSpark.articles()).hasSize(1502);
    assertThat(onSpark.skipped()).hasSize(2);
    assertThat(json(onSpark)).isEqualTo(json(alone));
  }

  @Test
  void aJsonLinesFileScansWithTheSameResult(@TempDir Path dir) throws IOException {
    Path lines = dir.resolve("articles.jsonl");
    Files.writeString(
        lines,
        "{\"id\":\"a\",\"text\":\"The harbour bridge opened on Monday after ten years of work.\"}\n"
            + "{\"id\":\"b\",\"text\":\"The harbour bridge opened on Monday after ten years of work.\"}\n"
            + "not json\n"
            + "{\"id\":\"a\",\"text\":\"A line with an id used before.\"}\n"
            + "{\"id\":\"c\",\"text\":\"A storm closed the airport for the night.\"}\n");
    Recipe recipe = () -> SparkScanCommand.Scan.settings(true);
    ScanResult onSpark = RetoldSpark.scan(spark, lines, recipe);
    assertThat(json(onSpark)).isEqualTo(json(recipe.retold().scan(lines)));
    assertThat(onSpark.skipped()).hasSize(2);
    assertThat(onSpark.copyGroups()).hasSize(1);
  }

  /**
   * Past 8,192 articles a scan samples each article's shingles: the workers' copy joins, on the
   * sample, find the candidates the single-machine scan's indexes find.
   */
  @Test
  void aCorpusPastTheShingleSampleScansAsOnOneMachine(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    Iterator<GeneratedArticle> articles =
        CorpusGenerator.builder().seed(5).articles(8300).build().iterator();
    while (articles.hasNext()) {
      lines.append(jsonLine(articles.next()));
    }
    Path file = Files.writeString(dir.resolve("articles.jsonl"), lines);
    Recipe recipe = () -> SparkScanCommand.Scan.settings(true);
    ScanResult onSpark = RetoldSpark.scan(spark, file, recipe);
    ScanResult alone = recipe.retold().scan(file);
    assertThat(alone.articles()).hasSizeGreaterThan(8192);
    assertThat(alone.copyGroups()).isNotEmpty();
    assertThat(json(onSpark)).isEqualTo(json(alone));
  }

  /** One generated article as a JSON Lines line with its id, title, date and text. */
  private static String jsonLine(GeneratedArticle article) throws IOException {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("id", article.id());
    line.put("title", article.title());
    line.put("date", article.date());
    line.put("text", article.text());
    return LINES.writeValueAsString(line) + "\n";
  }

  /**
   * Rows of a Spark table scan as the lines of a JSON Lines file with the same fields do: the same
   * articles, stories and pairs; the rows that are no article (no text, an id used before) skipped
   * for the same reasons, named by row.
   */
  @Test
  void rowsScanAsTheLinesOfAJsonLinesFile(@TempDir Path dir) throws IOException {
    List<Row> rows = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    Iterator<GeneratedArticle> articles =
        CorpusGenerator.builder().seed(7).articles(300).build().iterator();
    while (articles.hasNext()) {
      GeneratedArticle article = articles.next();
      rows.add(RowFactory.create(article.id(), article.title(), article.date(), article.text(), 1));
      lines.append(jsonLine(article));
    }
    rows.add(RowFactory.create("no-text", "A title", "2026-01-02", null, 2));
    lines.append("{\"id\":\"no-text\",\"title\":\"A title\",\"date\":\"2026-01-02\"}\n");
    rows.add(
        RowFactory.create(rows.get(5).getString(0), null, null, "Again, an id used before.", 3));
    lines.append(
        "{\"id\":\"" + rows.get(5).getString(0) + "\",\"text\":\"Again, an id used before.\"}\n");
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("other", DataTypes.IntegerType);
    Dataset<Row> table = spark.createDataFrame(rows, schema); // in order, two partitions
    Recipe recipe = () -> SparkScanCommand.Scan.settings(true);

    Tables onSpark = RetoldSpark.scan(table, recipe, ProgressListener.NONE);
    Path file = Files.writeString(dir.resolve("rows.jsonl"), lines);
    ScanResult alone = recipe.retold().scan(file);

    ScanResult result = onSpark.result();
    assertThat(result.articles()).hasSize(300).isEqualTo(alone.articles());
    assertThat(result.stories()).isNotEmpty().isEqualTo(alone.stories());
    assertThat(result.pairs()).isNotEmpty().isEqualTo(alone.pairs());
    assertThat(result.copyGroups()).isEqualTo(alone.copyGroups());
    String repeated = "id " + rows.get(5).getString(0) + " already used ";
    assertThat(result.skipped())
        .containsExactly(
            new SkippedFile("row 301", "no text"),
            new SkippedFile("row 302", repeated + "in row 6"));
    assertThat(alone.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly("no text", repeated + "on line 6");
    assertThat(onSpark.articles().count()).isEqualTo(300);
    assertThat(onSpark.pairs().count()).isEqualTo(result.pairs().size());
    assertThat(onSpark.stories().count()).isEqualTo(result.stories().size());
    assertThat(onSpark.skipped().collectAsList()).hasSize(2);
  }

  /**
   * The story candidates from the driver's index (the default) give the same result as the joins
   * this class runs; a place the setting does not know is refused.
   */
  @Test
  void theDriversStoryCandidatesScanAsOnOneMachineToo() throws IOException {
    Path generated = folder.resolve("generated");
    Recipe recipe = () -> SparkScanCommand.Scan.settings(true);
    try {
      spark.conf().set(RetoldSpark.STORY_CANDIDATES, "driver");
      ScanResult onSpark = RetoldSpark.scan(spark, generated, recipe);
      assertThat(json(onSpark)).isEqualTo(json(recipe.retold().scan(generated)));
      spark.conf().set(RetoldSpark.STORY_CANDIDATES, "everywhere");
      assertThatThrownBy(() -> RetoldSpark.scan(spark, SEEDS, recipe))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("driver or workers, not everywhere");
    } finally {
      spark.conf().set(RetoldSpark.STORY_CANDIDATES, "workers");
    }
  }

  @Test
  void rowsWithoutATextColumnAreRefused() {
    Dataset<Row> table =
        spark.createDataFrame(
            List.of(RowFactory.create("a", "b")),
            new StructType().add("id", DataTypes.StringType).add("body", DataTypes.StringType));
    assertThatThrownBy(
            () -> RetoldSpark.scan(table, () -> Retold.builder().build(), ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need an id and a text column")
        .hasMessageContaining("id, body");
  }

  /** The driver's fetching: every element once, in partition order, in groups of any size. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 20})
  void prefetchedPartitionsComeInOrder(int group) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> numbers = IntStream.range(0, 1000).boxed().toList();
    JavaRDD<Integer> rdd = context.parallelize(numbers, 7);
    List<Integer> fetched = new ArrayList<>();
    try (Prefetched<Integer> elements = new Prefetched<>(rdd, group)) {
      elements.forEachRemaining(fetched::add);
    }
    assertThat(fetched).isEqualTo(numbers);
    try (Prefetched<Integer> none = new Prefetched<>(context.parallelize(List.of(), 3), group)) {
      assertThat(none.hasNext()).isFalse();
    }
  }

  /** The corpus as files with front matter, and two files that are skipped. */
  private static void write(CorpusGenerator corpus, Path into) throws IOException {
    Files.createDirectories(into);
    Iterator<GeneratedArticle> articles = corpus.iterator();
    int n = 0;
    while (articles.hasNext()) {
      GeneratedArticle article = articles.next();
      Path shard = Files.createDirectories(into.resolve(String.format("%02d", n++ / 500)));
      Files.writeString(
          shard.resolve(article.id() + ".txt"),
          "---\ntitle: \""
              + article.title()
              + "\"\ndate: "
              + article.date()
              + "\n---\n"
              + article.text()
              + "\n",
          StandardCharsets.UTF_8);
    }
    // Two copies of one article, and what is not an article.
    Path first = Files.list(into.resolve("00")).sorted().findFirst().orElseThrow();
    Files.copy(first, into.resolve("copy-of-first.txt"));
    Files.copy(first, into.resolve("copy-again.txt"));
    Files.write(into.resolve("empty.txt"), new byte[0]);
    Files.write(into.resolve("binary.bin"), new byte[] {0, 1, 2, 0, 3});
  }

  private static String json(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    ReportFormat.JSON.write(result, out);
    return out.toString();
  }
}
