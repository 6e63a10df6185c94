package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.retold.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterTest {
  static final Path POSTS = Path.of("src", "test", "resources", "load", "posts");

  private final ArticleReader reader = ArticleReader.withDefaults();

  @Test
  void readsJekyllFrontMatterIntoTitleDateAndMetadata() {
    String text =
        "---\n"
            + "layout: post\n"
            + "title: \"Selfies and smiles\"\n"
            + "date: 2026-01-06T02:44:22\n"
            + "author: \"badely\"\n"
            + "categories: [News, Asia]\n"
            + "tags: []\n"
            + "version: 1.10\n"
            + "draft: no\n"
            + "author_info:\n"
            + "  name: Jane\n"
            + "  url: https://example.org\n"
            + "---\n"
            + "\n"
            + "Body text.\n";
    Article article = read(text);
    assertThat(article.title()).isEqualTo("Selfies and smiles");
    assertThat(article.date()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(article.body()).isEqualTo("Body text.");
    assertThat(article.metadata())
        .containsEntry("author", "badely")
        .containsEntry("categories", "News, Asia")
        .containsEntry("tags", "")
        .containsEntry("version", "1.10")
        .containsEntry("draft", "no")
        .containsEntry("date", "2026-01-06T02:44:22")
        .containsEntry("author_info.name", "Jane")
        .containsEntry("author_info.url", "https://example.org")
        .doesNotContainKey(ArticleReader.FRONT_MATTER_ERROR_KEY);
  }

  @Test
  void aDateThatIsNotOneIsReportedNotDropped() {
    Article article = read("---\ntitle: T\ndate: next Tuesday\n---\nBody text.");
    assertThat(article.date()).isNull();
    assertThat(article.metadata())
        .containsEntry(ArticleReader.DATE_ERROR_KEY, "not a date: \"next Tuesday\"");
  }

  @Test
  void aLongFormDateIsRead() {
    assertThat(read("---\ndate: 14 March 2025\n---\nBody text.").date())
        .isEqualTo(LocalDate.of(2025, 3, 14));
  }

  @Test
  void malformedYamlLeavesTheBodyAndIsReported() {
    String text = "---\ntitle: [unclosed\nauthor: x\n---\nBody text.";
    Article article = read(text);
    assertThat(article.body()).isEqualTo("Body text.");
    assertThat(article.title()).isNull();
    assertThat(article.metadata().get(ArticleReader.FRONT_MATTER_ERROR_KEY))
        .startsWith("front matter is not valid YAML: ");
  }

  @Test
  void duplicateKeysAreMalformed() {
    Article article = read("---\ntitle: a\ntitle: b\n---\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata()).containsKey(ArticleReader.FRONT_MATTER_ERROR_KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "---\nJust a rule, then prose.\n---\nMore prose.",
        "---\n- a list\n- of items\n---\nMore prose.",
        "---\nno closing line\nMore prose.",
        "---\n\"unclosed quote, and prose: here\n---\nMore prose.",
      })
  void blocksThatAreNotMappingsStayInTheText(String text) {
    Article article = read(text);
    assertThat(article.body()).isEqualTo(text);
    assertThat(article.metadata()).isEmpty();
  }

  @Test
  void emptyFrontMatterIsStillFrontMatter() {
    Article article = read("---\n---\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata()).isEmpty();
  }

  @Test
  void closingWithDotsAndCrlfWork() {
    Article article = read("---\r\ntitle: T\r\n...\r\nBody.");
    assertThat(article.title()).isEqualTo("T");
    assertThat(article.body()).isEqualTo("Body.");
  }

  @Test
  @Timeout(5)
  void aliasBombsAreRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char previous = 'a';
    for (char key = 'b'; key <= 'm'; key++) {
      yaml.append(key).append(": &").append(key).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = key;
    }
    Article article = read("---\n" + yaml + "---\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata().get(ArticleReader.FRONT_MATTER_ERROR_KEY)).contains("aliases");
  }

  @Test
  @Timeout(5)
  void selfReferencingValuesDoNotLoop() {
    Article article = read("---\na: &x [1, *x]\nb: &y {k: *y}\n---\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata()).containsEntry("a", "1");
  }

  @Test
  void hugeFrontMatterIsRefusedNotRead() {
    String big = "k: " + "x".repeat(FrontMatter.MAX_CODE_POINTS) + "\n";
    Article article = read("---\n" + big + "---\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata()).containsOnlyKeys(ArticleReader.FRONT_MATTER_ERROR_KEY);
  }

  @Test
  void tagsBuildNothing() {
    Map<String, String> metadata =
        read("---\nenv: !ENV ${HOME}\nx: !!binary aGk=\n---\nB.").metadata();
    assertThat(metadata).containsEntry("env", "${HOME}").containsEntry("x", "aGk=");
  }

  @Test
  void onlyFrontMatterIsSkipped() {
    assertThat(reader.read("a.txt", "---\ntitle: T\n---\n\n"))
        .isEqualTo(
            new ReadResult.Skipped(
                "no body text (only front matter, a date marker or page chrome)"));
  }

  // ---- TOML ------------------------------------------------------------------------------------

  @Test
  void readsAHugoPostsTomlFrontMatter() throws IOException {
    String text = Files.readString(POSTS.resolve("hugo-post.md"));
    Article article = ArticleReaderTest.loaded(reader.read("hugo-post.md", text));
    assertThat(article.title()).isEqualTo("Harbour Bridge Reopens After Two-Year Refit");
    assertThat(article.date()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(article.metadata())
        .containsEntry("date", "2025-03-14T09:30:00+01:00")
        .containsEntry("lastmod", "2025-03-15")
        .containsEntry("draft", "false")
        .containsEntry("weight", "10")
        .containsEntry("rating", "4.50")
        .containsEntry("tags", "infrastructure, transport, city council")
        .containsEntry("params.subtitle", "Engineers finished ahead of schedule")
        .containsEntry("params.readingTime", "4")
        .containsEntry("author.name", "Maria Jensen")
        .containsEntry(
            "sources",
            "name: City press office; url: https://example.org/press, name: Harbour authority")
        .doesNotContainKeys(ArticleReader.FRONT_MATTER_ERROR_KEY, ArticleReader.DATE_ERROR_KEY);
    assertThat(article.body())
        .startsWith("The harbour bridge reopened")
        .doesNotContain("+++")
        .doesNotContain("title =");
    assertThat(article.removedLines()).isEmpty();
  }

  @Test
  void readsAZolaPostsTomlFrontMatter() throws IOException {
    String text = Files.readString(POSTS.resolve("zola-post.md"));
    Article article = ArticleReaderTest.loaded(reader.read("zola-post.md", text));
    assertThat(article.title()).isEqualTo("Night trains return to the northern line");
    assertThat(article.date()).isEqualTo(LocalDate.of(2024, 11, 2));
    assertThat(article.metadata())
        .containsEntry("description", "A sleeper service runs again after a decade")
        .containsEntry("updated", "2024-11-03T18:00:00Z")
        .containsEntry("taxonomies.tags", "rail, travel")
        .containsEntry("taxonomies.authors", "Tomas Berg")
        .containsEntry("extra.image", "sleeper.jpg");
  }

  @Test
  void tomlInAPlainTextFileIsFrontMatterTooAndNeverChrome() {
    String text =
        "+++\ntitle = \"Dam\"\ndate = 2025-05-01\n+++\nThe dam held through the night, the"
            + " water board said on Thursday.\n";
    Article article = ArticleReaderTest.loaded(reader.read("post.txt", text));
    assertThat(article.title()).isEqualTo("Dam");
    assertThat(article.date()).isEqualTo(LocalDate.of(2025, 5, 1));
    assertThat(article.body()).startsWith("The dam held");
    assertThat(article.removedLines()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "local date | 2025-03-14 | 2025-03-14",
        "offset date-time | 2025-03-14T23:30:00-05:00 | 2025-03-14",
        "UTC date-time | 1979-05-27T07:32:00Z | 1979-05-27",
        "space for T | 1979-05-27 07:32:00Z | 1979-05-27",
        "fractions | 1979-05-27T00:32:00.999999-07:00 | 1979-05-27",
        "local date-time | 2025-12-31T23:59:59 | 2025-12-31",
        "quoted long form | '\"14 March 2025\"' | 2025-03-14",
      })
  void tomlDatesAreReadAsTheirText(String form, String value, LocalDate expected) {
    Article article = read("+++\ndate = " + value + "\n+++\nBody.");
    assertThat(article.date()).as(form).isEqualTo(expected);
    assertThat(article.metadata()).doesNotContainKey(ArticleReader.DATE_ERROR_KEY);
  }

  @Test
  void aTomlDateThatIsNotOneIsReported() {
    Article article = read("+++\ndate = 07:32:00\n+++\nBody.");
    assertThat(article.date()).isNull();
    assertThat(article.metadata())
        .containsEntry(ArticleReader.DATE_ERROR_KEY, "not a date: \"07:32:00\"");
  }

  @Test
  void tomlNumbersAreTheirValue() {
    Map<String, String> metadata =
        read("+++\nhex = 0x1F\nbig = 1_000\nratio = 1.10\nyes = true\n+++\nBody.").metadata();
    assertThat(metadata)
        .containsEntry("hex", "31")
        .containsEntry("big", "1000")
        .containsEntry("ratio", "1.10")
        .containsEntry("yes", "true");
  }

  @Test
  void emptyTomlFrontMatterIsStillFrontMatter() {
    Article article = read("+++\n+++\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unclosed string | title = \"Broken\\ndate = 2025-01-01"
            + " | front matter is not valid TOML: newline not permitted here (line 2, column 16)",
        "repeated key | title = \"a\"\\ntitle = \"b\""
            + " | front matter is not valid TOML: duplicate key (line 4, column 1)",
        "repeated table | [a]\\nx = 1\\n[a]\\ny = 2"
            + " | front matter is not valid TOML: table redefined (line 4, column 3)",
        "no value | title =\\nauthor = \"x\""
            + " | front matter is not valid TOML: newline not permitted here (line 2, column 8)",
        "junk after value | title = \"x\" junk"
            + " | front matter is not valid TOML: more data after value has already ended."
            + " Invalid value preceding this position? (line 2, column 13)",
      })
  void malformedTomlLeavesTheBodyAndIsReported(String name, String toml, String problem) {
    Article article = read("+++\n" + toml.replace("\\n", "\n") + "\n+++\n\nBody text.");
    assertThat(article.body()).as(name).isEqualTo("Body text.");
    assertThat(article.title()).isNull();
    assertThat(article.metadata())
        .containsOnly(entry(ArticleReader.FRONT_MATTER_ERROR_KEY, problem));
  }

  @Test
  void aTomlBlockThatDoesNotLookLikeFieldsStaysInTheText() {
    String text = "+++\nJust plus signs around prose.\n+++\nMore prose.";
    Article article = read(text);
    assertThat(article.body()).isEqualTo(text);
    assertThat(article.metadata()).isEmpty();
  }

  @Test
  void malformedYamlCitesTheLineAndColumnInTheFile() {
    Article article = read("---\ntitle: [unclosed\nauthor: x\n---\nBody text.");
    assertThat(article.metadata())
        .containsEntry(
            ArticleReader.FRONT_MATTER_ERROR_KEY,
            "front matter is not valid YAML: expected ',' or ']', but got : (line 3, column 7)");
    assertThat(read("---\ntitle: a\ntitle: b\n---\nBody.").metadata())
        .containsEntry(
            ArticleReader.FRONT_MATTER_ERROR_KEY,
            "front matter is not valid YAML: duplicate key \"title\" (line 3, column 1)");
  }

  // ---- limits ----------------------------------------------------------------------------------

  /** Blocks of about 4 KB nested far deeper than any front matter, in both syntaxes. */
  static Stream<Arguments> deepBlocks() {
    int depth = 2_000;
    return Stream.of(
        Arguments.of("YAML flow lists", "---", "a: " + "[".repeat(depth) + "]".repeat(depth)),
        Arguments.of(
            "YAML flow mappings",
            "---",
            "a: " + "{a: ".repeat(depth / 2) + "1" + "}".repeat(depth / 2)),
        Arguments.of("YAML block lists", "---", "a:\n" + "- ".repeat(depth) + "x"),
        Arguments.of("YAML bare flow list", "---", "[".repeat(depth) + "]".repeat(depth)),
        Arguments.of("TOML arrays", "+++", "a = " + "[".repeat(depth) + "]".repeat(depth)),
        Arguments.of(
            "TOML inline tables",
            "+++",
            "a = " + "{a = ".repeat(depth / 2) + "1" + "}".repeat(depth / 2)),
        Arguments.of("TOML dotted keys", "+++", "a" + ".a".repeat(depth) + " = 1"),
        Arguments.of("TOML table header", "+++", "[a" + ".a".repeat(depth) + "]\nk = 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepBlocks")
  @Timeout(10)
  void deepNestingIsAReportedProblemNotACrash(String name, String delimiter, String block) {
    assertThat(block.length()).isGreaterThanOrEqualTo(4_000);
    Article article = read(delimiter + "\n" + block + "\n" + delimiter + "\nBody text.");
    assertThat(article.body()).as(name).isEqualTo("Body text.");
    assertThat(article.metadata().get(ArticleReader.FRONT_MATTER_ERROR_KEY))
        .as(name)
        .startsWith("front matter is nested deeper than 50 levels");
    assertThat(article.metadata()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"'---', 'a: '", "'+++', 'a = '"})
  void deepNestingIsRefusedOnAThreadWithASmallStack(String delimiter, String key)
      throws InterruptedException {
    String text = delimiter + "\n" + key + "[".repeat(60_000) + "\n" + delimiter + "\nBody text.";
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(reader.read("deep.txt", text));
              } catch (Throwable thrown) {
                outcome.set(thrown);
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertThat(outcome.get()).isInstanceOf(ReadResult.Loaded.class);
    Article article = ((ReadResult.Loaded) outcome.get()).article();
    assertThat(article.metadata().get(ArticleReader.FRONT_MATTER_ERROR_KEY))
        .startsWith("front matter is nested deeper than 50 levels");
  }

  @ParameterizedTest(name = "{0} at depth {1}: refused {2}")
  @CsvSource({"---, 50, false", "---, 51, true", "+++, 50, false", "+++, 51, true"})
  void theNestingLimitCountsTheTopTable(String delimiter, int depth, boolean refused) {
    String lists = "[".repeat(depth - 1) + "1" + "]".repeat(depth - 1);
    String field = delimiter.equals("---") ? "a: " + lists : "a = " + lists;
    Article article = read(delimiter + "\n" + field + "\n" + delimiter + "\nBody.");
    assertThat(article.metadata().containsKey(ArticleReader.FRONT_MATTER_ERROR_KEY))
        .isEqualTo(refused);
    if (!refused) {
      assertThat(article.metadata()).containsOnlyKeys("a"); // rendered as "", past the 6 levels
    }
  }

  @Test
  void hugeTomlFrontMatterIsRefusedNotRead() {
    String big = "k = \"" + "x".repeat(FrontMatter.MAX_CODE_POINTS) + "\"\n";
    Article article = read("+++\n" + big + "+++\nBody.");
    assertThat(article.body()).isEqualTo("Body.");
    assertThat(article.metadata())
        .containsOnly(
            entry(
                ArticleReader.FRONT_MATTER_ERROR_KEY,
                "front matter is too large (over 65536 code points)"));
  }

  @Test
  void manyTomlValuesStopAtTheNodeBudget() {
    StringBuilder toml = new StringBuilder("list = [");
    for (int i = 0; i < 20_000; i++) {
      toml.append(i == 0 ? "" : ",").append(i % 10);
    }
    toml.append("]\nafter = 1\n");
    Article article = read("+++\n" + toml + "+++\nBody.");
    assertThat(article.metadata().get("list")).hasSizeLessThan(20_000 * 3);
    assertThat(article.metadata()).containsKey("after");
  }

  private Article read(String text) {
    return ArticleReaderTest.loaded(reader.read("a.txt", text));
  }
}
