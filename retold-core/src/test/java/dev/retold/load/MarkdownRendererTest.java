package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.SourceMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

  static Stream<Arguments> renderings() {
    return Stream.of(
        Arguments.of("ATX heading", "# Title\n\nBody text.", "Title\n\nBody text."),
        Arguments.of("closed ATX heading", "## Title ##\nBody text.", "Title\n\nBody text."),
        Arguments.of("setext heading", "Title\n=====\n\nText.", "Title\n\nText."),
        Arguments.of(
            "emphasis and strong",
            "Some *emph* and __strong__ text.",
            "Some emph and strong text."),
        Arguments.of(
            "nested emphasis", "A ***very _nested_ case*** here.", "A very nested case here."),
        Arguments.of("link", "A [link](http://x.org \"t\") here.", "A link here."),
        Arguments.of("reference link", "A [ref link][r].\n\n[r]: http://x.org", "A ref link."),
        Arguments.of("autolink", "See <http://example.org>.", "See http://example.org."),
        Arguments.of("image", "An ![alt *text*](a.png) image.", "An alt text image."),
        Arguments.of("code span", "Use `a * b` now.", "Use a * b now."),
        Arguments.of("fenced code", "```java\nline one\n  line two\n```\n", "line one\n  line two"),
        Arguments.of("unclosed fence", "~~~\ncode to the end", "code to the end"),
        Arguments.of("indented code", "Text.\n\n    code line\n", "Text.\n\ncode line"),
        Arguments.of("bullet list", "- one\n- two\n- three", "one\ntwo\nthree"),
        Arguments.of("ordered list", "1. one\n2. two", "one\ntwo"),
        Arguments.of(
            "nested list between paragraphs",
            "Intro:\n\n- a\n  - nested\n- b\n\nAfter.",
            "Intro:\n\na\nnested\nb\n\nAfter."),
        Arguments.of("loose list", "- one\n\n  more\n\n- two", "one\nmore\ntwo"),
        Arguments.of("block quote", "> quoted\n> text\n\nAfter.", "quoted\ntext\n\nAfter."),
        Arguments.of("HTML block", "<div>\nhtml\n</div>\n\nAfter.", "After."),
        Arguments.of("inline HTML", "Inline <b>bold</b> html.", "Inline bold html."),
        Arguments.of("thematic break", "One.\n\n***\n\nTwo.", "One.\n\nTwo."),
        Arguments.of(
            "escapes and entities",
            "Escaped \\*stars\\* &amp; &copy; entities.",
            "Escaped *stars* & \u00a9 entities."),
        Arguments.of("soft and hard breaks", "One\ntwo  \nthree", "One\ntwo\nthree"),
        Arguments.of("CRLF line breaks", "# T\r\n\r\nBody\r\nmore.\r\n", "T\n\nBody\nmore."),
        Arguments.of("blank code edges", "```\n\n  \ncode\n\n```\n\nAfter.", "code\n\nAfter."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void rendersToPlainText(String name, String markdown, String expected) {
    MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(markdown, 0);
    assertThat(rendered.body()).isEqualTo(expected);
    assertWordsMapVerbatim(rendered, markdown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a level 1 after a level 2 | ## Sub\\n\\n# Main\\n\\nText. | Main",
        "only a level 2 | ## Only sub\\n\\nText. | Only sub",
        "setext level 2 | Setext\\n---\\n\\nText. | Setext",
        "emphasis inside | # *Emphasised* title | Emphasised title",
        "an empty heading first | #\\n\\n# Real\\n\\nText. | Real",
        "no heading | Just text. |",
      })
  void theFirstTopHeadingIsTheTitle(String name, String markdown, String title) {
    assertThat(MarkdownRenderer.render(markdown.replace("\\n", "\n"), 0).title())
        .as(name)
        .isEqualTo(title);
  }

  @Test
  void rendersFromAnOffsetAndMapsIntoTheWholeText() {
    String text = "---\ntitle: T\n---\n# Heading\n\nSome *text*.";
    int from = text.indexOf('#');
    MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(text, from);
    assertThat(rendered.body()).isEqualTo("Heading\n\nSome text.");
    SourceMap map = rendered.sourceMap();
    assertThat(map.toSource(0)).isEqualTo(from + 2);
    assertThat(text.substring(map.toSource(14), map.toSourceEnd(18))).isEqualTo("text");
    assertWordsMapVerbatim(rendered, text);
  }

  @Test
  void aReadmeLikeFileRendersItsText() throws IOException {
    String source = Files.readString(FrontMatterTest.POSTS.resolve("readme-like.md"));
    MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(source, 0);
    assertThat(rendered.title()).isEqualTo("Retold Tools");
    assertThat(rendered.body())
        .startsWith("Retold Tools\n\nA small set of tools for reading news. See the docs\n")
        .contains("or https://example.org for more, and read nested emphasis here.")
        .contains("\n\nLogo of the project\n\nInstall\n\n")
        .contains("Download the archive\nUnpack it with tar -xzf retold.tgz\nRun the command:\n")
        .contains("./retold scan articles")
        .contains("Item with bold text\nNested item one\nNested item two\n\n")
        .contains("Inline html is dropped; escaped *stars* and AT&T stay text.")
        .contains("indented code line one\nindented code line two")
        .endsWith("\n\nLast paragraph.")
        .doesNotContain("http://example.org/docs")
        .doesNotContain("logo.png")
        .doesNotContain("badge")
        .doesNotContain("#")
        .doesNotContain("**")
        .doesNotContain("```")
        .doesNotContain("reference");
    assertWordsMapVerbatim(rendered, source);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hugo-post.md",
        "zola-post.md",
        "jekyll-post.markdown",
        "readme-like.md",
        "malformed-yaml.md",
        "malformed-toml.md"
      })
  void everyWordOfAPostMapsToItselfInTheFile(String file) throws IOException {
    Path path = FrontMatterTest.POSTS.resolve(file);
    String source = Files.readString(path);
    ReadResult result = ArticleReader.withDefaults().read(file, source);
    var article = ArticleReaderTest.loaded(result);
    assertWordsMapVerbatim(
        new MarkdownRenderer.Rendered(article.body(), article.sourceMap(), article.title()),
        source);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a.md | true",
        "dir/B.MD | true",
        "x.markdown | true",
        "x.mdown | true",
        "x.mkd | true",
        "a.txt | false",
        "md | false",
        ".md | false",
        "a. | false",
        "dir.md/file.txt | false",
        "a.md.txt | false",
      })
  void markdownIsToldByTheExtension(String id, boolean markdown) {
    assertThat(MarkdownRenderer.isMarkdown(id)).isEqualTo(markdown);
  }

  static Stream<Arguments> deepMarkdown() {
    return Stream.of(
        Arguments.of("block quotes", ">".repeat(4_000) + " deep\n"),
        Arguments.of("lists", "- ".repeat(2_000) + "deep\n"),
        Arguments.of("brackets", "[".repeat(4_000) + "deep" + "](u)".repeat(1_000)),
        Arguments.of("emphasis", "*".repeat(2_000) + "deep" + "*".repeat(2_000)),
        Arguments.of("mixed", "> - ".repeat(1_000) + "*_deep_*\n"),
        Arguments.of("HTML", "<div>".repeat(1_000) + "\n\ndeep\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepMarkdown")
  @Timeout(10)
  void deepNestingRendersOnASmallStack(String name, String markdown) throws InterruptedException {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(MarkdownRenderer.render(markdown, 0));
              } catch (Throwable thrown) {
                outcome.set(thrown);
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertThat(outcome.get()).isInstanceOf(MarkdownRenderer.Rendered.class);
    assertThat(((MarkdownRenderer.Rendered) outcome.get()).body()).contains("deep");
  }

  @Test
  void randomMarkdownNeverThrowsAndMapsEveryWordToItself() {
    Random random = new Random(20_260_106L);
    for (int round = 0; round < 2_000; round++) {
      String source = randomMarkdown(random);
      int from = random.nextInt(4) == 0 ? random.nextInt(source.length() + 1) : 0;
      MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(source, from);
      String body = rendered.body();
      assertThat(body).isEqualTo(body.strip());
      assertThat(rendered.sourceMap().bodyLength()).isEqualTo(body.length());
      int previous = from;
      for (int i = 0; i < body.length(); i++) {
        int at = rendered.sourceMap().toSource(i);
        assertThat(at)
            .as("round %d, body[%d] of %s", round, i, source)
            .isBetween(previous, source.length() - 1);
        previous = at;
      }
      assertWordsMapVerbatim(rendered, source);
    }
  }

  @Test
  void randomCharactersNeverThrow() {
    Random random = new Random(99L);
    String alphabet = "#*_`[]()!<>-+=~\\&;:|\n\r\t 1.aZ\u00e9\ud83d\ude00";
    for (int round = 0; round < 3_000; round++) {
      StringBuilder source = new StringBuilder();
      int length = random.nextInt(120);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(alphabet.length());
        char c = alphabet.charAt(pick);
        source.append(Character.isSurrogate(c) ? "\ud83d\ude00" : String.valueOf(c));
      }
      MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(source.toString(), 0);
      for (int i = 0; i < rendered.body().length(); i++) {
        assertThat(rendered.sourceMap().toSource(i)).isBetween(0, source.length() - 1);
      }
    }
  }

  /**
   * For each word of the body (a run of ASCII letters) that the source has verbatim, the source
   * characters its ends map to hold the same word. (A word the source does not have is one that
   * Markdown joined from two nodes, as {@code said`\n bridge`} renders "saidbridge".)
   */
  static void assertWordsMapVerbatim(MarkdownRenderer.Rendered rendered, String source) {
    SourceMap map = rendered.sourceMap();
    Matcher word = WORD.matcher(rendered.body());
    while (word.find()) {
      if (!source.contains(word.group())) {
        continue;
      }
      String mapped = source.substring(map.toSource(word.start()), map.toSourceEnd(word.end()));
      assertThat(mapped)
          .as(
              "word %s at %d of [%s] from [%s]",
              word.group(), word.start(), rendered.body(), source.replace("\r", "\\r"))
          .isEqualTo(word.group());
    }
  }

  private static final String[] WORDS = {
    "storm", "coast", "Harbour", "bridge", "minister", "said", "on", "Monday", "trains", "north",
  };

  /** A seeded Markdown document mixing every construct the renderer handles. */
  private static String randomMarkdown(Random random) {
    StringBuilder doc = new StringBuilder();
    String lineBreak = random.nextInt(4) == 0 ? "\r\n" : "\n";
    int blocks = 1 + random.nextInt(8);
    for (int b = 0; b < blocks; b++) {
      switch (random.nextInt(9)) {
        case 0 -> doc.append("#".repeat(1 + random.nextInt(3))).append(' ').append(inline(random));
        case 1 ->
            doc.append("- ")
                .append(inline(random))
                .append(lineBreak)
                .append("- ")
                .append(inline(random));
        case 2 ->
            doc.append("> ")
                .append(inline(random))
                .append(lineBreak)
                .append("> ")
                .append(inline(random));
        case 3 ->
            doc.append("```")
                .append(lineBreak)
                .append(words(random))
                .append(lineBreak)
                .append("```");
        case 4 -> doc.append("    ").append(words(random));
        case 5 -> doc.append("<div>").append(words(random)).append("</div>");
        case 6 -> doc.append(inline(random)).append(lineBreak).append("===");
        default -> doc.append(inline(random)).append(lineBreak).append(inline(random));
      }
      doc.append(lineBreak).append(random.nextBoolean() ? lineBreak : "");
    }
    return doc.toString();
  }

  private static String inline(Random random) {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      String words = words(random);
      switch (random.nextInt(11)) {
        case 0 -> out.append('*').append(words).append('*');
        case 1 -> out.append("__").append(words).append("__");
        case 2 ->
            out.append('[')
                .append(words)
                .append("](http://example.org/")
                .append(words.replace(' ', '-'))
                .append(')');
        case 3 -> out.append("![").append(words).append("](img.png)");
        case 4 -> out.append('`').append(words).append('`');
        case 5 -> out.append("&amp; &copy; \\* \\_");
        case 6 -> out.append("<b>").append(words).append("</b>");
        case 7 -> out.append("\t").append(words);
        case 8 -> out.append("***").append(words).append(" _").append(words).append("_***");
        default -> out.append(words);
      }
      out.append(' ');
    }
    return out.toString().stripTrailing();
  }

  private static String words(Random random) {
    StringBuilder out = new StringBuilder();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }
}
