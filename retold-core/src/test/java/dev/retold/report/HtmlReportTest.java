package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The HTML report parsed back as a browser would (jsoup's HTML5 parser): hostile strings stay text,
 * the page's policy pins its own style and script, and large results stay bounded.
 */
class HtmlReportTest {
  private static final List<String> PAYLOADS =
      List.of(
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(2)>",
          "\"><svg onload=alert(3)>",
          "javascript:alert(4)",
          "'><a href='javascript:alert(5)'>x</a>",
          "</style><script>alert(6)</script>",
          "--><script>alert(7)</script><!--");

  private static ArticleInfo article(String id, String title, List<String> removed) {
    return new ArticleInfo(
        id, title, null, title == null ? Map.of() : Map.of("note", title), removed, 100);
  }

  /** Every string of the result that an article or a file name sets holds a payload. */
  private static ScanResult hostile() {
    List<ArticleInfo> articles = new ArrayList<>();
    List<StoryMember> members = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String payload = PAYLOADS.get(i);
      articles.add(article(payload + i + ".txt", payload, List.of(payload)));
      if (i > 0) {
        members.add(new StoryMember(payload + i + ".txt", Relation.DERIVED));
      }
    }
    String canonical = articles.get(0).id();
    List<ArticlePair> pairs = new ArrayList<>();
    for (int i = 1; i < articles.size(); i++) {
      String other = articles.get(i).id();
      String a = canonical.compareTo(other) < 0 ? canonical : other;
      String b = a.equals(canonical) ? other : canonical;
      pairs.add(
          new ArticlePair(
              a,
              b,
              Relation.DERIVED,
              canonical,
              0.5,
              0.3,
              0.4,
              0.6,
              List.of(new Passage(3, 0, 10, 0, 10, PAYLOADS.get(i)))));
    }
    articles.add(article("alone" + PAYLOADS.get(2), PAYLOADS.get(3), List.of()));
    return new ScanResult(
        articles,
        List.of(
            new Story(PAYLOADS.get(1), canonical, members),
            new Story("s2", articles.get(articles.size() - 1).id(), List.of())),
        List.of(),
        pairs,
        List.of(new SkippedFile(PAYLOADS.get(0) + ".bin", "binary: " + PAYLOADS.get(2))),
        new ScanSummary(9, 8, 1, 1, pairs.size()));
  }

  private static String write(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    ReportFormat.HTML.write(result, out);
    return out.toString();
  }

  @Test
  void noStringFromAnArticleOrAFileNameBecomesMarkup() throws IOException {
    Document page = Jsoup.parse(write(hostile()));
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.selectFirst("script").data()).isEqualTo(HtmlReport.SCRIPT);
    assertThat(page.select("style")).hasSize(1);
    assertThat(page.select("svg")).hasSize(1); // the story's drawing, nothing planted
    assertThat(page.select("img, a, iframe, object, embed, form, base, link")).isEmpty();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).as("in <%s>", element.tagName()).doesNotStartWith("on");
        assertThat(attribute.getKey()).isNotIn("href", "src", "action", "formaction", "style");
        assertThat(attribute.getValue()).doesNotContain("javascript:");
      }
    }
    for (String payload : PAYLOADS) {
      assertThat(page.text()).contains(payload.replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  void thePolicyFetchesNothingAndRunsOnlyThePagesOwnStyleAndScript() throws IOException {
    Document page = Jsoup.parse(write(hostile()));
    String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(policy)
        .startsWith("default-src 'none';")
        .contains("style-src '" + sha256(page.selectFirst("style").data()) + "'")
        .contains("script-src '" + sha256(page.selectFirst("script").data()) + "'")
        .contains("base-uri 'none'", "form-action 'none'")
        .doesNotContain("unsafe", "http", "*");
  }

  @Test
  void aCopyGroupOfAThousandNamesAFewAndCountsTheRest() throws IOException {
    List<ArticleInfo> articles = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    List<StoryMember> members = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String id = String.format("copy-%04d.txt", i);
      articles.add(article(id, null, List.of()));
      copies.add(id);
      if (i > 0) {
        members.add(new StoryMember(id, Relation.DUPLICATE));
      }
    }
    ArticlePair evidence =
        new ArticlePair(
            copies.get(0), copies.get(1), Relation.DUPLICATE, null, 1, 1, 1, 1, List.of());
    ScanResult result =
        new ScanResult(
            articles,
            List.of(new Story("s1", copies.get(0), members)),
            List.of(new CopyGroup("c1", copies.get(0), copies, Relation.DUPLICATE, evidence)),
            List.of(),
            List.of(),
            new ScanSummary(1000, 1000, 0, 1, 0, 1, 1000));
    String html = write(result);
    Document page = Jsoup.parse(html);
    assertThat(page.text()).contains("copy group c1: 1000 articles", "and 989 more");
    assertThat(page.select("table.members tr"))
        .hasSize(1); // the header: the group is the canonical
    long named = copies.stream().filter(html::contains).count();
    assertThat(named).isEqualTo(HtmlReport.COPIES_NAMED + 1);
    assertThat(html.length()).isLessThan(20_000);
  }

  @Test
  void manyStoriesShowTheLargestInFullAndTheRestOneLineEach() throws IOException {
    List<ArticleInfo> articles = new ArrayList<>();
    List<Story> stories = new ArrayList<>();
    int count = HtmlReport.FULL_STORIES + 50;
    for (int s = 0; s < count; s++) {
      int size = s == count - 1 ? 5 : 2; // the last story is the largest: it comes first
      List<StoryMember> members = new ArrayList<>();
      for (int m = 0; m < size; m++) {
        String id = "s" + s + "-" + m + ".txt";
        articles.add(article(id, null, List.of()));
        if (m > 0) {
          members.add(new StoryMember(id, Relation.SAME_STORY));
        }
      }
      stories.add(new Story("s" + (s + 1), "s" + s + "-0.txt", members));
    }
    Document page =
        Jsoup.parse(
            write(
                new ScanResult(
                    articles,
                    stories,
                    List.of(),
                    List.of(),
                    List.of(),
                    new ScanSummary(articles.size(), articles.size(), 0, count, 0))));
    assertThat(page.select("section.story")).hasSize(HtmlReport.FULL_STORIES);
    assertThat(page.select("section.story").first().id()).isEqualTo("story-s" + count);
    assertThat(page.select("tr.story")).hasSize(50);
    assertThat(page.text()).contains("50 more stories");
  }

  @Test
  void membersAreExplainedInPlainWords() throws IOException {
    Document page = Jsoup.parse(write(hostile()));
    assertThat(page.select("table.members .why").first().text())
        .isEqualTo(
            "reuses the canonical article's wording: 40% of its word sequences are in the canonical"
                + " article, 60% of the canonical's in it; 1 shared passage, the longest 3 words");
    assertThat(page.select(".badge.DERIVED")).isNotEmpty();
  }

  @Test
  void aPairShowsItsLongestPassagesAndCountsTheRest() throws IOException {
    List<Passage> passages = new ArrayList<>();
    for (int words = 9; words >= 5; words--) {
      passages.add(new Passage(words, 0, words, 0, words, "passage of " + words + " words"));
    }
    ScanResult result =
        new ScanResult(
            List.of(article("a.txt", null, List.of()), article("b.txt", null, List.of())),
            List.of(new Story("s1", "a.txt", List.of(new StoryMember("b.txt", Relation.DERIVED)))),
            List.of(),
            List.of(
                new ArticlePair(
                    "a.txt", "b.txt", Relation.DERIVED, "a.txt", 0.5, 0.3, 0.4, 0.6, passages)),
            List.of(),
            new ScanSummary(2, 2, 0, 1, 1));
    Document page = Jsoup.parse(write(result));
    assertThat(page.select("blockquote").eachText())
        .containsExactly("passage of 9 words", "passage of 8 words", "passage of 7 words");
    assertThat(page.select(".pair > p.more").text()).isEqualTo("and 2 shorter passages");
  }

  @Test
  void comparisonsAreNotWrittenAsCsv() {
    assertThatThrownBy(() -> ReportFormat.CSV.writeComparisons(List.of(), new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String sha256(String text) {
    try {
      return "sha256-"
          + Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
