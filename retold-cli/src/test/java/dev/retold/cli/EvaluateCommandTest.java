package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code retold evaluate} as a user meets it, on a folder whose stories do not depend on tuning:
 * exact copies (always one story) and texts with no word in common (never one).
 *
 * <p>The folder: {@code a.txt} and {@code b.txt} the same text, {@code c.txt} another, {@code
 * d.txt} and {@code nested/e.txt} a third, {@code empty.txt} empty (skipped by the reader). The
 * labels put a, b and c in cluster x, and d, nested/e, empty and a missing file in y. So the
 * prediction is {a b} {c} {d e} {empty} {missing}: 2 pairs claimed, both right, of the 3 + 6 = 9
 * gold pairs.
 */
class EvaluateCommandTest {
  /** "stories" then pairwise P R F1, BCubed P R F1 and ARI, worked out by hand (see the class). */
  private static final List<String> EXPECTED_ROW =
      List.of(
          "5", // {a b} {c} {d e}, and the two labelled files not scanned
          "1.0", // 2/2
          "0.2222", // 2/9
          "0.3636", // 4/11
          "1.0", // every predicted story is pure
          "0.4524", // (2/3 + 2/3 + 1/3 + 2/4 + 2/4 + 1/4 + 1/4) / 7 = 19/42
          "0.623", // 38/61
          "0.2462"); // 2(21·2 - 2·9) / (21(2 + 9) - 2·2·9) = 16/65

  private static final String LABELS =
      "file\tcluster\ttopic\n"
          + "a.txt\tx\t1\n"
          + "b.txt\tx\t1\n"
          + "c.txt\tx\t1\n"
          + "\n"
          + "d.txt\ty\t2\n"
          + "nested/e.txt\ty\t2\n"
          + "empty.txt\ty\t2\n"
          + "missing.txt\ty\t2\n";

  @TempDir Path temp;
  private Path folder;
  private Path labels;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void writeTheFolder() throws IOException {
    folder = Files.createDirectories(temp.resolve("articles"));
    String first = words(1);
    String second = words(2);
    String third = words(3);
    Files.writeString(folder.resolve("a.txt"), first);
    Files.writeString(folder.resolve("b.txt"), first);
    Files.writeString(folder.resolve("c.txt"), second);
    Files.writeString(folder.resolve("d.txt"), third);
    Files.writeString(Files.createDirectories(folder.resolve("nested")).resolve("e.txt"), third);
    Files.write(folder.resolve("empty.txt"), new byte[0]);
    labels = Files.writeString(temp.resolve("labels.tsv"), LABELS);
  }

  /** A text of 200 made-up words; texts of different seeds share none. */
  private static String words(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder("Report " + seed + ".\n\n");
    for (int i = 0; i < 200; i++) {
      for (int letter = 0; letter < 7; letter++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(i % 12 == 11 ? ".\n" : " ");
    }
    return text.toString();
  }

  @Test
  void printsTheCountsAndTheScores() {
    CliRun run = run("evaluate", folder.toString(), "--labels", labels.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .isEqualTo("7 labelled files: 5 scanned, 2 not scanned; 2 gold clusters.");
    assertThat(lines.get(1)).isEmpty();
    assertThat(lines.get(2).strip().split(" +"))
        .containsExactly("stories", "pair_P", "pair_R", "pair_F1", "b3_P", "b3_R", "b3_F1", "ARI");
    assertThat(lines.get(3).strip().split(" +")).containsExactlyElementsOf(EXPECTED_ROW);
    assertThat(lines.get(3)).hasSameSizeAs(lines.get(2)); // columns aligned to the right
  }

  @Test
  void jsonIsOneObjectWithTheFieldsInOrder() throws IOException {
    CliRun run =
        run("evaluate", folder.toString(), "--labels", labels.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(fieldNames(json))
        .containsExactly(
            "format",
            "labelled",
            "scanned",
            "gold_clusters",
            "stories",
            "pairwise_precision",
            "pairwise_recall",
            "pairwise_f1",
            "bcubed_precision",
            "bcubed_recall",
            "bcubed_f1",
            "adjusted_rand_index");
    assertThat(json.get("format").asText()).isEqualTo("retold-evaluate/1");
    assertThat(List.of(json.get("labelled").asInt(), json.get("scanned").asInt()))
        .containsExactly(7, 5);
    assertThat(run.out())
        .contains("\"pairwise_precision\": 1.0,")
        .contains("\"pairwise_recall\": 0.2222,")
        .contains("\"pairwise_f1\": 0.3636,")
        .contains("\"bcubed_recall\": 0.4524,")
        .contains("\"bcubed_f1\": 0.623,")
        .contains("\"adjusted_rand_index\": 0.2462\n")
        .endsWith("}\n");
  }

  @Test
  void sweepPrintsOneRowPerThresholdAndMarksTheBest() {
    CliRun run =
        run(
            "evaluate",
            folder.toString(),
            "--labels",
            labels.toString(),
            "--sweep",
            "--no-progress");

    assertThat(run.exitCode()).isZero();
    List<String> rows = run.out().lines().skip(3).toList();
    assertThat(rows).hasSize(12);
    assertThat(rows.get(0)).startsWith("     0.08  ");
    assertThat(rows.get(11)).startsWith("     0.30  ");
    assertThat(rows).filteredOn(row -> row.endsWith("  <- best pairwise F1")).hasSize(1);
    for (String row : rows) {
      assertThat(row.replace("<- best pairwise F1", "").strip().split(" +")).hasSize(9);
    }
  }

  @Test
  void sweepInJsonListsEachThreshold() throws IOException {
    CliRun run =
        run(
            "evaluate",
            folder.toString(),
            "--labels",
            labels.toString(),
            "--thresholds",
            "0.2,0.45",
            "-f",
            "JSON");

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(fieldNames(json))
        .containsExactly(
            "format", "labelled", "scanned", "gold_clusters", "best_story_threshold", "sweep");
    assertThat(json.get("best_story_threshold").asDouble()).isIn(0.2, 0.45);
    JsonNode sweep = json.get("sweep");
    assertThat(sweep).hasSize(2);
    assertThat(sweep.get(0).get("story_threshold").asDouble()).isEqualTo(0.2);
    assertThat(sweep.get(1).get("story_threshold").asDouble()).isEqualTo(0.45);
    assertThat(fieldNames(sweep.get(0)))
        .containsExactly(
            "story_threshold",
            "stories",
            "pairwise_precision",
            "pairwise_recall",
            "pairwise_f1",
            "bcubed_precision",
            "bcubed_recall",
            "bcubed_f1",
            "adjusted_rand_index");
  }

  @Test
  void takesTheScanSettings() {
    CliRun run =
        run(
            "evaluate",
            folder.toString(),
            "--labels",
            labels.toString(),
            "--story-threshold",
            "0.9",
            "--shingle-size",
            "4",
            "--threads",
            "1");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(3).findFirst().orElseThrow().strip().split(" +"))
        .containsExactlyElementsOf(EXPECTED_ROW);
  }

  @Test
  void belowMinF1ExitsWithFourAndStillPrints() {
    CliRun run =
        run("evaluate", folder.toString(), "--labels", labels.toString(), "--min-f1", "0.5");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).contains("0.3636");
    assertThat(run.err())
        .isEqualTo("retold: pairwise F1 is below --min-f1 0.5 (the scores are above)\n");
  }

  @Test
  void atOrAboveMinF1ExitsWithZero() {
    CliRun run =
        run("evaluate", folder.toString(), "--labels", labels.toString(), "--min-f1", "0.3");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aMissingLabelsFileFailsWithOneLine() {
    Path missing = temp.resolve("none.tsv");
    CliRun run = run("evaluate", folder.toString(), "--labels", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retold: no such file or folder: " + missing + "\n");
  }

  @Test
  void aMalformedLabelsFileFailsNamingTheLine() throws IOException {
    Path bad = Files.writeString(temp.resolve("bad.tsv"), "a.txt\tx\nb.txt\n");
    CliRun run = run("evaluate", folder.toString(), "--labels", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retold: " + bad + " line 2: expected file<TAB>cluster\n");
  }

  @Test
  void aMissingFolderFailsWithOneLine() {
    Path missing = temp.resolve("no-such-folder");
    CliRun run = run("evaluate", missing.toString(), "--labels", labels.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retold: no such file or folder: " + missing + "\n");
  }

  static Stream<Arguments> badUsage() {
    return Stream.of(
        Arguments.of(List.of(), "Missing required option: '--labels=FILE'"),
        Arguments.of(List.of("--format", "xml"), "expected one of [TEXT, JSON]"),
        Arguments.of(List.of("--min-f1", "1.5"), "--min-f1 must be in [0, 1]: 1.5"),
        Arguments.of(List.of("--min-f1", "x"), "'x' is not a double"),
        Arguments.of(List.of("--thresholds", "0.2,0"), "story thresholds must be in (0, 1]: 0.0"),
        Arguments.of(List.of("--thresholds", "1.5"), "story thresholds must be in (0, 1]: 1.5"),
        Arguments.of(List.of("--derived", "2"), "--derived must be in (0, 1]: 2.0"),
        Arguments.of(List.of("--lsh-threshold", "0"), "--lsh-threshold must be in (0, 1): 0.0"),
        Arguments.of(
            List.of("--story-threshold", "0"), "--story-threshold must be in (0, 1]: 0.0"));
  }

  @ParameterizedTest
  @MethodSource("badUsage")
  void badUsageExitsWithTwo(List<String> options, String message) {
    List<String> args = new ArrayList<>(List.of("evaluate", folder.toString()));
    if (!options.isEmpty()) {
      args.addAll(List.of("--labels", labels.toString()));
    }
    args.addAll(options);
    CliRun run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("retold: ").contains(message);
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun help = run("evaluate", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: retold evaluate")
        .contains("--labels=FILE")
        .contains("--min-f1=F1")
        .contains("--story-threshold=SCORE")
        .contains("Exit codes:")
        .containsPattern("\\n  4 +Pairwise F1 is below --min-f1");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
