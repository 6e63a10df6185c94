package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARC files met in a folder are expanded into their pages, and each is found again. */
class WarcInFolderTest {
  @TempDir Path root;

  @Test
  void aWarcFileInAFolderGivesItsPagesUnderItsPath() throws IOException {
    Files.writeString(root.resolve("a.txt"), "A plain article about the harbour.");
    Path crawls = Files.createDirectories(root.resolve("crawls"));
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(crawls.resolve("day1.warc.gz"), true)) {
      warc.warcinfo()
          .response("http://news.example/1", 200, "text/plain", "First page about the harbour.")
          .response("http://news.example/2", 200, "text/plain", "Second page about the bridge.")
          .response("http://news.example/3", 500, "text/plain", "Server error");
    }
    Files.writeString(root.resolve("z.txt"), "The last plain article.");

    List<ArticleSource.Located> located = new ArrayList<>();
    List<SkippedFile> skipped;
    try (ArticleSource source = FolderLoader.builder().threads(2).build().source(root)) {
      skipped = source.read(located::addAll);
      for (ArticleSource.Located one : located) {
        assertThat(source.reread(one.position())).isEqualTo(one.article());
      }
    }
    assertThat(located)
        .extracting(one -> one.article().id())
        .containsExactly(
            "a.txt",
            "crawls/day1.warc.gz#http://news.example/1",
            "crawls/day1.warc.gz#http://news.example/2",
            "z.txt");
    Article page = located.get(1).article();
    assertThat(page.body()).isEqualTo("First page about the harbour.");
    assertThat(page.metadata()).containsEntry("url", "http://news.example/1");
    assertThat(skipped)
        .containsExactlyInAnyOrder(
            new SkippedFile("crawls/day1.warc.gz (warcinfo records)", "1 record, not articles"),
            new SkippedFile(
                "crawls/day1.warc.gz (responses other than 200)",
                "1 record, not articles (status 500: 1)"));
  }

  @Test
  void aWarcFileIsAlsoAScanSourceOfItsOwn() throws IOException {
    Path file = root.resolve("crawl.warc");
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, false)) {
      warc.response("http://news.example/1", 200, "text/plain", "A page.");
    }
    try (ArticleSource source =
        ArticleFiles.source(file, RetoldSettings.defaults(), dev.retold.ProgressListener.NONE)) {
      List<ArticleSource.Located> located = new ArrayList<>();
      assertThat(source.read(located::addAll)).isEmpty();
      assertThat(located)
          .extracting(one -> one.article().id())
          .containsExactly("http://news.example/1");
    }
  }

  @Test
  void readingAWarcFileAsOneArticleSaysToScanIt() throws IOException {
    Path file = root.resolve("crawl.warc.gz");
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(file, true)) {
      warc.response("http://news.example/1", 200, "text/plain", "A page.");
    }
    assertThat(ArticleReader.withDefaults().read(file, "crawl.warc.gz"))
        .isEqualTo(
            new ReadResult.Skipped("a WARC file (a web crawl), many pages: scan it to read them"));
  }
}
