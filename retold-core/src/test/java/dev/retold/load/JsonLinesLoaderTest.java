package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesLoaderTest {
  @TempDir Path temp;

  private LoadResult load(String... lines) throws IOException {
    Path file = temp.resolve("corpus.jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return new JsonLinesLoader(Limits.maxFileBytes(1000), LoadListener.NONE, 2).load(file);
  }

  @Test
  void readsEveryField() throws IOException {
    LoadResult result =
        load(
            "{\"id\": \"n1\", \"text\": \"Body one.\", \"title\": \"One\", \"date\": \"2026-01-05\","
                + " \"url\": \"https://example.com/1\"}",
            "{\"id\": 2, \"text\": \"Body two.\", \"date\": \"2026-01-06T02:44:22Z\"}");
    assertThat(result.skipped()).isEmpty();
    Article first = result.articles().get(0);
    assertThat(first.id()).isEqualTo("2"); // sorted by id; numbers become text
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 1, 6));
    Article second = result.articles().get(1);
    assertThat(second.title()).isEqualTo("One");
    assertThat(second.body()).isEqualTo("Body one.");
    assertThat(second.metadata()).containsEntry("url", "https://example.com/1");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|not JSON: ",
        "[1, 2]|not a JSON object",
        "{\"text\": \"no id here\"}|no id",
        "{\"id\": \"x\"}|no text",
        "{\"id\": \"x\", \"text\": \"   \"}|no text",
        "{\"id\": \"x\", \"text\": \"%LONG%\"}|too large (1023 bytes > limit 1000)"
      })
  void badLinesAreSkippedWithTheirReason(String line, String reason) throws IOException {
    String actual = line.replace("%LONG%", "y".repeat(1000));
    LoadResult result = load("{\"id\": \"ok\", \"text\": \"Fine.\"}", actual);
    assertThat(result.articles()).extracting(Article::id).containsExactly("ok");
    assertThat(result.skipped()).hasSize(1);
    assertThat(result.skipped().get(0).path()).isEqualTo("corpus.jsonl:2");
    assertThat(result.skipped().get(0).reason()).startsWith(reason);
  }

  @Test
  void aRepeatedIdIsSkippedNamingTheFirstLine() throws IOException {
    LoadResult result =
        load("{\"id\": \"a\", \"text\": \"One.\"}", "", "{\"id\": \"a\", \"text\": \"Two.\"}");
    assertThat(result.articles()).hasSize(1);
    assertThat(result.skipped())
        .containsExactly(new SkippedFile("corpus.jsonl:3", "id a already used on line 1"));
  }

  @Test
  void reportsProgressPerLine() throws IOException {
    List<Integer> done = new ArrayList<>();
    Path file = temp.resolve("p.ndjson");
    Files.writeString(
        file, "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n");
    new JsonLinesLoader(Limits.maxFileBytes(1000), (filesDone, total) -> done.add(filesDone), 2)
        .load(file);
    assertThat(done).containsExactly(1, 2);
    assertThat(JsonLinesLoader.isJsonLines(file)).isTrue();
    assertThat(JsonLinesLoader.isJsonLines(temp.resolve("a.json"))).isFalse();
  }

  @Test
  void aSourceReadsEachArticleAgainByItsPosition() throws IOException {
    Path file = temp.resolve("again.jsonl");
    Files.write(
        file,
        List.of(
            "{\"id\": \"b\", \"text\": \"Première ligne, é à ü.\"}",
            "",
            "broken",
            "{\"id\": \"a\", \"text\": \"Second\\nline\", \"title\": \"T\"}"),
        StandardCharsets.UTF_8);
    try (ArticleSource source =
        new JsonLinesLoader(Limits.maxFileBytes(1000), LoadListener.NONE, 2).source(file)) {
      List<ArticleSource.Located> first = new ArrayList<>();
      List<SkippedFile> skipped = source.read(first::addAll);
      assertThat(first)
          .extracting(located -> located.article().id())
          .containsExactly("b", "a"); // file order
      assertThat(skipped).extracting(SkippedFile::path).containsExactly("again.jsonl:3");
      // positions are the lines' byte offsets: each read again alone, in any order
      assertThat(first.get(0).position()).isZero();
      assertThat(source.reread(first.get(1).position())).isEqualTo(first.get(1).article());
      assertThat(source.reread(first.get(0).position())).isEqualTo(first.get(0).article());
    }
  }

  @Test
  void aLineThatChangedIsAnErrorOnReadingAgain() throws IOException {
    Path file = temp.resolve("changing.jsonl");
    Files.writeString(file, "{\"id\": \"a\", \"text\": \"Some text.\"}\n");
    try (ArticleSource source =
        new JsonLinesLoader(Limits.maxFileBytes(1000), LoadListener.NONE, 2).source(file)) {
      source.read(batch -> {});
      Files.writeString(file, "{\"id\": \"a\", \"tex\": \"Some text!\"}\n"); // same length
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.reread(0))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed while it was scanned");
    }
  }

  @Test
  void theThreadCountChangesNothing() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      lines.add(
          i % 7 == 3
              ? "broken " + i
              : "{\"id\": \"n" + (i % 4000) + "\", \"text\": \"Body " + i + ".\"}");
    }
    Path file = temp.resolve("many.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    LoadResult one =
        new JsonLinesLoader(Limits.maxFileBytes(1000), LoadListener.NONE, 1).load(file);
    LoadResult three =
        new JsonLinesLoader(Limits.maxFileBytes(1000), LoadListener.NONE, 3).load(file);
    assertThat(three).isEqualTo(one);
    assertThat(one.articles().size() + one.skipped().size()).isEqualTo(5000);
  }
}
