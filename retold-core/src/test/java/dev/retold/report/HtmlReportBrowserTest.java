package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.Passage;
import dev.retold.Relation;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium loads the page and dumps the DOM as it is
 * after its scripts ran. Each planted string would, if it ran, rename the page or add text; neither
 * happens, while the page's own script does run (its filter box is there). Skipped where Chromium
 * is not installed ({@code .ci/run} installs Debian's {@code chromium}).
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Strings that, as markup, would run script that renames the page and marks it. */
  private static final List<String> PAYLOADS =
      List.of(
          "<script>document.title='pwned';document.body.append('PW'+'NED-1')</script>",
          "<img src=x onerror=\"document.title='pwned';document.body.append('PW'+'NED-2')\">",
          "\"><svg onload=\"document.title='pwned';document.body.append('PW'+'NED-3')\">",
          "'><img src=x onerror='document.title=`pwned`'>",
          "</style><script>document.title='pwned'</script>",
          "--><script>document.title='pwned'</script><!--");

  @Test
  void nothingPlantedRunsAndThePagesOwnScriptDoes(@TempDir Path temp)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    Path page = temp.resolve("report.html");
    StringWriter html = new StringWriter();
    ReportFormat.HTML.write(hostile(), html);
    Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
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
    assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    Document rendered = Jsoup.parse(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(rendered.title()).isEqualTo("Retold report");
    // a payload that ran would have added "PWNED-n"; shown as text it reads 'PW'+'NED-n'
    assertThat(rendered.body().text()).doesNotContain("PWNED");
    assertThat(rendered.select("#filter")).hasSize(1); // the page's own script ran
    assertThat(rendered.select("section.story")).hasSize(1);
    assertThat(rendered.select("table.members tr")).hasSize(PAYLOADS.size()); // header + members
    assertThat(rendered.select("img, iframe, object, embed")).isEmpty();
    assertThat(rendered.select("svg")).hasSize(1);
    for (String payload : PAYLOADS) {
      assertThat(rendered.body().text()).contains(payload.replaceAll("\\s+", " ").strip());
    }
  }

  private static ScanResult hostile() {
    List<ArticleInfo> articles = new ArrayList<>();
    List<StoryMember> members = new ArrayList<>();
    List<ArticlePair> pairs = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String id = "f" + i + PAYLOADS.get(i);
      articles.add(
          new ArticleInfo(id, PAYLOADS.get(i), null, Map.of(), List.of(PAYLOADS.get(i)), 9));
      if (i > 0) {
        members.add(new StoryMember(id, Relation.DERIVED));
        pairs.add(
            new ArticlePair(
                articles.get(0).id(),
                id,
                Relation.DERIVED,
                articles.get(0).id(),
                0.5,
                0.3,
                0.4,
                0.6,
                List.of(new Passage(3, 0, 9, 0, 9, PAYLOADS.get(i)))));
      }
    }
    return new ScanResult(
        articles,
        List.of(new Story("s1", articles.get(0).id(), members)),
        List.of(),
        pairs,
        List.of(new SkippedFile(PAYLOADS.get(1), PAYLOADS.get(2))),
        new ScanSummary(PAYLOADS.size() + 1, PAYLOADS.size(), 1, 1, pairs.size()));
  }
}
