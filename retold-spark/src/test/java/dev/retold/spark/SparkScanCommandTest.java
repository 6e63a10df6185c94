package dev.retold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runnable jar's command line, black box: usage errors, and a report written whole. */
class SparkScanCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = SparkScanCommand.commandLine();
    line.setErr(new PrintWriter(err, true));
    line.setOut(new PrintWriter(new StringWriter(), true));
    return line.execute(args);
  }

  @Test
  void anUnknownFormatIsBadUsage() {
    assertThat(run("scan", "../testdata/seeds", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--format must be text, json, csv, html or parquet: xml");
  }

  /** The story candidates joined on the workers give the report the driver's index gives. */
  @Test
  void storyCandidatesOnTheWorkersReportTheSame(@TempDir Path dir) throws IOException {
    Path driver = dir.resolve("driver.json");
    Path workers = dir.resolve("workers.json");
    assertThat(scanLexically("../testdata/seeds", "json", driver.toString())).isEqualTo(0);
    assertThat(
            scanLexically(
                "../testdata/seeds", "json", workers.toString(), "--story-candidates", "workers"))
        .isEqualTo(0);
    assertThat(err.toString()).contains("story candidates on the workers");
    assertThat(Files.readString(workers)).isEqualTo(Files.readString(driver));
    assertThat(run("scan", "../testdata/seeds", "--story-candidates", "everywhere")).isEqualTo(2);
  }

  @Test
  void parquetTablesNeedAFolder() {
    assertThat(run("scan", "../testdata/seeds", "--format", "parquet")).isEqualTo(2);
    assertThat(err.toString()).contains("give it with -o DIR");
  }

  /** Parquet in (rows of articles) and out (the four tables), read back with Spark. */
  @Test
  void parquetInAndTablesOut(@TempDir Path dir) throws IOException {
    String text = "The harbour bridge opened on Monday after ten years of work and a long fight.";
    SparkSession spark = session();
    try {
      spark
          .createDataFrame(
              List.of(
                  RowFactory.create("a", text, "2026-01-05"),
                  RowFactory.create("b", text, "2026-01-06"),
                  RowFactory.create("c", "A storm closed the airport for the night.", null),
                  RowFactory.create("d", null, null)),
              new StructType()
                  .add("id", DataTypes.StringType)
                  .add("text", DataTypes.StringType)
                  .add("date", DataTypes.StringType))
          .write()
          .parquet(dir.resolve("articles.parquet").toString());
    } finally {
      spark.stop();
    }
    Path json = dir.resolve("report.json");
    String input = dir.resolve("articles.parquet").toString();
    assertThat(scanLexically(input, "json", json.toString())).isEqualTo(0);
    assertThat(Files.readString(json)).contains("\"row 4\"").contains("\"DUPLICATE\"");
    Path tables = dir.resolve("tables");
    assertThat(scanLexically(input, "parquet", tables.toString())).isEqualTo(0);
    spark = session();
    try {
      assertThat(spark.read().parquet(tables.resolve("articles").toString()).count()).isEqualTo(3);
      assertThat(spark.read().parquet(tables.resolve("skipped").toString()).count()).isEqualTo(1);
      List<Row> copies =
          spark
              .read()
              .parquet(tables.resolve("articles").toString())
              .where("copy_group is not null")
              .select("id") // a date column, collected, wants --add-opens sun.util.calendar
              .orderBy("id")
              .collectAsList();
      assertThat(copies).extracting(row -> row.<String>getAs("id")).containsExactly("a", "b");
      assertThat(spark.read().parquet(tables.resolve("pairs").toString()).schema().fieldNames())
          .contains("a", "b", "relation", "passages");
      assertThat(spark.read().parquet(tables.resolve("stories").toString()).count()).isEqualTo(2);
    } finally {
      spark.stop();
    }
  }

  /**
   * Exit code of a lexical scan of {@code input} in local[2], its report written to {@code out},
   * with {@code more} options.
   */
  private int scanLexically(String input, String format, String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                input,
                "--master",
                "local[2]",
                "--semantic",
                "off",
                "--format",
                format,
                "-o",
                out));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  @Test
  void negativePartitionsAreBadUsage() {
    assertThat(run("scan", "../testdata/seeds", "--partitions", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--partitions must be >= 0");
  }

  @Test
  void aMissingInputFailsWithItsName(@TempDir Path dir) {
    assertThat(run("scan", dir.resolve("nothing").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file or folder").contains("nothing");
  }

  @Test
  void noCommandIsBadUsage() {
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void aScanWritesItsReportToTheOutputFile(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("seeds.json");
    int code =
        run(
            "scan",
            "../testdata/seeds",
            "--master",
            "local[2]",
            "--semantic",
            "off",
            "--format",
            "json",
            "-o",
            report.toString());
    assertThat(code).isEqualTo(0);
    String json = Files.readString(report);
    assertThat(json).contains("\"003_6669a427d399b261.txt\"").contains("\"stories\"");
    assertThat(err.toString())
        .contains("s  sketch on the workers (1)")
        .contains("s  analyse")
        .endsWith("s  done" + System.lineSeparator());
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(report);
    }
  }
}
