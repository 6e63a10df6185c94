package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.Passage;
import dev.retold.Relation;
import dev.retold.Retold;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

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
    Document rendered = render(page, temp);
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

  /**
   * The seeds, and two files whose names and texts carry the payloads, scanned and reported with
   * their texts side by side: in the rendered page every passage is marked where its offsets say,
   * in both texts, and nothing planted ran. A screenshot of the page is left in {@code target/}.
   */
  @Test
  void theTextsSideBySideMarkEveryPassageWhereItStands(@TempDir Path temp)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    Path folder = Files.createDirectories(temp.resolve("news"));
    try (var seeds = Files.list(SEEDS)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, folder.resolve(seed.getFileName()));
      }
    }
    String shared = Files.readString(SEEDS.resolve("004_d6e9b4307be571ab.txt"));
    Files.writeString(
        folder.resolve("x" + PAYLOADS.get(1) + ".txt"), PAYLOADS.get(0) + "\n" + shared);
    Files.writeString(
        folder.resolve("y" + PAYLOADS.get(3) + ".txt"), shared + "\n" + PAYLOADS.get(2));
    ScanResult result = Retold.withDefaults().scan(folder);
    Path page = temp.resolve("report.html");
    StringWriter html = new StringWriter();
    ReportFormat.HTML.write(result, folder, html);
    Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
    Document rendered = render(page, temp);
    Files.createDirectories(Path.of("target"));
    render(
        page,
        temp,
        "--screenshot=" + Path.of("target", "report.png").toAbsolutePath(),
        "--window-size=1280,2400");

    assertThat(rendered.title()).isEqualTo("Retold report");
    assertThat(rendered.body().text()).doesNotContain("PWNED");
    assertThat(rendered.select("img, iframe, object, embed")).isEmpty();
    Element seedsStory =
        rendered.select("section.story").stream()
            .filter(story -> story.text().contains("003_6669a427d399b261.txt"))
            .findFirst()
            .orElseThrow();
    assertThat(seedsStory.selectFirst("h2").text()).isEqualTo("Story s1: 7 articles");
    assertThat(seedsStory.selectFirst("p code").text()).isEqualTo("003_6669a427d399b261.txt");
    assertThat(seedsStory.select("table.members .badge").eachText())
        .containsExactly("DERIVED", "DERIVED", "DERIVED", "SAME_STORY");
    Map<String, ArticlePair> pairs = new HashMap<>();
    result.pairs().forEach(pair -> pairs.put(pair.a() + "\n" + pair.b(), pair));
    result
        .copyGroups()
        .forEach(
            group ->
                pairs.put(group.evidence().a() + "\n" + group.evidence().b(), group.evidence()));
    int marked = 0;
    for (Element shown : rendered.select("div.pair")) {
      List<String> ids = shown.select("h3 code").eachText();
      ArticlePair pair = pairs.get(ids.get(0) + "\n" + ids.get(1));
      assertThat(pair).as("pair %s", ids).isNotNull();
      List<Element> texts = shown.select(".side-by-side pre");
      assertThat(texts).as("texts of %s", ids).hasSize(2);
      String sourceA = Files.readString(folder.resolve(pair.a()));
      String sourceB = Files.readString(folder.resolve(pair.b()));
      marked += MarkedTexts.assertMarkedAtOffsets(texts, pair, sourceA, sourceB);
    }
    assertThat(marked).isGreaterThan(40);
  }

  /** The page as headless Chromium leaves it once its scripts ran; {@code more} are extra flags. */
  private static Document render(Path page, Path temp, String... more)
      throws IOException, InterruptedException {
    Path dom = temp.resolve("dom.html");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + temp.resolve("profile")));
    command.addAll(List.of(more));
    if (more.length == 0) {
      command.add("--dump-dom");
    }
    command.add(page.toUri().toString());
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(dom.toFile())
            .redirectError(temp.resolve("chromium.log").toFile())
            .start();
    assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    return Jsoup.parse(Files.readString(dom, StandardCharsets.UTF_8));
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
