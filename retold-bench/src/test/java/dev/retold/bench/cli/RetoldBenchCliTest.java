package dev.retold.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, standard output and standard error. */
class RetoldBenchCliTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RetoldBenchCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheFlags() {
    Run run = run("generate", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--articles", "--seed", "--format", "--output", "--shard-size", "--progress-every");
    assertThat(run(new String[] {"--help"}).out()).contains("generate");
  }

  @Test
  void generateWritesJsonLinesAndLabelsWithProgress(@TempDir Path temp) throws IOException {
    Path output = temp.resolve("corpus");
    Run run =
        run(
            "generate",
            "--articles",
            "250",
            "--seed",
            "42",
            "--format",
            "jsonl",
            "--output",
            output.toString(),
            "--mean-words",
            "100",
            "--progress-every",
            "100");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("wrote 250/250 articles, ").endsWith(" to " + output + "\n");
    assertThat(run.err().lines())
        .hasSize(2)
        .allMatch(line -> line.matches("\\d+/250 articles, [0-9.]+ MB, [0-9.]+ s, [0-9.]+ MB/s"));
    assertThat(Files.readAllLines(output.resolve("articles.jsonl"))).hasSize(250);
    assertThat(Files.readAllLines(output.resolve("labels.tsv"))).hasSize(251);
  }

  @Test
  void theSameSeedGivesTheSameBytes(@TempDir Path temp) throws IOException {
    for (String name : List.of("a", "b")) {
      assertThat(
              run(
                      "generate",
                      "-n",
                      "120",
                      "--format",
                      "files",
                      "--shard-size",
                      "50",
                      "--output",
                      temp.resolve(name).toString(),
                      "--progress-every",
                      "0")
                  .exitCode())
          .isZero();
    }
    assertThat(
            run("generate", "-n", "120", "-s", "7", "-o", temp.resolve("c").toString()).exitCode())
        .isZero();
    List<String> labels = Files.readAllLines(temp.resolve("a").resolve("labels.tsv"));
    assertThat(labels).isEqualTo(Files.readAllLines(temp.resolve("b").resolve("labels.tsv")));
    assertThat(labels).isNotEqualTo(Files.readAllLines(temp.resolve("c").resolve("labels.tsv")));
    for (String line : labels.subList(1, labels.size())) {
      String file = line.split("\t")[0];
      assertThat(file).matches("0000[0-2]/[0-9a-f]{16}\\.txt");
      assertThat(Files.readAllBytes(temp.resolve("a").resolve("articles").resolve(file)))
          .isEqualTo(Files.readAllBytes(temp.resolve("b").resolve("articles").resolve(file)));
    }
  }

  @Test
  void badUsageExitsWithTwo(@TempDir Path temp) {
    String output = temp.resolve("x").toString();
    Run missing = run("generate", "--articles", "10");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("Missing required option: '--output=DIR'", "Try 'retold-bench generate --help'.");
    Run zero = run("generate", "--articles", "0", "--output", output);
    assertThat(zero.exitCode()).as(zero.err()).isEqualTo(2);
    assertThat(zero.err()).startsWith("retold-bench: articles must be > 0: 0\n");
    assertThat(run("generate", "--format", "xml", "--output", output).exitCode()).isEqualTo(2);
    assertThat(run("generate", "--shard-size", "-1", "--output", output).err())
        .startsWith("retold-bench: --shard-size must be >= 0: -1");
    assertThat(run().exitCode()).isEqualTo(2);
    assertThat(Files.exists(temp.resolve("x"))).isFalse();
  }

  @Test
  void aFolderThatIsNotEmptyFailsWithOne(@TempDir Path temp) throws IOException {
    Files.writeString(temp.resolve("keep.txt"), "mine");
    Run run = run("generate", "--articles", "5", "--output", temp.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retold-bench: the output folder is not empty: " + temp + "\n");
    assertThat(temp.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void throughputChecksItsSettingsAndItsJarBeforeGeneratingAnything(@TempDir Path temp) {
    String work = temp.resolve("work").toString();
    Run runs = run("throughput", "--runs", "0", "--work", work);
    assertThat(runs.exitCode()).isEqualTo(2);
    assertThat(runs.err()).startsWith("retold-bench: --runs must be >= 1: 0");
    Run semantic = run("throughput", "--semantic", "maybe", "--work", work);
    assertThat(semantic.exitCode()).isEqualTo(2);
    Path jar = temp.resolve("missing.jar");
    Run noJar = run("throughput", "--retold-jar", jar.toString(), "--work", work);
    assertThat(noJar.exitCode()).isEqualTo(1);
    assertThat(noJar.err()).contains("no Retold jar at " + jar);
    assertThat(Files.exists(temp.resolve("work"))).isFalse();
  }

  @Test
  void indexBuildsAnIndexAndReportsIngestLatencySizeAndMemory(@TempDir Path temp) {
    String work = temp.resolve("index").toString();
    Run run = run("index", "-n", "30", "--batch", "10", "--queries", "3", "--work", work);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("| articles | batch | ingest articles/s |");
    assertThat(lines.get(2)).matches("\\| 30 \\| 10 (\\| -?[0-9.]+ ){6}\\|");
    assertThat(run.err()).contains("added 30/30");
    assertThat(run("index", "-n", "30", "--work", work).err()).contains("must be absent or empty");
    assertThat(run("index", "--semantic", "maybe", "--work", work).exitCode()).isEqualTo(2);
  }

  @Test
  void percentilesAreByNearestRank() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(IndexBenchCommand.percentile(sorted, 50)).isEqualTo(5);
    assertThat(IndexBenchCommand.percentile(sorted, 99)).isEqualTo(10);
    assertThat(IndexBenchCommand.percentile(new long[] {7}, 50)).isEqualTo(7);
  }

  @Test
  void benchHelpListsTheFlagsAndTheSigners() {
    Run run = run("bench", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--articles",
            "--signers",
            "--shingle-sizes",
            "--forks",
            "--warmup-iterations",
            "--warmup-time",
            "--iterations",
            "--time",
            "--output",
            "word-hash-baseline",
            "hash4j-minhash");
    assertThat(run("--help").out()).contains("bench");
  }

  @Test
  void benchRefusesImpossibleSettingsWithTwo(@TempDir Path temp) {
    String output = temp.resolve("x").toString();
    Run size = run("bench", "--shingle-sizes", "3,1", "--output", output);
    assertThat(size.exitCode()).isEqualTo(2);
    assertThat(size.err()).startsWith("retold-bench: shingle sizes must be >= 2: 1\n");
    Run signer = run("bench", "--signers", "retold,simhash", "--output", output);
    assertThat(signer.exitCode()).isEqualTo(2);
    assertThat(signer.err()).contains(": simhash");
    Run time = run("bench", "--time", "soon", "--output", output);
    assertThat(time.exitCode()).isEqualTo(2);
    assertThat(time.err()).contains("not a time such as 2s, 500ms or PT2S: 'soon'");
    assertThat(Files.exists(temp.resolve("x"))).isFalse();
  }

  @Test
  void durationsReadAsJmhWritesThem() {
    BenchCommand.DurationConverter converter = new BenchCommand.DurationConverter();
    assertThat(converter.convert("2s")).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(converter.convert("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(converter.convert("1m")).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(converter.convert("PT1.5S")).isEqualTo(java.time.Duration.ofMillis(1500));
  }
}
