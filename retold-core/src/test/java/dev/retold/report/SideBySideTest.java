package dev.retold.report;

import static dev.retold.report.MarkedTexts.marked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.Comparison;
import dev.retold.IdPair;
import dev.retold.Passage;
import dev.retold.Retold;
import dev.retold.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's texts side by side, from real scans of files written here: each text whole as
 * it stands in its file (what the loader took out greyed, not dropped), each passage marked where
 * its offsets say, and no text shown where the file is gone, changed or over the page's budget.
 */
class SideBySideTest {
  private static final String PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  /** A report of made-up words, seeded: long enough to share passages, unlike any real text. */
  private static String story(long seed, int sentences) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      text.append("Harbour ").append(random.nextInt(90) + 10);
      for (int w = 0; w < 14; w++) {
        text.append(' ').append(word(random));
      }
      text.append(s % 4 == 3 ? ".\n\n" : ". ");
    }
    return text.toString().strip() + "\n";
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = 3 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static final String ORIGINAL =
      "---\ntitle: \"Storm hits the harbour\"\nauthor: \"desk\"\n---\n"
          + story(7, 12)
          + "\nAdvertisement\n\nShare this article on Facebook\n\nCopyright 2026 Harbour News\n";

  /**
   * A retelling: the original's first half (its front matter gone), a planted payload, and text of
   * its own.
   */
  private static String retelling() {
    String body = story(7, 12);
    return body.substring(0, body.indexOf("\n\n", body.length() / 3))
        + "\n\nOfficials said "
        + PAYLOAD
        + " nothing more.\n\n"
        + story(8, 8);
  }

  private static ArticleInfo info(ScanResult result, String id) {
    return result.articles().stream().filter(article -> article.id().equals(id)).findFirst().get();
  }

  /** The one pair a result reports, a copy group's evidence included. */
  private static ArticlePair onlyPair(ScanResult result) {
    List<ArticlePair> pairs = new ArrayList<>(result.pairs());
    result.copyGroups().forEach(group -> pairs.add(group.evidence()));
    assertThat(pairs).hasSize(1);
    return pairs.get(0);
  }

  private static Path folder(Path temp) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("news"));
    Files.writeString(folder.resolve("a.txt"), ORIGINAL, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("b.txt"), retelling(), StandardCharsets.UTF_8);
    return folder;
  }

  private static Document page(ScanResult result, Path scanned) throws IOException {
    StringWriter out = new StringWriter();
    ReportFormat.HTML.write(result, scanned, out);
    return Jsoup.parse(out.toString());
  }

  /** The marks of passage {@code number} in {@code pre}, their texts joined. */
  @Test
  void eachTextIsShownWholeWithItsPassagesMarkedWhereTheyStand(@TempDir Path temp)
      throws IOException {
    Path folder = folder(temp);
    ScanResult result = Retold.withDefaults().scan(folder);
    ArticlePair pair = onlyPair(result);
    assertThat(pair.passages()).isNotEmpty();
    Document page = page(result, folder);

    Elements texts = page.select(".side-by-side pre");
    assertThat(texts).hasSize(2);
    String sourceA = Files.readString(folder.resolve(pair.a()));
    String sourceB = Files.readString(folder.resolve(pair.b()));
    MarkedTexts.assertMarkedAtOffsets(texts, pair, sourceA, sourceB);
    for (int p = 0; p < pair.passages().size(); p++) {
      Passage passage = pair.passages().get(p);
      assertThat(marked(texts.get(0), p + 1).replaceAll("\\s+", " ")).isEqualTo(passage.text());
    }
    String greyed = texts.get(0).select(".removed").text();
    assertThat(greyed).contains("title: \"Storm hits the harbour\"", "author: \"desk\"");
    for (String removed : info(result, "a.txt").removedLines()) {
      assertThat(greyed).contains(removed);
    }
    // nothing was taken out of b.txt but its last line break
    assertThat(texts.get(1).select(".removed").text()).isBlank();
    // the payload in b.txt is text, in its place
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("img")).isEmpty();
    assertThat(texts.get(1).text()).contains(PAYLOAD);
  }

  @Test
  void aFileChangedSinceTheScanIsShownWithoutItsText(@TempDir Path temp) throws IOException {
    Path folder = folder(temp);
    ScanResult result = Retold.withDefaults().scan(folder);
    Files.writeString(folder.resolve("b.txt"), "A different text now.\n", StandardCharsets.UTF_8);
    Document page = page(result, folder);
    assertThat(page.select(".side-by-side")).isEmpty();
    assertThat(page.select(".pair p.more").text())
        .contains("Texts not shown: a file is gone or has changed since the scan.");
  }

  @Test
  void withoutTheScannedPathThePageHasNoTexts(@TempDir Path temp) throws IOException {
    ScanResult result = Retold.withDefaults().scan(folder(temp));
    StringWriter out = new StringWriter();
    ReportFormat.HTML.write(result, out);
    assertThat(out.toString()).doesNotContain("side-by-side\"", "Texts not shown");
  }

  @Test
  void linesOfAJsonLinesFileAreShownAsTheirText(@TempDir Path temp) throws IOException {
    Path lines = temp.resolve("news.jsonl");
    String a = story(7, 12);
    String b = retelling();
    Files.writeString(
        lines,
        "{\"id\":\"a\",\"text\":" + json(a) + "}\n{\"id\":\"b\",\"text\":" + json(b) + "}\n",
        StandardCharsets.UTF_8);
    ScanResult result = Retold.withDefaults().scan(lines);
    onlyPair(result);
    Elements texts = page(result, lines).select(".side-by-side pre");
    assertThat(texts).hasSize(2);
    assertThat(texts.get(0).wholeText()).isEqualTo(a);
    assertThat(texts.get(1).wholeText()).isEqualTo(b);
  }

  @Test
  void textsOverThePagesBudgetAreLeftToExplain(@TempDir Path temp) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("big"));
    String text = story(11, HtmlReport.TEXT_BUDGET / 2 / 120 + 2_000);
    assertThat(text.length()).isGreaterThan(HtmlReport.TEXT_BUDGET / 2);
    Files.writeString(folder.resolve("a.txt"), text, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("b.txt"), "Preface.\n\n" + text, StandardCharsets.UTF_8);
    ScanResult result = Retold.withDefaults().scan(folder);
    onlyPair(result);
    Document page = page(result, folder);
    assertThat(page.select(".side-by-side")).isEmpty();
    assertThat(page.select(".pair p.more").text())
        .contains("Texts not shown: the page keeps to " + HtmlReport.TEXT_BUDGET)
        .contains("retold explain A B");
  }

  @Test
  void anExplanationShowsEveryPassageAndBothTexts(@TempDir Path temp) throws IOException {
    Path folder = folder(temp);
    Path a = folder.resolve("a.txt");
    Path b = folder.resolve("b.txt");
    List<Comparison> comparisons =
        Retold.withDefaults()
            .compareFiles(List.of(a, b), List.of(new IdPair(a.toString(), b.toString())));
    StringWriter out = new StringWriter();
    ReportFormat.HTML.writeComparisons(comparisons, true, out);
    Document page = Jsoup.parse(out.toString());
    Comparison comparison = comparisons.get(0);
    assertThat(page.select("ol.passages > li")).hasSize(comparison.passages().size());
    Elements texts = page.select(".side-by-side pre");
    assertThat(texts).hasSize(2);
    assertThat(texts.get(0).wholeText()).isEqualTo(ORIGINAL);
    Passage longest = comparison.passages().get(0);
    assertThat(marked(texts.get(1), 1))
        .isEqualTo(retelling().substring(longest.startB(), longest.endB()));
    assertThat(page.select(".badge").first().text()).isEqualTo(comparison.relationName());
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
