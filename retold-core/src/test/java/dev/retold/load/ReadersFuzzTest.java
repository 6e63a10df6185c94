package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.retold.Article;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer) for every reader of the load stage: decoding, the article
 * reader with each format (plain text and front matter, Markdown, HTML, gzip), one JSON Lines line,
 * and a WARC file.
 *
 * <p>Each target asserts more than "does not throw": what a reader gives back must hold the
 * article's own rules (a body that is not blank, a source map that stays inside the source and
 * never runs backwards, a skip reason that is not blank). {@code ./mvnw verify} runs each target on
 * the inputs kept under {@code src/test/resources/dev/retold/load/ReadersFuzzTestInputs/<target>/}
 * (the regression corpus, and every crash a fuzzing run found, saved there by Jazzer); to fuzz one
 * target, {@code JAZZER_FUZZ=1 ./mvnw -pl retold-core test -Dtest='ReadersFuzzTest#html'}
 * (docs/PERFORMANCE.md has the figures of the last runs).
 */
class ReadersFuzzTest {
  private static final String[] FORMATS = {"a.txt", "a.md", "a.html", "a.txt.gz", "a.md.gz"};
  private static final ArticleReader READER = ArticleReader.withDefaults();

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void decode(byte[] bytes) {
    DecodedText decoded = TextDecoder.decode(bytes);
    if (decoded instanceof DecodedText.Text text) {
      assertThat(text.encoding()).isNotBlank();
    } else {
      assertThat(((DecodedText.Rejected) decoded).reason()).isNotBlank();
    }
  }

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void articleText(FuzzedDataProvider data) {
    String format = FORMATS[data.consumeInt(0, 2)];
    String text = data.consumeRemainingAsString();
    check(READER.read("a", format, text), text);
  }

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void html(FuzzedDataProvider data) {
    boolean removeChrome = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    check(HtmlPage.read("a.html", text, removeChrome), text);
  }

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void articleBytes(FuzzedDataProvider data) {
    String format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
    byte[] bytes = data.consumeRemainingAsBytes();
    ReadResult result = READER.read("a", format, bytes);
    check(result, null);
  }

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void jsonLine(byte[] line) {
    JsonLinesLoader.Parsed parsed = JsonLinesLoader.parseObject(line);
    if (parsed.problem() == null) {
      assertThat(parsed.article().id()).isNotBlank();
      assertThat(parsed.article().body()).isNotBlank();
    } else {
      assertThat(parsed.problem()).isNotBlank();
      assertThat(parsed.article()).isNull();
    }
  }

  @FuzzTest(maxExecutions = 10_000_000, maxDuration = "6h")
  void warc(FuzzedDataProvider data) throws IOException {
    String name = data.consumeBoolean() ? "crawl.warc.gz" : "crawl.warc";
    byte[] bytes = data.consumeRemainingAsBytes();
    Path file = Files.createTempFile("fuzz", name);
    try {
      Files.write(file, bytes);
      List<Article> articles = new ArrayList<>();
      List<SkippedFile> skipped = new ArrayList<>();
      new WarcRecords(READER, 1)
          .read(
              file,
              name,
              name + "#",
              new WarcRecords.Sink() {
                @Override
                public void article(Article article, long offset) {
                  articles.add(article);
                }

                @Override
                public void skipped(SkippedFile file) {
                  skipped.add(file);
                }
              },
              records -> {});
      for (Article article : articles) {
        assertThat(article.id()).startsWith(name + "#");
        assertThat(article.body()).isNotBlank();
      }
      for (SkippedFile entry : skipped) {
        assertThat(entry.reason()).isNotBlank();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The rules every loaded article keeps; {@code source} is the text read, when known. */
  private static void check(ReadResult result, String source) {
    if (result instanceof ReadResult.Skipped skipped) {
      assertThat(skipped.reason()).isNotBlank();
      return;
    }
    Article article = ((ReadResult.Loaded) result).article();
    assertThat(article.body()).isNotBlank();
    int previous = 0;
    for (int i = 0; i <= article.body().length(); i++) {
      int at = article.sourceMap().toSource(i);
      assertThat(at).isGreaterThanOrEqualTo(previous);
      if (source != null) {
        assertThat(at).isLessThanOrEqualTo(source.length());
      }
      previous = at;
    }
  }
}
