package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retold index}, black box: the seeds one file per call, a query, the stories, removal. */
class IndexCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  @TempDir Path temp;

  private String index() {
    return temp.resolve("index").toString();
  }

  private static List<Path> seeds() throws IOException {
    try (Stream<Path> files = Files.list(SEEDS)) {
      return files.sorted().toList();
    }
  }

  @Test
  void theSeedsAddedOneFilePerCallAreOneStoryOfFiveUnderTheFirstId() throws IOException {
    String first = null;
    for (Path seed : seeds()) {
      CliRun add = CliRun.of("index", "add", "--index", index(), seed.toString(), "-f", "json");
      assertThat(add.exitCode()).as(add.err()).isZero();
      JsonNode article = JSON.readTree(add.out()).get("articles").get(0);
      assertThat(fieldNames(article))
          .containsExactly("path", "story", "relation", "new_story", "unchanged");
      assertThat(article.get("path").asText()).isEqualTo(seed.toString());
      if (first == null) {
        first = article.get("story").asText();
        assertThat(article.get("new_story").asBoolean()).isTrue();
      }
      assertThat(article.get("story").asText()).isEqualTo(first);
    }

    CliRun stories = CliRun.of("index", "stories", "--index", index(), "-f", "json");
    assertThat(stories.exitCode()).as(stories.err()).isZero();
    JsonNode story = JSON.readTree(stories.out()).get("stories").get(0);
    assertThat(story.get("id").asText()).isEqualTo(first);
    assertThat(story.get("size").asInt()).isEqualTo(5);
    assertThat(story.get("canonical").asText())
        .isEqualTo(SEEDS.resolve("003_6669a427d399b261.txt").toString());
    assertThat(JSON.readTree(stories.out()).get("stories")).hasSize(1);
    assertThat(JSON.readTree(stories.out()).get("articles")).hasSize(5);
  }

  @Test
  void aQueryOfAFreshCopyFindsTheStoryWithoutAddingIt() throws IOException {
    assertThat(CliRun.of("index", "add", "--index", index(), SEEDS.toString()).exitCode()).isZero();
    Path copy = Files.copy(SEEDS.resolve("001_893e1b22cc0b54cc.txt"), temp.resolve("fresh.txt"));
    Path other = Files.writeString(temp.resolve("other.txt"), "Rain is forecast for Lisbon.");

    CliRun query =
        CliRun.of(
            "index", "query", "--index", index(), copy.toString(), other.toString(), "-f", "json");

    assertThat(query.exitCode()).as(query.err()).isZero();
    JsonNode matches = JSON.readTree(query.out()).get("matches");
    assertThat(fieldNames(matches.get(0)))
        .containsExactly("path", "story", "canonical", "relation", "similarity");
    assertThat(matches.get(0).get("story").asText()).isEqualTo("s1");
    assertThat(matches.get(0).get("canonical").asText()).endsWith("003_6669a427d399b261.txt");
    assertThat(matches.get(1).get("story").isNull()).isTrue();
    CliRun text = CliRun.of("index", "query", "--index", index(), other.toString());
    assertThat(text.out()).isEqualTo(other + "  no story\n");
    CliRun stories = CliRun.of("index", "stories", "--index", index(), "-f", "json");
    assertThat(JSON.readTree(stories.out()).get("articles")).hasSize(5);
  }

  @Test
  void addingAgainChangesNothingAndRemovingKeepsTheStoryId() {
    CliRun.of("index", "add", "--index", index(), SEEDS.toString());
    CliRun again = CliRun.of("index", "add", "--index", index(), SEEDS.toString());
    assertThat(again.out()).contains("5 articles read: 0 added or changed, 5 unchanged");

    String canonical = SEEDS.resolve("003_6669a427d399b261.txt").toString();
    CliRun remove = CliRun.of("index", "remove", "--index", index(), canonical, "gone.txt");
    assertThat(remove.exitCode()).isZero();
    assertThat(remove.out()).isEqualTo("removed  " + canonical + "\n");
    assertThat(remove.err()).isEqualTo("retold: not in the index: gone.txt\n");
    assertThat(CliRun.of("index", "stories", "--index", index()).out())
        .startsWith("Story s1: 4 articles\n");
  }

  @Test
  void keepDaysLetsOldArticlesLeaveAndKeepsOldOnesOut() throws IOException {
    Path old = Files.writeString(temp.resolve("old.txt"), "date 2000-01-03\nThe harbour froze.");
    Path fresh =
        Files.writeString(
            temp.resolve("fresh.txt"), "date " + LocalDate.now() + "\nA bridge opened in Turku.");
    CliRun.of("index", "add", "--index", index(), old.toString());

    CliRun add =
        CliRun.of(
            "index",
            "add",
            "--index",
            index(),
            fresh.toString(),
            "--keep-days",
            "30",
            "-f",
            "json");

    assertThat(add.exitCode()).as(add.err()).isZero();
    JsonNode update = JSON.readTree(add.out());
    assertThat(update.get("expired")).hasSize(1);
    assertThat(update.get("expired").get(0).asText()).isEqualTo(old.toString());
    CliRun again =
        CliRun.of("index", "add", "--index", index(), old.toString(), "--keep-days", "30");
    assertThat(again.out())
        .startsWith("skipped  " + old + ": dated 2000-01-03, before the retention window");
    assertThat(
            CliRun.of("index", "add", "--index", index(), old.toString(), "--keep-days", "-1")
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void badUsageSaysWhatIsMissing() {
    CliRun noIndex = CliRun.of("index", "add", SEEDS.toString());
    assertThat(noIndex.exitCode()).isEqualTo(2);
    assertThat(noIndex.err()).contains("Missing required option: '--index=DIR'");
    CliRun noCommand = CliRun.of("index");
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).contains("add, query, stories, remove or rebuild");
    CliRun negative = CliRun.of("index", "stories", "--index", index(), "--regroup-up-to", "-1");
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("--regroup-up-to must be 0 or more: -1");
  }

  @Test
  void placedPastRegroupUpToTheSeedsAreOneStoryAndARebuildKeepsIt() throws IOException {
    String canonical = SEEDS.resolve("003_6669a427d399b261.txt").toString();
    assertThat(CliRun.of("index", "add", "--index", index(), canonical).exitCode()).isZero();
    for (Path seed : seeds()) {
      if (seed.toString().equals(canonical)) {
        continue;
      }
      CliRun add =
          CliRun.of(
              "index",
              "add",
              "--index",
              index(),
              "--regroup-up-to",
              "0",
              seed.toString(),
              "-f",
              "json");
      assertThat(add.exitCode()).as(add.err()).isZero();
      assertThat(JSON.readTree(add.out()).get("articles").get(0).get("story").asText())
          .isEqualTo("s1");
    }

    CliRun rebuild =
        CliRun.of("index", "rebuild", "--index", index(), "--regroup-up-to", "0", "--no-progress");

    assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
    assertThat(rebuild.out()).startsWith("rebuilt  5 articles: ");
    JsonNode stories =
        JSON.readTree(CliRun.of("index", "stories", "--index", index(), "-f", "json").out());
    assertThat(stories.get("stories")).hasSize(1);
    assertThat(stories.get("stories").get(0).get("id").asText()).isEqualTo("s1");
    assertThat(stories.get("stories").get(0).get("canonical").asText()).isEqualTo(canonical);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
