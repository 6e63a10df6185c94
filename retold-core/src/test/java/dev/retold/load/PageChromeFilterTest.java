package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PageChromeFilterTest {
  private static final String P1 =
      "The minister said on Tuesday that the new rules would take effect next spring across the"
          + " country.";
  private static final String P2 =
      "Critics argued that the plan had been rushed through parliament without enough debate or"
          + " scrutiny.";
  private static final String P3 =
      "Officials expect the first results to be published before the end of the coming year.";

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(
            "leading and trailing chrome around a page",
            lines(
                "World",
                "",
                "Minister unveils sweeping new rules for spring",
                "",
                "Menu",
                "Sign in",
                "",
                P1,
                "",
                P2,
                "",
                "Share this",
                "Related articles",
                "Feedback"),
            List.of("World", "Menu", "Sign in", "Share this", "Related articles", "Feedback"),
            "Minister unveils sweeping new rules for spring"),
        Arguments.of(
            "subheadings between paragraphs stay",
            lines(
                "Home",
                "News",
                "Rules for spring change everything",
                "",
                P1,
                "",
                "Key agenda items",
                "",
                P2,
                "",
                "Diplomatic tightrope",
                "",
                P3,
                "",
                "Login",
                "Subscribe"),
            List.of("Home", "News", "Login", "Subscribe"),
            "Rules for spring change everything"),
        Arguments.of(
            "prose sandwiched in a chrome block goes, prose next to the article stays",
            lines(
                "Home",
                "News",
                "Sports",
                P1,
                P2,
                "He declined to comment.",
                "Report a Problem",
                "Help us improve by reporting any issues.",
                "Problem Reported",
                "Thanks"),
            List.of(
                "Home",
                "News",
                "Sports",
                "Report a Problem",
                "Help us improve by reporting any issues.",
                "Problem Reported",
                "Thanks"),
            null),
        Arguments.of(
            "a run of three short lines in the middle goes",
            lines("Home", "News", "Sports", P1, "Advertisement", "Share", "Tweet", P2, P3),
            List.of("Home", "News", "Sports", "Advertisement", "Share", "Tweet"),
            null),
        Arguments.of(
            "two short lines in the middle stay",
            lines("Home", "News", "Sports", P1, "Part one", "The beginning", P2, P3),
            List.of("Home", "News", "Sports"),
            null),
        Arguments.of(
            "list items break a middle run",
            lines("Home", "News", "Sports", P1, "- apples", "- pears", "- plums", P2, P3),
            List.of("Home", "News", "Sports"),
            null),
        Arguments.of(
            "a run opened by a colon is a list",
            lines("Home", "News", "Sports", P1, "It has:", "2GB RAM", "NFC", "A camera", P2, P3),
            List.of("Home", "News", "Sports"),
            null),
        Arguments.of(
            "a run after a list item is the rest of the list",
            lines("Home", "News", "Sports", P1, "1. Fast chip", "2GB RAM", "NFC", "Camera", P2),
            List.of("Home", "News", "Sports"),
            null),
        Arguments.of(
            "a dateline is not the headline",
            lines("Home", "News", "Jan 6, 2026 10:44", "Lee seeks reset with China", P1, P2),
            List.of("Home", "News", "Jan 6, 2026 10:44"),
            "Lee seeks reset with China"),
        Arguments.of(
            "short quoted sentences stay",
            lines(
                "Home",
                "News",
                "Sports",
                P1,
                "\"We want peace.\"",
                "President Lee",
                P2,
                "\"It is done,\" she said.",
                "Related",
                "Share"),
            List.of("Home", "News", "Sports", "Related", "Share"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void removesChromeOfPages(String name, String text, List<String> removed, String title) {
    Article article = read(text);
    assertThat(article.removedLines()).isEqualTo(removed);
    assertThat(article.title()).isEqualTo(title);
    for (String line : text.split("\n")) {
      if (!removed.contains(line.strip())) {
        assertThat(article.body()).contains(line);
      }
    }
  }

  static Stream<Arguments> plainTexts() {
    return Stream.of(
        Arguments.of(
            "headline, subheadings and a sign-off",
            lines("A headline here", "", P1, "", "Subhead", "", P2, "", "The End"),
            "A headline here"),
        Arguments.of(
            "headline, standfirst and dateline (not enough labels)",
            lines(
                "Red Sox extend offer to Teixeira",
                "Boston reportedly looks to ink free agent slugger for eight years",
                "12 / 16 / 08 1: 30 AM EST",
                P1,
                P2),
            "Red Sox extend offer to Teixeira"),
        Arguments.of(
            "dateline above the headline",
            lines("Friday, June 7, 2013", "Hollywood's mermaid dies", P1, P2),
            "Hollywood's mermaid dies"),
        Arguments.of(
            "one sentence per line, short ones too",
            lines(P1, "He was 75.", "Ballgame.", "Colts win.", P2, "Trust me.", "No."),
            null),
        Arguments.of("no paragraphs at all", lines("Menu", "Home", "News", "Sports"), null),
        Arguments.of("first line is a sentence", lines("It rained.", P1), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainTexts")
  void leavesPlainTextAlone(String name, String text, String title) {
    Article article = read(text);
    assertThat(article.removedLines()).isEmpty();
    assertThat(article.body()).isEqualTo(text.strip());
    assertThat(article.title()).isEqualTo(title);
  }

  @Test
  void creditsGoEvenFromPlainText() {
    Article article = read(lines(P1, "", "By Jane Doe", "", P2, "", "Photo: Reuters"));
    assertThat(article.removedLines()).containsExactly("By Jane Doe", "Photo: Reuters");
    assertThat(article.body()).isEqualTo(P1 + "\n\n" + P2);
  }

  @Test
  void noChromeRemovalWhenTurnedOffButTheHeadlineIsStillFound() {
    String text = lines("Home", "News", "Sports", "Big headline about rules", P1, "By Jane Doe");
    Article article =
        ArticleReaderTest.loaded(
            new ArticleReader(Limits.maxFileBytes(1000), false).read("a", text));
    assertThat(article.removedLines()).isEmpty();
    assertThat(article.body()).isEqualTo(text);
    assertThat(article.title()).isNull(); // "Home" is too short to be a headline
  }

  @Test
  void verdictCopiesItsSet() {
    PageChromeFilter.Verdict verdict = PageChromeFilter.classify(List.of("By Jane Doe", P1));
    verdict.chrome().clear();
    assertThat(verdict.chrome().get(0)).isTrue();
  }

  @Test
  void pageOfOnlyChromeIsSkipped() {
    ReadResult result = ArticleReader.withDefaults().read("a", lines("By Jane Doe", "Photo: AP"));
    assertThat(result).isInstanceOf(ReadResult.Skipped.class);
  }

  private static Article read(String text) {
    return ArticleReaderTest.loaded(ArticleReader.withDefaults().read("page.txt", text));
  }

  private static String lines(String... lines) {
    return String.join("\n", Arrays.asList(lines));
  }
}
