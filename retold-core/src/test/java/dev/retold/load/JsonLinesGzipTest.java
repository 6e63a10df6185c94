package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JsonLinesLoader} over {@code .jsonl.gz}: read as the plain file is, and read again. */
class JsonLinesGzipTest {
  @TempDir Path temp;

  private final JsonLinesLoader loader =
      new JsonLinesLoader(Limits.maxFileBytes(10_000), LoadListener.NONE, 2);

  private static String lines(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("{\"id\": \"n")
          .append(i)
          .append("\", \"text\": \"Article number ")
          .append(i)
          .append(" says something about the city council.\", \"date\": \"2026-01-0")
          .append(1 + i % 9)
          .append("\"}\n");
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "news.jsonl, true",
    "news.ndjson, true",
    "news.jsonl.gz, true",
    "news.ndjson.gz, true",
    "news.JSONL.GZ, false",
    "news.txt.gz, false",
    "news.gz, false"
  })
  void namesThatAreJsonLines(String name, boolean jsonLines) {
    assertThat(JsonLinesLoader.isJsonLines(Path.of(name))).isEqualTo(jsonLines);
  }

  @Test
  void aCompressedFileLoadsAsThePlainOneAndReadsAgainByPosition() throws IOException {
    String text = lines(300);
    Path plain = Files.writeString(temp.resolve("news.jsonl"), text);
    Path packed = temp.resolve("news.jsonl.gz");
    Files.write(packed, ArticleReaderGzipTest.gzip(text));

    LoadResult expected = loader.load(plain);
    List<ArticleSource.Located> located = new ArrayList<>();
    List<SkippedFile> skipped;
    try (ArticleSource source = loader.source(packed)) {
      skipped = source.read(located::addAll);
      for (ArticleSource.Located one : located) {
        assertThat(source.reread(one.position())).isEqualTo(one.article());
      }
    }
    assertThat(skipped).isEmpty();
    assertThat(located).hasSize(300);
    assertThat(
            new LoadResult(located.stream().map(ArticleSource.Located::article).toList(), skipped))
        .isEqualTo(expected);
  }

  @Test
  void theDecompressedCopyIsGoneOnceTheSourceIsClosed() throws IOException {
    Path packed = temp.resolve("news.jsonl.gz");
    Files.write(packed, ArticleReaderGzipTest.gzip(lines(3)));
    List<Path> before = copies();
    ArticleSource source = loader.source(packed);
    List<Path> open = copies();
    source.close();
    assertThat(open).hasSize(before.size() + 1);
    assertThat(copies()).isEqualTo(before);
  }

  @Test
  void aDamagedFileKeepsTheLinesBeforeTheDamageAndSaysWhere() throws IOException {
    byte[] packed = ArticleReaderGzipTest.gzip(lines(2000));
    Path file = temp.resolve("cut.jsonl.gz");
    Files.write(file, Arrays.copyOf(packed, packed.length / 2));
    LoadResult result = loader.load(file);
    assertThat(result.articles()).hasSizeBetween(100, 1999);
    assertThat(result.skipped())
        .anySatisfy(
            skipped -> {
              assertThat(skipped.path()).isEqualTo("cut.jsonl.gz");
              assertThat(skipped.reason())
                  .startsWith("corrupt gzip: cut short after ")
                  .endsWith(" bytes of content; the lines after it are lost");
            });
  }

  @Test
  void aFileThatIsNotGzipIsOneSkippedEntry() throws IOException {
    Path file = Files.writeString(temp.resolve("plain.jsonl.gz"), lines(2));
    LoadResult result = loader.load(file);
    assertThat(result.articles()).isEmpty();
    assertThat(result.skipped())
        .containsExactly(
            new SkippedFile(
                "plain.jsonl.gz",
                "corrupt gzip: Not in GZIP format after 0 bytes of content;"
                    + " the lines after it are lost"));
  }

  private static List<Path> copies() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(path -> path.getFileName().toString().startsWith("retold-"))
          .filter(path -> path.getFileName().toString().endsWith(".decompressed"))
          .sorted()
          .toList();
    }
  }
}
