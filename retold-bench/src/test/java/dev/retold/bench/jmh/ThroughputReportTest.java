package dev.retold.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.bench.GoldenFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's conversion to MB/s, and its two formats pinned in golden files. */
class ThroughputReportTest {
  private static final ThroughputReport REPORT =
      new ThroughputReport(
          2000,
          42,
          2_000_000,
          "JMH 1.37, 1 fork(s).",
          List.of(
              new ThroughputRow(BenchmarkSuite.BASELINE, 0, "words", 50, 1, 2_000_000),
              new ThroughputRow("retold", 3, "retold path", 10, 0.5, 2_000_000),
              new ThroughputRow("java-lsh", 3, "java-lsh path", 2, Double.NaN, 2_000_000),
              new ThroughputRow("java-lsh", 5, "java-lsh path", 1.5, 0.25, 2_000_000)));

  @Test
  void convertsOperationsToMegabytesWithTheBatchSize() {
    ThroughputRow row = REPORT.rows().get(1);
    assertThat(row.megabytesPerSecond()).isEqualTo(20.0);
    assertThat(row.megabytesPerSecondError()).isEqualTo(1.0);
  }

  @Test
  void writesTheMarkdownTable() throws IOException {
    GoldenFiles.assertMatches("throughput-report.md", REPORT.toMarkdown());
  }

  @Test
  void writesTheJsonSummaryWithNullForMissingNumbers() throws IOException {
    GoldenFiles.assertMatches("throughput-report.json", REPORT.toJson());
  }

  @Test
  void aRowRefusesImpossibleValues() {
    assertThatThrownBy(() -> new ThroughputRow("retold", 3, "", 1, 0, 0))
        .hasMessage("batchBytes must be > 0: 0");
    assertThatThrownBy(() -> new ThroughputRow("retold", -1, "", 1, 0, 1))
        .hasMessage("shingleSize must be >= 0: -1");
    assertThatThrownBy(() -> new ThroughputRow("retold", 3, "", Double.NaN, 0, 1))
        .hasMessage("operationsPerSecond must be >= 0: NaN");
  }
}
