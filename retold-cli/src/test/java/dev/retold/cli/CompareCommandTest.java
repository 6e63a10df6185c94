package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code retold compare} as a user meets it: exit codes, output shape, the JSON Lines fields. */
class CompareCommandTest {
  private static final String SEEDS = Path.of("..", "testdata", "seeds").toString();
  private static final String ORIGIN = seed("003_6669a427d399b261.txt");
  private static final String DERIVED = seed("000_6eb4ee3ca36ee36b.txt");
  private static final String OTHER = seed("004_d6e9b4307be571ab.txt");

  private static final List<String> PAIR_FIELDS =
      List.of(
          "a",
          "b",
          "relation",
          "similarity",
          "jaccard",
          "containment_a_in_b",
          "containment_b_in_a",
          "passages",
          "shared_names",
          "semantic_similarity");

  private static final List<String> PASSAGE_FIELDS =
      List.of("words", "a_start", "a_end", "b_start", "b_end", "text");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String seed(String name) {
    return Path.of(SEEDS, name).toString();
  }

  @Test
  void aRewriteIsDerivedWithItsPassages() {
    CliRun run = run("compare", ORIGIN, DERIVED);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.subList(0, 3))
        .containsExactly(
            "A            " + ORIGIN, "B            " + DERIVED, "relation     DERIVED");
    assertThat(lines.get(3)).matches("similarity   \\d\\.\\d{4}");
    assertThat(lines.get(4)).matches("semantic     0\\.\\d{4}");
    assertThat(lines.get(5)).matches("jaccard      0\\.\\d{4}");
    assertThat(lines.get(6)).matches("containment  A in B 0\\.\\d{4}, B in A 0\\.\\d{4}");
    assertThat(lines.get(7)).startsWith("names        South Korea, President Lee Jae Myung, China");
    assertThat(lines.get(8)).matches("passages     \\d+ shared, the longest 3:");
    assertThat(lines.get(9)).matches("  \\d+ words, A \\d+-\\d+, B \\d+-\\d+:");
    assertThat(lines.get(10)).startsWith("    South Korea's President Lee Jae Myung");
    assertThat(lines).hasSize(15);
    assertThat(run("compare", ORIGIN, DERIVED, "--semantic", "off").out())
        .doesNotContain("semantic");
  }

  @Test
  void theFirstFileIsComparedWithEachOther() {
    CliRun run = run("compare", ORIGIN, DERIVED, OTHER);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("A ")))
        .containsExactly("A            " + ORIGIN, "A            " + ORIGIN);
    assertThat(run.out().lines().filter(line -> line.startsWith("B ")))
        .containsExactly("B            " + DERIVED, "B            " + OTHER);
    assertThat(run.out()).contains("\n\nA            " + ORIGIN + "\n");
  }

  @Test
  void jsonIsOneLinePerPairWithExactlyTheFields() throws IOException {
    CliRun run = run("compare", ORIGIN, DERIVED, OTHER, "--format", "json");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(run.out()).endsWith("}\n");
    for (String line : lines) {
      JsonNode pair = JSON.readTree(line);
      assertThat(fieldNames(pair)).containsExactlyElementsOf(PAIR_FIELDS);
      assertThat(pair.get("relation").isTextual()).isTrue();
      for (String score : PAIR_FIELDS.subList(3, 7)) {
        assertThat(pair.get(score).isNumber()).as(score).isTrue();
        assertThat(line).as(score).containsPattern("\"" + score + "\":\\d\\.\\d{1,4}[,}]");
      }
      for (JsonNode passage : pair.get("passages")) {
        assertThat(fieldNames(passage)).containsExactlyElementsOf(PASSAGE_FIELDS);
        assertThat(passage.get("a_end").asInt()).isGreaterThan(passage.get("a_start").asInt());
        assertThat(passage.get("text").asText()).isNotBlank();
      }
    }
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("a").asText()).isEqualTo(ORIGIN);
    assertThat(first.get("b").asText()).isEqualTo(DERIVED);
    assertThat(first.get("relation").asText()).isEqualTo("DERIVED");
    assertThat(first.get("passages")).isNotEmpty();
    assertThat(JSON.readTree(lines.get(1)).get("b").asText()).isEqualTo(OTHER);
  }

  @Test
  void unrelatedTextsShareNothing(@TempDir Path temp) throws IOException {
    Path a = Files.writeString(temp.resolve("a.txt"), "Storms closed the harbour on Tuesday.");
    Path b = Files.writeString(temp.resolve("b.txt"), "A violinist won the regional prize.");

    CliRun text = run("compare", a.toString(), b.toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("relation     UNRELATED\n")
        .contains("jaccard      0.0\n")
        .endsWith("passages     none shared\n");

    CliRun json = run("compare", a.toString(), b.toString(), "-f", "json");
    JsonNode pair = JSON.readTree(json.out());
    assertThat(pair.get("relation").asText()).isEqualTo("UNRELATED");
    assertThat(pair.get("jaccard").decimalValue()).isEqualByComparingTo("0");
    assertThat(pair.get("passages")).isEmpty();
  }

  @Test
  void pairsComeFromThePairsFileInItsOrder(@TempDir Path temp) throws IOException {
    Path pairs =
        Files.writeString(
            temp.resolve("pairs.tsv"),
            DERIVED + "\t" + ORIGIN + "\n\n" + ORIGIN + "\t" + OTHER + "\n");

    CliRun run = run("compare", "--pairs", pairs.toString(), "-f", "json");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(List.of(first.get("a").asText(), first.get("b").asText()))
        .containsExactly(DERIVED, ORIGIN);
    assertThat(first.get("relation").asText()).isEqualTo("DERIVED");
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(List.of(second.get("a").asText(), second.get("b").asText()))
        .containsExactly(ORIGIN, OTHER);
  }

  @Test
  void positionalFilesJoinThePairsFilesArticles(@TempDir Path temp) throws IOException {
    Path pairs = Files.writeString(temp.resolve("pairs.tsv"), ORIGIN + "\t" + DERIVED + "\n");
    CliRun run = run("compare", "--pairs", pairs.toString(), OTHER);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("relation     DERIVED").doesNotContain(OTHER);
  }

  static Stream<Arguments> malformedPairsFiles() {
    return Stream.of(
        Arguments.of("a.txt\tb.txt\nc.txt\n", " line 2: expected A<TAB>B"),
        Arguments.of("\na.txt\tb.txt\tc.txt\n", " line 2: expected A<TAB>B"),
        Arguments.of("a.txt\t\n", " line 1: expected A<TAB>B"),
        Arguments.of("a.txt\ta.txt\n", " line 1: a file paired with itself: a.txt"),
        Arguments.of("\n\n", ": no pairs"));
  }

  @ParameterizedTest
  @MethodSource("malformedPairsFiles")
  void aMalformedPairsFileFailsNamingTheLine(String text, String problem, @TempDir Path temp)
      throws IOException {
    Path pairs = Files.writeString(temp.resolve("pairs.tsv"), text);
    CliRun run = run("compare", "--pairs", pairs.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retold: " + pairs + problem + "\n");
  }

  @Test
  void aMissingFileFailsWithOneLine() {
    CliRun run = run("compare", ORIGIN, "no/such/file.txt");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retold: no such file or folder: no/such/file.txt\n");
  }

  @Test
  void aMissingPairsFileFailsWithOneLine(@TempDir Path temp) {
    Path pairs = temp.resolve("pairs.tsv");
    CliRun run = run("compare", "--pairs", pairs.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retold: no such file or folder: " + pairs + "\n");
  }

  @Test
  void aFileTheReaderSkipsFailsWithItsReason(@TempDir Path temp) throws IOException {
    Path empty = Files.write(temp.resolve("empty.txt"), new byte[0]);
    CliRun run = run("compare", ORIGIN, empty.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("retold: cannot read " + empty + " as an article: empty file\n");

    Path binary = Files.write(temp.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    CliRun binaryRun = run("compare", binary.toString(), ORIGIN);
    assertThat(binaryRun.exitCode()).isEqualTo(1);
    assertThat(binaryRun.err())
        .startsWith("retold: cannot read " + binary + " as an article: binary")
        .hasLineCount(1);
  }

  @Test
  void aFolderIsNotAFile(@TempDir Path temp) {
    CliRun run = run("compare", ORIGIN, temp.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("retold: cannot read " + temp + " as an article: a folder, not a file\n");
  }

  static Stream<Arguments> badUsage() {
    return Stream.of(
        Arguments.of(List.of(), "compare needs two different files or more, or --pairs FILE"),
        Arguments.of(List.of(ORIGIN), "compare needs two different files or more"),
        Arguments.of(List.of(ORIGIN, ORIGIN), "compare needs two different files or more"),
        Arguments.of(List.of(ORIGIN, DERIVED, "--format", "csv"), "expected one of [TEXT, JSON]"),
        Arguments.of(
            List.of(ORIGIN, DERIVED, "--shingle-size", "0"), "--shingle-size must be > 0: 0"),
        Arguments.of(List.of(ORIGIN, DERIVED, "--frobnicate"), "Unknown option: '--frobnicate'"));
  }

  @ParameterizedTest
  @MethodSource("badUsage")
  void badUsageExitsWithTwo(List<String> arguments, String message) {
    List<String> args = new ArrayList<>(List.of("compare"));
    args.addAll(arguments);
    CliRun run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("retold: ").contains(message);
  }

  @Test
  void helpNamesTheJsonFields() {
    CliRun help = run("compare", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: retold compare")
        .contains("--pairs=FILE")
        .contains("containment_a_in_b")
        .contains("Exit codes:");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
