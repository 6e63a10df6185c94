package dev.retold.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's wiring: the build generates the benchmarks with the parameters the suite sets, and
 * (tagged {@code jmh-smoke}, left out of the build, which never runs a benchmark) the suite end to
 * end in this JVM with tiny settings: every benchmark runs and the three files are written. The
 * numbers mean nothing there; only that the wiring holds.
 */
class BenchmarkSuiteTest {
  @Test
  void theBuildGeneratesBothBenchmarksWithTheParametersTheSuiteSets() throws IOException {
    String list;
    try (InputStream in = BenchmarkSuiteTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList from JMH's annotation processor").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(list.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(" signBatch ", " articles ", " seed ", " shingleSize ", " signer "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(" hashWordsBatch ", " articles ", " seed ")
                    .doesNotContain(" signer "));
  }

  @Test
  @Tag("jmh-smoke")
  void runsEveryBenchmarkAndWritesTheFiles(@TempDir Path temp) throws Exception {
    BenchmarkSuite suite =
        BenchmarkSuite.builder()
            .articles(5)
            .shingleSizes(List.of(3))
            .forks(0)
            .warmup(0, Duration.ofMillis(1))
            .measurement(1, Duration.ofMillis(20))
            .outputFolder(temp.resolve("out"))
            .build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ThroughputReport report = suite.run(new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(report.rows())
        .extracting(ThroughputRow::signer)
        .containsExactlyElementsOf(BenchmarkSuite.ALL_SIGNERS);
    assertThat(report.rows()).allMatch(row -> row.megabytesPerSecond() > 0);
    assertThat(report.batchBytes()).isEqualTo(BenchmarkCorpus.generate(5, 42).utf8Bytes());
    assertThat(Files.readString(temp.resolve("out").resolve(BenchmarkSuite.MARKDOWN_FILE)))
        .isEqualTo(report.toMarkdown());
    assertThat(Files.readString(temp.resolve("out").resolve(BenchmarkSuite.SUMMARY_FILE)))
        .isEqualTo(report.toJson());
    assertThat(Files.readString(temp.resolve("out").resolve(BenchmarkSuite.JMH_FILE)))
        .contains("\"primaryMetric\"", "signBatch", "hashWordsBatch");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("# Benchmark:");
  }

  @Test
  void refusesImpossibleSettingsWithTheValue() {
    assertThatThrownBy(() -> BenchmarkSuite.builder().articles(0))
        .hasMessage("articles must be > 0: 0");
    assertThatThrownBy(() -> BenchmarkSuite.builder().shingleSizes(List.of(3, 1)))
        .hasMessage("shingle sizes must be >= 2: 1");
    assertThatThrownBy(() -> BenchmarkSuite.builder().signers(List.of("retold", "simhash")))
        .hasMessageContaining(": simhash");
    assertThatThrownBy(() -> BenchmarkSuite.builder().measurement(0, Duration.ofSeconds(1)))
        .hasMessage("measurement iterations must be >= 1: 0");
    assertThatThrownBy(() -> BenchmarkSuite.builder().warmup(1, Duration.ZERO))
        .hasMessage("warm-up time must be at least 1 ms: PT0S");
  }
}
