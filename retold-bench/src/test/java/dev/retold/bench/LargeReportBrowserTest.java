package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retold.ArticlePair;
import dev.retold.Passage;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a 10,000-article generated scan in a real browser (headless Chromium, as in
 * the core's {@code HtmlReportBrowserTest}): it loads, its stories stand largest first, capped
 * evidence says how to get the rest, and the texts it shows mark each passage where its offsets
 * say. Its size and Chromium's time are printed, not asserted (docs/PERFORMANCE.md has the figures
 * and the command). Surefire runs it apart, with a heap a scan of this size needs.
 */
class LargeReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int ARTICLES = 10_000;
  private static final Pattern HEADING = Pattern.compile("Story s\\d+: (\\d+) articles");

  @Test
  void aTenThousandArticleReportOpensWithItsStoriesAndTheirEvidence(@TempDir Path temp)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    Path corpus = temp.resolve("corpus");
    try (ArticleSink sink = ArticleSinks.folder(corpus, ArticleSinks.DEFAULT_SHARD_SIZE)) {
      for (GeneratedArticle article :
          CorpusGenerator.builder().seed(11).articles(ARTICLES).build()) {
        sink.accept(article);
      }
    }
    Path articles = corpus.resolve("articles");
    ScanResult result = Retold.withDefaults().scan(articles);
    Path page = temp.resolve("report.html");
    try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      ReportFormat.HTML.write(result, articles, out);
    }

    long started = System.nanoTime();
    Document rendered = render(page, temp);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf(
        "%d articles, %d stories: report %,d bytes, Chromium loaded and dumped it in %,d ms%n",
        ARTICLES, result.stories().size(), Files.size(page), millis);

    assertThat(rendered.title()).isEqualTo("Retold report");
    assertThat(rendered.selectFirst("p").text())
        .startsWith(ARTICLES + " files found: " + ARTICLES + " loaded, 0 skipped");
    assertThat(rendered.select("#filter")).hasSize(1); // the page's script ran
    List<Element> stories = rendered.select("section.story");
    assertThat(stories).isNotEmpty().hasSizeLessThanOrEqualTo(result.stories().size());
    int previous = Integer.MAX_VALUE;
    for (Element story : stories) {
      Matcher heading = HEADING.matcher(story.selectFirst("h2").text());
      assertThat(heading.matches()).as(heading.toString()).isTrue();
      int size = Integer.parseInt(heading.group(1));
      assertThat(size).isLessThanOrEqualTo(previous);
      previous = size;
    }
    assertThat(stories.get(0).selectFirst("h2").text())
        .isEqualTo("Story s1: " + result.stories().get(0).size() + " articles");

    Map<String, ArticlePair> pairs = new HashMap<>();
    result.pairs().forEach(pair -> pairs.put(pair.a() + "\n" + pair.b(), pair));
    result
        .copyGroups()
        .forEach(g -> pairs.put(g.evidence().a() + "\n" + g.evidence().b(), g.evidence()));
    int marked = 0;
    for (Element shown : rendered.select("div.pair")) {
      List<Element> texts = shown.select(".side-by-side pre");
      if (texts.isEmpty()) {
        continue; // past the page's text budget: the pair says so
      }
      List<String> ids = shown.select("h3 code").eachText();
      ArticlePair pair = pairs.get(ids.get(0) + "\n" + ids.get(1));
      assertThat(pair).as("pair %s", ids).isNotNull();
      String sourceA = Files.readString(articles.resolve(pair.a()));
      String sourceB = Files.readString(articles.resolve(pair.b()));
      assertThat(texts.get(0).wholeText()).isEqualTo(sourceA);
      assertThat(texts.get(1).wholeText()).isEqualTo(sourceB);
      for (int p = 0; p < pair.passages().size(); p++) {
        Passage passage = pair.passages().get(p);
        assertThat(marks(texts.get(0), p + 1))
            .isEqualTo(sourceA.substring(passage.startA(), passage.endA()));
        assertThat(marks(texts.get(1), p + 1))
            .isEqualTo(sourceB.substring(passage.startB(), passage.endB()));
        marked++;
      }
    }
    assertThat(marked).isGreaterThan(100);
    assertThat(rendered.select("p.more").eachText())
        .anyMatch(note -> note.contains("more pairs: retold explain A B"))
        .anyMatch(note -> note.startsWith("Texts not shown: the page keeps to"));
  }

  private static String marks(Element text, int passage) {
    StringBuilder marked = new StringBuilder();
    text.select("mark[data-passage=" + passage + "]")
        .forEach(mark -> marked.append(mark.wholeText()));
    return marked.toString();
  }

  /** The page as headless Chromium leaves it once its scripts ran. */
  private static Document render(Path page, Path temp) throws IOException, InterruptedException {
    Path dom = temp.resolve("dom.html");
    Process chromium =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + temp.resolve("profile"),
                "--dump-dom",
                page.toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(temp.resolve("chromium.log").toFile())
            .start();
    assertThat(chromium.waitFor(300, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    return Jsoup.parse(Files.readString(dom, StandardCharsets.UTF_8));
  }
}
