package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Article;
import dev.retold.SourceMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleReaderTest {
  static final Path SEEDS = Path.of("..", "testdata", "seeds");
  private static final LocalDate JAN_6 = LocalDate.of(2026, 1, 6);

  private final ArticleReader reader = ArticleReader.withDefaults();

  /** The article in {@code result}, failing with the skip reason if there is none. */
  static Article loaded(ReadResult result) {
    assertThat(result).isInstanceOf(ReadResult.Loaded.class);
    return ((ReadResult.Loaded) result).article();
  }

  /** Asserts that every body character maps to the same character of the source. */
  static void assertMapsExactly(Article article, String source) {
    String body = article.body();
    SourceMap map = article.sourceMap();
    for (int i = 0; i < body.length(); i++) {
      int at = map.toSource(i);
      if (source.charAt(at) != body.charAt(i)) {
        throw new AssertionError(
            article.id() + ": body[" + i + "] = " + body.charAt(i) + " but source[" + at + "]");
      }
    }
    assertThat(map.toSource(body.length())).isBetween(0, source.length());
  }

  // ---- the seeds -------------------------------------------------------------------------------

  private Article seed(String prefix) throws IOException {
    try (var files = Files.list(SEEDS)) {
      Path file =
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow();
      byte[] bytes = Files.readAllBytes(file);
      Article article = loaded(reader.read(file.getFileName().toString(), bytes));
      assertMapsExactly(article, new String(bytes, StandardCharsets.UTF_8));
      return article;
    }
  }

  @Test
  void seed000PlainTextLosesNothing() throws IOException {
    Article article = seed("000_");
    String source = Files.readString(SEEDS.resolve("000_6eb4ee3ca36ee36b.txt"));
    assertThat(article.body()).isEqualTo(source.strip());
    assertThat(article.removedLines()).isEmpty();
    assertThat(article.title()).isNull();
    assertThat(article.date()).isNull();
  }

  @Test
  void seed001DateMarkerAndCreditLeaveTheBody() throws IOException {
    Article article = seed("001_");
    assertThat(article.date()).isEqualTo(JAN_6);
    assertThat(article.body()).startsWith("South Korean President Lee Jae Myung has called for");
    assertThat(article.body()).doesNotStartWith("date").doesNotContain("Featured image credits");
    assertThat(article.body()).endsWith("between the two countries.");
    assertThat(article.body())
        .contains("\n\nResetting Strained Bilateral Relations\n\n")
        .contains("\n\nCultural And Economic Issues\n\n");
    assertThat(article.removedLines())
        .containsExactly("Featured image credits: PM Official Photographer via Wikimedia Commons");
  }

  @Test
  void seed002PageChromeGoesAndRealParagraphsStay() throws IOException {
    Article article = seed("002_");
    assertThat(article.title())
        .isEqualTo("South Korea's Lee seeks reset with China amid regional tensions");
    assertThat(article.removedLines())
        .contains(
            "Navigation",
            "Ask Onix",
            "Related posts",
            "Report a Problem",
            "Thank you for your feedback",
            "Politics",
            "Problem Reported",
            "Help us improve by reporting any issues with this response.");
    String source = Files.readString(SEEDS.resolve("002_15fc58843f25bcb7.txt"));
    for (String line : source.split("\n")) {
      if (LineShape.words(line) >= PageChromeFilter.PARAGRAPH_WORDS
          && LineShape.isSentenceShaped(line)) {
        assertThat(article.body()).contains(line);
      }
    }
    assertThat(article.body())
        .startsWith(
            "South Korea's Lee seeks reset with China amid regional tensions\n\nSouth Korean")
        .contains(
            "\"We want to usher in a new phase in the development of South Korea-China"
                + " relations.\"")
        .contains("\n\nKey agenda items\n\n")
        .contains("\n\nNorth Korea and security concerns\n\n")
        .endsWith("Both agreed to continue \"constructive\" dialogue on the issue.")
        .doesNotContain("Navigation")
        .doesNotContain("\n\n\n");
  }

  @Test
  void seed003FrontMatterBecomesMetadata() throws IOException {
    Article article = seed("003_");
    assertThat(article.title())
        .isEqualTo(
            "Latest: Selfies and smiles - South Korea seeks 'latest phase' in ties with China");
    assertThat(article.date()).isEqualTo(JAN_6);
    assertThat(article.body())
        .startsWith("Experts revealed that South Korea's President")
        .doesNotContain("layout: post")
        .doesNotContain("---");
    assertThat(article.metadata())
        .containsEntry("author", "badely")
        .containsEntry("categories", "News")
        .containsEntry("tags", "")
        .containsEntry("image", "assets/images/35452e63b5c189d3df3201367f893590.jpg")
        .containsKey("excerpt");
    assertThat(article.removedLines()).isEmpty();
  }

  @Test
  void seed004DateMarkerLeavesTheBody() throws IOException {
    Article article = seed("004_");
    assertThat(article.date()).isEqualTo(JAN_6);
    assertThat(article.body())
        .startsWith("BEIJING/SEOUL — South Korean President")
        .doesNotStartWith("date");
    assertThat(article.body()).contains("\n\nNorth Korean missile launch\n\n");
    assertThat(article.removedLines()).isEmpty();
  }

  // ---- body assembly ---------------------------------------------------------------------------

  @Test
  void trimsBlankLinesAndKeepsLineBreaksAsTheyAre() {
    String text = "\n \r\n" + "First line here.\r\n\r\nSecond line here.\r" + "  \n\n";
    Article article = loaded(reader.read("a", text));
    assertThat(article.body()).isEqualTo("First line here.\r\n\r\nSecond line here.");
    assertMapsExactly(article, text);
  }

  @Test
  void keepsIndentationAndTrailingSpaceInsideTheBody() {
    String text = "  Indented first line of text. \n\tTabbed second line of text.  ";
    assertThat(loaded(reader.read("a", text)).body()).isEqualTo(text);
  }

  @Test
  void skipsTooLargeAndUndecodableBytes() {
    ArticleReader small = new ArticleReader(Limits.maxFileBytes(4), true);
    assertThat(small.read("a", "hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new ReadResult.Skipped("too large (5 bytes > limit 4)"));
    assertThat(reader.read("a", new byte[0])).isEqualTo(new ReadResult.Skipped("empty file"));
    assertThat(reader.read("a", "   ")).isEqualTo(new ReadResult.Skipped("no text"));
  }

  @Test
  void refusesImpossibleSettingsAndIds() {
    assertThatThrownBy(() -> Limits.maxFileBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFileBytes must be in [1, 2147483639]: 0");
    assertThatThrownBy(() -> reader.read(" ", "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
  }

  // ---- seeded properties -----------------------------------------------------------------------

  @Test
  void sourceMapIsExactOnRandomDocuments() {
    Random random = new Random(42L);
    int loaded = 0;
    for (int round = 0; round < 3_000; round++) {
      String text = RandomDocuments.document(random);
      ReadResult result = reader.read("doc-" + round, text);
      if (result instanceof ReadResult.Skipped) {
        assertThat(((ReadResult.Skipped) result).reason()).startsWith("no ");
        continue;
      }
      loaded++;
      Article article = ((ReadResult.Loaded) result).article();
      assertMapsExactly(article, text);
      List<String> bodyLines = article.body().lines().toList();
      assertThat(LineShape.isBlank(bodyLines.get(0))).as("first body line of %s", text).isFalse();
      assertThat(LineShape.isBlank(bodyLines.get(bodyLines.size() - 1))).isFalse();
      for (String removed : article.removedLines()) {
        assertThat(text).contains(removed);
      }
    }
    assertThat(loaded).isGreaterThan(2_700);
  }

  @Test
  void plainTextWithoutChromeRemovalLosesNothing() {
    Random random = new Random(7L);
    ArticleReader keepAll = new ArticleReader(Limits.defaults(), false);
    for (int round = 0; round < 1_000; round++) {
      String text = RandomDocuments.plainBody(random);
      Article article = loaded(keepAll.read("doc", text));
      assertThat(article.body()).isEqualTo(RandomDocuments.stripBlankLines(text));
      assertMapsExactly(article, text);
    }
  }

  // ---- Markdown ------------------------------------------------------------------------------

  @Test
  void plainTextIsNotRenderedAsMarkdown() {
    String text = "# Not a heading here\n\nSome *starred* words and a [link](http://x.org) stay.";
    Article article = loaded(reader.read("notes.txt", text));
    assertThat(article.body()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "heading | # Heading\\n\\nBody text. | Heading | Heading\\n\\nBody text.",
        "YAML title wins | ---\\ntitle: From YAML\\n---\\n# Heading\\n\\nBody. | From YAML"
            + " | Heading\\n\\nBody.",
        "TOML title wins | +++\\ntitle = \"From TOML\"\\n+++\\n# Heading\\n\\nBody. | From TOML"
            + " | Heading\\n\\nBody.",
        "no heading | Just a paragraph of text. | | Just a paragraph of text.",
        "date marker first | date 2026-01-06\\n# Heading\\n\\nBody. | Heading | Heading\\n\\nBody.",
      })
  void markdownTitlesAndBodies(String name, String text, String title, String body) {
    String source = text.replace("\\n", "\n");
    Article article = loaded(reader.read("post.md", source));
    assertThat(article.title()).as(name).isEqualTo(title);
    assertThat(article.body()).as(name).isEqualTo(body.replace("\\n", "\n"));
    assertThat(article.removedLines()).isEmpty();
    if (name.startsWith("date")) {
      assertThat(article.date()).isEqualTo(JAN_6);
    }
  }

  @Test
  void markdownRemovesNoPageChrome() {
    String text =
        "Share\n\nMenu\n\nThe council voted on Monday to close the old bridge for good.\n";
    Article markdown = loaded(reader.read("post.md", text));
    assertThat(markdown.removedLines()).isEmpty();
    assertThat(markdown.body()).startsWith("Share\n\nMenu\n\nThe council");
  }

  @Test
  void markdownThatRendersToNothingIsSkipped() {
    assertThat(reader.read("post.md", "---\ntitle: T\n---\n<div>\nonly markup\n</div>\n"))
        .isEqualTo(
            new ReadResult.Skipped(
                "no body text (only front matter, a date marker or Markdown markup)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hugo-post.md", "zola-post.md", "jekyll-post.markdown"})
  void markdownPostsMapEveryBodyCharacterExactly(String file) throws IOException {
    String source = Files.readString(FrontMatterTest.POSTS.resolve(file));
    Article article = loaded(reader.read(file, source));
    assertThat(article.body()).doesNotContain("+++").doesNotContain("**").doesNotContain("](");
    assertMapsExactly(article, source);
  }

  @Test
  void aJekyllMarkdownPostReadsItsFrontMatterAndRendersItsBody() throws IOException {
    String source = Files.readString(FrontMatterTest.POSTS.resolve("jekyll-post.markdown"));
    Article article = loaded(reader.read("jekyll-post.markdown", source));
    assertThat(article.title()).isEqualTo("Storm closes schools across the coast");
    assertThat(article.date()).isEqualTo(JAN_6);
    assertThat(article.metadata()).containsEntry("categories", "News, Weather");
    assertThat(article.body())
        .isEqualTo(
            "Schools along the coast stayed shut on Tuesday as a storm brought winds of\n"
                + "more than 100 km/h, the regional authority said.\n\n"
                + "A fallen tree on the coast road\n\n"
                + "Officials urged drivers to avoid the coast road until Wednesday.");
  }

  @Test
  void readersNeverThrowOnRandomFrontMatterAndMarkdown() {
    Random random = new Random(31_337L);
    ArticleReader keepAll = new ArticleReader(Limits.defaults(), false);
    String[] ids = {"doc.txt", "doc.md", "doc.markdown", "doc"};
    for (int round = 0; round < 2_000; round++) {
      String text =
          (random.nextInt(4) > 0 ? RandomDocuments.frontMatter(random) : "")
              + RandomDocuments.document(random);
      for (String id : ids) {
        for (ArticleReader each : List.of(reader, keepAll)) {
          ReadResult result = each.read(id, text);
          if (result instanceof ReadResult.Loaded loaded) {
            Article article = loaded.article();
            for (int i = 0; i < article.body().length(); i++) {
              assertThat(article.sourceMap().toSource(i)).isBetween(0, text.length() - 1);
            }
            String after = afterFrontMatter(text);
            for (String removed : article.removedLines()) {
              assertThat(after).contains(removed);
            }
          } else {
            assertThat(((ReadResult.Skipped) result).reason()).startsWith("no ");
          }
        }
      }
    }
  }

  /** The text after its front matter, if it has some: where removed lines may come from. */
  private static String afterFrontMatter(String text) {
    List<SourceLines.Line> lines = SourceLines.split(text);
    return FrontMatter.find(text, lines)
        .map(
            front ->
                front.bodyLine() < lines.size()
                    ? text.substring(lines.get(front.bodyLine()).start())
                    : "")
        .orElse(text);
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(1234L);
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      if (random.nextBoolean()) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (bytes[i] & 0x7F | (bytes[i] == 0 ? 0x20 : 0));
        }
      }
      assertThat(reader.read("bytes", bytes)).isNotNull();
      assertThat(reader.read("bytes.md", bytes)).isNotNull();
    }
  }

  // ---- HTML pages ------------------------------------------------------------------------------

  @Test
  void aSavedPageIsReadAsHtmlWhateverItsName() throws IOException {
    byte[] page = Files.readAllBytes(HtmlPageTest.PAGES.resolve("newspaper-article.html"));
    byte[] withBom = new byte[page.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(page, 0, withBom, 3, page.length);
    for (String id : List.of("story.html", "story.HTM", "saved/story.txt", "story")) {
      Article article = loaded(reader.read(id, withBom));
      assertThat(article.metadata()).as(id).containsEntry("format", "html");
      assertThat(article.title())
          .isEqualTo("Council approves £40m tidal barrier for Port Ellery harbour");
      assertThat(article.body()).doesNotContain("<p>", "&", "viewport");
    }
  }

  @Test
  void plainTextInAnHtmlFileIsReadAsText() {
    String text =
        "Tide tables for the week\n\nHigh water at Port Ellery is at 14:32 on Monday, and the"
            + " range is < 4 m all week; bring a torch if you walk the causeway after dark.\n";
    Article article = loaded(reader.read("tides.html", text));
    assertThat(article.metadata()).doesNotContainKey("format");
    assertThat(article.body()).isEqualTo(text.strip());
    assertThat(article.title()).isEqualTo("Tide tables for the week");
    assertMapsExactly(article, text);
  }

  @Test
  void textWithAnAngleBracketStaysText() {
    String text = "<3 from the lifeboat crew to everyone who sent a card.\nThank you all.\n";
    Article article = loaded(reader.read("thanks.txt", text));
    assertThat(article.metadata()).doesNotContainKey("format");
    assertThat(article.body()).isEqualTo(text.strip());
  }

  @Test
  void aPageOfOnlyChromeIsSkippedWithAReason() {
    String page =
        "<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav><script>go()</script></body>";
    assertThat(reader.read("empty.html", page.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new ReadResult.Skipped(HtmlPage.NO_BODY));
  }
}
