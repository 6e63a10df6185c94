package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation streams: a corpus larger than the whole heap is written without running out of memory.
 * Surefire runs this module's tests with {@code -Xmx64m}.
 */
class StreamingTest {
  private static final long ARTICLES = 25_000;

  @Test
  void aCorpusLargerThanTheHeapIsWritten(@TempDir Path temp) throws IOException {
    long heap = Runtime.getRuntime().maxMemory();
    assumeTrue(heap < 70_000_000, "needs a heap under 70 MB, as surefire gives: " + heap);
    Path output = temp.resolve("corpus");
    long counted = 0;
    long textBytes = 0;
    try (ArticleSink sink = ArticleSinks.jsonLines(output)) {
      for (GeneratedArticle article :
          CorpusGenerator.builder().seed(1).articles(ARTICLES).build()) {
        sink.accept(article);
        counted++;
        textBytes += article.text().length();
      }
    }
    assertThat(counted).isEqualTo(ARTICLES);
    assertThat(textBytes).isGreaterThan(heap);
    assertThat(Files.size(output.resolve("articles.jsonl"))).isGreaterThan(heap);
    assertThat(Files.readAllLines(output.resolve("labels.tsv"))).hasSize((int) ARTICLES + 1);
  }
}
