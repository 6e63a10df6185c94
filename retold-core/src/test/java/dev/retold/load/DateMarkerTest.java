package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DateMarkerTest {
  private static final LocalDate JAN_6 = LocalDate.of(2026, 1, 6);

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("alone on its line", "date 2026-01-06\nText here.", JAN_6, "Text here."),
        Arguments.of(
            "opening the paragraph, leading space",
            " date 2026-01-06 South Korean President Lee spoke.\n\nMore.",
            JAN_6,
            "South Korean President Lee spoke.\n\nMore."),
        Arguments.of(
            "after blank lines", "\n\n  date 2026-01-06\r\n\r\nBody text.", JAN_6, "Body text."),
        Arguments.of("capitalised with a colon", "Date: 2026-01-06 Body.", JAN_6, "Body."),
        Arguments.of("tabs", "\tDATE 2026-01-06\tBody.", JAN_6, "Body."),
        Arguments.of("no such day", "date 2026-02-30 Body.", null, "date 2026-02-30 Body."),
        Arguments.of("dated", "dated 2026-01-06 Body.", null, "dated 2026-01-06 Body."),
        Arguments.of("short month", "date 2026-1-6 Body.", null, "date 2026-1-6 Body."),
        Arguments.of("comma after", "date 2026-01-06, Body.", null, "date 2026-01-06, Body."),
        Arguments.of("glued", "date 2026-01-06x Body.", null, "date 2026-01-06x Body."),
        Arguments.of("update", "update 2026-01-06 Body.", null, "update 2026-01-06 Body."),
        Arguments.of(
            "not the first line",
            "Body first.\ndate 2026-01-06 later.",
            null,
            "Body first.\ndate 2026-01-06 later."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void takesTheMarkerOutOfTheBody(String name, String text, LocalDate date, String body) {
    Article article = ArticleReaderTest.loaded(ArticleReader.withDefaults().read("a.txt", text));
    assertThat(article.date()).isEqualTo(date);
    assertThat(article.body()).isEqualTo(body);
    assertThat(article.removedLines()).isEmpty();
  }

  @Test
  void measuresTheMarkerAndTheSpaceAfterIt() {
    assertThat(DateMarker.find(" date 2026-01-06  rest")).contains(new DateMarker(JAN_6, 18));
    assertThat(DateMarker.find("date 2026-01-06")).contains(new DateMarker(JAN_6, 15));
    assertThat(DateMarker.find("date")).isEmpty();
  }

  @Test
  void frontMatterDateWinsButTheMarkerStillLeaves() {
    String text = "---\ndate: 2025-12-31\n---\ndate 2026-01-06 Body.";
    Article article = ArticleReaderTest.loaded(ArticleReader.withDefaults().read("a.md", text));
    assertThat(article.date()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(article.body()).isEqualTo("Body.");
  }

  @Test
  void markerGivesTheDateWhenFrontMatterHasNone() {
    String text = "---\ntitle: T\n---\n\ndate 2026-01-06\nBody.";
    Article article = ArticleReaderTest.loaded(ArticleReader.withDefaults().read("a.md", text));
    assertThat(article.date()).isEqualTo(JAN_6);
    assertThat(article.title()).isEqualTo("T");
    assertThat(article.body()).isEqualTo("Body.");
  }
}
