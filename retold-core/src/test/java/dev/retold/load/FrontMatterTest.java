package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterTest {
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
    assertThat(reader.read("a.md", "---\ntitle: T\n---\n\n"))
        .isEqualTo(
            new ReadResult.Skipped(
                "no body text (only front matter, a date marker or page chrome)"));
  }

  private Article read(String text) {
    return ArticleReaderTest.loaded(reader.read("a.md", text));
  }
}
