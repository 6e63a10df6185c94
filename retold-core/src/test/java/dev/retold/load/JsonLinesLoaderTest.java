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
        "not json|not JSON (unexpected character 'n' at column 1)",
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

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"id\": \"x\", \"text\": \"One.\"} {\"id\": \"y\", \"text\": \"Two.\"}"
            + "|more than one JSON value on the line",
        "{\"id\": \"x\", \"text\": \"One.\"} 7|more than one JSON value on the line",
        "{\"id\": \"x\", \"text\": \"One.\"} garbage|text after the JSON object",
        "{\"id\": \"x\", \"text\": \"One.\"} ]|text after the JSON object",
        "{\"id\": \"x\", \"text\": oops}|not JSON (unexpected character 'o' at column 21)",
        "{\"id\": \"é\", \"text\": %}|not JSON (unexpected character '%' at column 21)",
        "{id: 1}|not JSON (unexpected character 'i' at column 2)",
        "{\"id\": \"x\", \"text\": \"One.\"|not JSON (the line ends inside the object)",
        "{\"id\": \"x\", \"text\": \"\\q\"}|not JSON (an unknown escape in a string at column 23)",
        "{\"id\": \"x\", \"text\": 01}|not JSON (a malformed number at column 22)",
        "{\"id\": \"x\", \"text\": %DEEP%}|not JSON (nested more deeply than the parser allows)"
      })
  void aLineIsOneJsonObjectAndItsProblemIsSaidShortly(String line, String reason)
      throws IOException {
    String actual = line.replace("%DEEP%", "[".repeat(1500) + "]".repeat(1500));
    LoadResult result =
        new JsonLinesLoader(Limits.maxFileBytes(10_000), LoadListener.NONE, 2)
            .load(Files.writeString(temp.resolve("c.jsonl"), "\n" + actual + "\n"));
    assertThat(result.articles()).isEmpty();
    assertThat(result.skipped()).containsExactly(new SkippedFile("c.jsonl:2", reason));
  }

  @Test
  void theParsersNoiseStaysOut() throws IOException {
    byte[] invalidUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
    Path file = Files.write(temp.resolve("bytes.jsonl"), invalidUtf8);
    LoadResult result = new JsonLinesLoader(Limits.defaults(), LoadListener.NONE, 1).load(file);
    assertThat(result.skipped())
        .containsExactly(new SkippedFile("bytes.jsonl:1", "not JSON (invalid UTF-8 at column 8)"));
    LoadResult control = load("{\"id\": \"a\u0001\", \"text\": \"x\"}", "{\"id\": \"a\" \"b\"}");
    assertThat(control.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly(
            "not JSON (a control character not escaped in a string at column 10)",
            "not JSON (unexpected character '\"' at column 12)");
  }

  @Test
  void whiteSpaceAfterTheObjectIsFine() throws IOException {
    LoadResult result = load("{\"id\": \"a\", \"text\": \"One.\"}  \t ");
    assertThat(result.skipped()).isEmpty();
    assertThat(result.articles()).extracting(Article::id).containsExactly("a");
  }

  @Test
  void skippedLinesSortByTheirNumber() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      lines.add(i == 2 || i == 11 ? "bad " + i : "{\"id\": \"n" + i + "\", \"text\": \"T.\"}");
    }
    LoadResult result = load(lines.toArray(String[]::new));
    assertThat(result.skipped())
        .extracting(SkippedFile::path)
        .containsExactly("corpus.jsonl:2", "corpus.jsonl:11");
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharacters() throws IOException {
    LoadResult result =
        load(
            "{\"id\": \"s\\ud800\", \"text\": \"A \\udc00 b \\ud83d\\ude00.\","
                + " \"title\": \"\\ud800\", \"url\": \"u\\udfff\"}");
    Article article = result.articles().get(0);
    assertThat(article.id()).isEqualTo("s\uFFFD");
    assertThat(article.title()).isEqualTo("\uFFFD");
    assertThat(article.body()).isEqualTo("A \uFFFD b \uD83D\uDE00."); // a real pair is kept
    assertThat(article.metadata()).containsEntry("url", "u\uFFFD");
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
