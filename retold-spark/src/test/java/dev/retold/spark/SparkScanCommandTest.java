package dev.retold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(err.toString()).contains("--format must be text, json, csv or html: xml");
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
