package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A WARC file scanned on its own: which records become articles, and how the rest is listed. */
class WarcSourceTest {
  private static final String PAGE = "http://news.example/2025/03/14/council.html";
  private static final String TEXT = "http://news.example/wire/council.txt";

  @TempDir Path temp;

  /** Every kind of record a crawl holds, with the expected outcome noted on each. */
  private Path crawl(String name, boolean gzip) throws IOException {
    Path file = temp.resolve(name);
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, gzip)) {
      warc.warcinfo() // a warcinfo record
          .request(PAGE) // a request record
          .response( // an HTML page: loaded, dated by WARC-Date
              PAGE,
              200,
              "text/html; charset=utf-8",
              "<html><body><p>The council voted on Tuesday.</p></body></html>")
          .metadata(PAGE) // a metadata record
          .response( // a plain text page whose own date wins
              TEXT,
              200,
              "text/plain",
              "---\ndate: 2025-03-10\n---\nThe council voted on Tuesday to close the bridge.\n")
          .response("http://news.example/old", 301, "text/html", "Moved") // not 200
          .response("http://news.example/gone", 404, "text/html", "Not found") // not 200
          .response("http://news.example/gone2", 404, "text/html", "Not found") // not 200
          .response( // an image
              "http://news.example/logo.png",
              200,
              "image/png",
              TextDecoderTest.bytes("89 50 4E 47 0D 0A 1A 0A 00 00"))
          .response( // a PDF: could be an article, listed on its own
              "http://news.example/report.pdf", 200, "application/pdf", "%PDF-1.7\n...")
          .response(PAGE, 200, "text/html", "<p>A later capture.</p>") // the same URL again
          .revisit(PAGE) // a revisit record
          .response( // gzip content encoding and a declared charset the bytes cannot tell
              "http://news.example/ru",
              200,
              "text/plain; charset=windows-1251",
              ArticleReaderGzipTest.gzip(
                  "Совет проголосовал во вторник.".getBytes(Charset.forName("windows-1251"))),
              Instant.parse("2025-03-15T00:30:00Z"),
              "gzip")
          .response("http://news.example/blank", 200, "text/plain", "  \n "); // no text
    }
    return file;
  }

  private record Read(List<ArticleSource.Located> located, List<SkippedFile> skipped) {
    Map<String, Article> byId() {
      return located.stream()
          .map(ArticleSource.Located::article)
          .collect(Collectors.toMap(Article::id, article -> article));
    }

    Map<String, String> reasons() {
      return skipped.stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
    }
  }

  private static Read read(ArticleSource source) throws IOException {
    List<ArticleSource.Located> located = new ArrayList<>();
    List<SkippedFile> skipped = source.read(located::addAll);
    return new Read(located, skipped);
  }

  private static WarcSource source(Path file) {
    return new WarcSource(
        file, new WarcRecords(ArticleReader.withDefaults(), 2), LoadListener.NONE);
  }

  @ParameterizedTest(name = "gzip {0}")
  @ValueSource(booleans = {true, false})
  void pagesBecomeArticlesAndEveryOtherRecordIsListed(boolean gzip) throws IOException {
    String name = gzip ? "crawl.warc.gz" : "crawl.warc";
    Path file = crawl(name, gzip);
    Read read;
    try (WarcSource source = source(file)) {
      read = read(source);
      for (ArticleSource.Located one : read.located()) {
        assertThat(source.reread(one.position())).isEqualTo(one.article());
      }
    }

    Map<String, Article> articles = read.byId();
    assertThat(articles).containsOnlyKeys(PAGE, TEXT, "http://news.example/ru");
    Article page = articles.get(PAGE);
    assertThat(page.metadata())
        .containsEntry("url", PAGE)
        .containsEntry("warc-date", "2025-03-14T23:30:00Z");
    assertThat(page.date()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(page.body()).contains("The council voted on Tuesday.");
    Article text = articles.get(TEXT);
    assertThat(text.date()).isEqualTo(LocalDate.of(2025, 3, 10)); // the page's own date wins
    assertThat(text.body()).isEqualTo("The council voted on Tuesday to close the bridge.");
    Article russian = articles.get("http://news.example/ru");
    assertThat(russian.body()).isEqualTo("Совет проголосовал во вторник.");
    assertThat(russian.date()).isEqualTo(LocalDate.of(2025, 3, 15));

    Map<String, String> reasons = read.reasons();
    assertThat(reasons)
        .containsEntry(name + " (warcinfo records)", "1 record, not articles")
        .containsEntry(name + " (request records)", "1 record, not articles")
        .containsEntry(name + " (metadata records)", "1 record, not articles")
        .containsEntry(name + " (revisit records)", "1 record, not articles")
        .containsEntry(
            name + " (responses other than 200)",
            "3 records, not articles (status 301: 1, status 404: 2)")
        .containsEntry(
            name + " (images, audio, video and fonts)", "1 record, not articles (image/png: 1)");
    assertThat(reasons.values())
        .contains(
            "http://news.example/report.pdf: unsupported format: PDF (application/pdf)",
            PAGE + ": same URL as the record at offset " + offsetOf(read, PAGE),
            "http://news.example/blank: no text");
    assertThat(reasons.keySet())
        .filteredOn(path -> path.contains("@"))
        .allMatch(path -> path.matches(java.util.regex.Pattern.quote(name) + "@[0-9]+"))
        .hasSize(3);
    assertThat(reasons).hasSize(9);
  }

  /** The offset of the skipped record whose reason starts with {@code uri}, or of its article. */
  private static long offsetOf(Read read, String uri) {
    for (ArticleSource.Located one : read.located()) {
      if (one.article().id().equals(uri)) {
        return one.position();
      }
    }
    for (SkippedFile skipped : read.skipped()) {
      if (skipped.reason().startsWith(uri + ":")) {
        return Long.parseLong(skipped.path().substring(skipped.path().indexOf('@') + 1));
      }
    }
    return -1;
  }

  @Test
  void aRecordReadAgainThatChangedFailsTheReread() throws IOException {
    Path file = temp.resolve("a.warc");
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, false)) {
      warc.response(TEXT, 200, "text/plain", "Some words of an article.");
    }
    try (WarcSource source = source(file)) {
      Read read = read(source);
      assertThat(read.located()).hasSize(1);
      try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, false)) {
        warc.response(TEXT, 404, "text/plain", "Gone now.");
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.reread(0))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed while it was scanned");
    }
  }

  @Test
  void aFileThatIsNotAWarcIsOneSkippedEntry() throws IOException {
    Path file = Files.writeString(temp.resolve("notes.warc"), "Just some notes, not a crawl.\n");
    Read read = read(source(file));
    assertThat(read.located()).isEmpty();
    assertThat(read.skipped()).hasSize(1);
    assertThat(read.skipped().get(0).path()).isEqualTo("notes.warc");
    assertThat(read.skipped().get(0).reason())
        .startsWith("not a WARC file: invalid WARC record at position 0")
        .doesNotContain("notes") // the file's own words are not quoted back
        .doesNotContain("\n");
    Files.writeString(temp.resolve("blank.warc"), "\r\n\r\n");
    assertThat(read(source(temp.resolve("blank.warc"))).skipped())
        .extracting(SkippedFile::path)
        .containsExactly("blank.warc");
    Files.write(temp.resolve("empty.warc.gz"), new byte[0]);
    assertThat(read(source(temp.resolve("empty.warc.gz"))).skipped())
        .containsExactly(new SkippedFile("empty.warc.gz", "empty file"));
  }

  private Path oneGzipStream() throws IOException {
    Path plain = temp.resolve("whole.warc");
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(plain, false)) {
      for (int i = 0; i < 3; i++) {
        warc.response("http://news.example/" + i, 200, "text/plain", "Article " + i + " text.");
      }
    }
    Path folder = Files.createDirectories(temp.resolve("folder"));
    Path packed = folder.resolve("whole.warc.gz");
    Files.write(packed, ArticleReaderGzipTest.gzip(Files.readAllBytes(plain)));
    return packed;
  }

  @Test
  void oneGzipStreamForTheWholeFileIsDecompressedWhenScannedOnItsOwn() throws IOException {
    Path packed = oneGzipStream();
    assertThat(WarcRecords.isOneGzipStream(packed)).isTrue();
    assertThat(WarcRecords.isOneGzipStream(crawl("proper.warc.gz", true))).isFalse();
    try (WarcSource source = source(packed)) {
      Read read = read(source);
      assertThat(read.byId())
          .containsOnlyKeys(
              "http://news.example/0", "http://news.example/1", "http://news.example/2");
      assertThat(read.skipped()).isEmpty();
      for (ArticleSource.Located one : read.located()) {
        assertThat(source.reread(one.position())).isEqualTo(one.article());
      }
    }
  }

  @Test
  void oneGzipStreamInAFolderIsReadUpToWhereOffsetsStopWorking() throws IOException {
    Path packed = oneGzipStream();
    LoadResult result = FolderLoader.withDefaults().load(packed.getParent());
    assertThat(result.articles())
        .extracting(Article::id)
        .containsExactly("whole.warc.gz#http://news.example/0");
    assertThat(result.skipped())
        .containsExactly(
            new SkippedFile(
                "whole.warc.gz",
                "one gzip stream, not one per record, so its records cannot be found again from"
                    + " record 2 on; decompress it (gunzip) and scan the .warc"));
  }

  @Test
  void aFileCutShortKeepsTheRecordsBeforeTheCut() throws IOException {
    Path file = temp.resolve("cut.warc.gz");
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, true)) {
      for (int i = 0; i < 5; i++) {
        warc.response("http://news.example/" + i, 200, "text/plain", "Article " + i + " text.");
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
    Read read = read(source(file));
    assertThat(read.byId()).hasSize(4);
    assertThat(read.skipped()).hasSize(1);
    assertThat(read.skipped().get(0).path()).isEqualTo("cut.warc.gz");
    assertThat(read.skipped().get(0).reason())
        .startsWith("unreadable after record 4: ")
        .endsWith("; the records after it are not read");
  }

  @Test
  void damagedFilesNeverThrow() throws IOException {
    Path good = crawl("good.warc.gz", true);
    byte[] bytes = Files.readAllBytes(good);
    Random random = new Random(20261205L);
    for (int round = 0; round < 40; round++) {
      byte[] damaged = bytes.clone();
      for (int k = 0; k < 1 + random.nextInt(6); k++) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      Path file = Files.write(temp.resolve("damaged.warc.gz"), damaged);
      Read read = read(source(file));
      assertThat(read.located().size() + read.skipped().size()).isPositive();
    }
  }
}
