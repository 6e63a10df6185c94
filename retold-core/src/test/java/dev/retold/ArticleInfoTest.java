package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleInfoTest {
  private static final LocalDate DATE = LocalDate.of(2026, 1, 6);

  @Test
  void infoKeepsEverythingButTheBody() {
    Article article =
        new Article(
            "news/a.md",
            "A title",
            DATE,
            "Body text, \u00e9t\u00e9.",
            Map.of("author", "Kim", "tags", "politics"),
            List.of("Navigation", "Share this"),
            null);
    assertThat(article.info())
        .isEqualTo(
            new ArticleInfo(
                "news/a.md",
                "A title",
                DATE,
                Map.of("author", "Kim", "tags", "politics"),
                List.of("Navigation", "Share this"),
                15));
  }

  @Test
  void lengthCountsCharsNotCodePoints() {
    assertThat(Article.of("a", "\uD83D\uDCF0 news").info().length()).isEqualTo(7);
    assertThat(Article.of("a", "").info().length()).isZero();
  }

  @Test
  void anArticleMadeByACallerHasNoTitleDateMetadataOrRemovedLines() {
    ArticleInfo info = Article.of("a", "text").info();
    assertThat(info.title()).isNull();
    assertThat(info.date()).isNull();
    assertThat(info.metadata()).isEmpty();
    assertThat(info.removedLines()).isEmpty();
  }

  @Test
  void nullCollectionsBecomeEmpty() {
    ArticleInfo info = new ArticleInfo("a", null, null, null, null, 0);
    assertThat(info.metadata()).isEmpty();
    assertThat(info.removedLines()).isEmpty();
  }

  @Test
  void refusesAMissingOrBlankId() {
    assertThatThrownBy(() -> new ArticleInfo(null, null, null, null, null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> new ArticleInfo(" ", null, null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
  }

  @Test
  void refusesANegativeLength() {
    assertThatThrownBy(() -> new ArticleInfo("a", null, null, null, null, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must be >= 0: -1");
  }

  @Test
  void copiesTheCollections() {
    Map<String, String> metadata = new HashMap<>(Map.of("b", "2", "a", "1"));
    List<String> removed = new ArrayList<>(List.of("Navigation"));
    ArticleInfo info = new ArticleInfo("a", null, null, metadata, removed, 0);
    metadata.put("c", "3");
    removed.add("Share this");
    assertThat(info.metadata()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(info.removedLines()).containsExactly("Navigation");
  }

  @Test
  void collectionsAreImmutable() {
    ArticleInfo info = new ArticleInfo("a", null, null, Map.of("a", "1"), List.of("Navigation"), 0);
    assertThatThrownBy(() -> info.metadata().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> info.removedLines().add("Share this"))
        .isInstanceOf(UnsupportedOperationException.class);
    ArticleInfo fromArticle =
        new Article("a", null, null, "x", Map.of("a", "1"), List.of("Navigation"), null).info();
    assertThatThrownBy(() -> fromArticle.metadata().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fromArticle.removedLines().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
