package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Article;
import dev.retold.ArticleInfo;
import org.junit.jupiter.api.Test;

class ArticleTableTest {
  private static final Article A = Article.of("a.txt", "The first article.");
  private static final Article B = Article.of("b.txt", "The second article.");

  private final ArticleTable table =
      new ArticleTable(
          new ArticleInfo[] {A.info(), B.info()},
          new long[] {40, 7},
          new long[] {ArticleTable.bodyHash(A.body()), ArticleTable.bodyHash(B.body())},
          new long[] {11, 12});

  @Test
  void findsArticlesByIdAndTheirPositions() {
    assertThat(table.indexOf("b.txt")).isEqualTo(1);
    assertThat(table.position(1)).isEqualTo(7);
    assertThat(table.infos()).containsExactly(A.info(), B.info());
    assertThatThrownBy(() -> table.indexOf("c.txt")).hasMessage("no article with the id c.txt");
  }

  @Test
  void tellsASecondReadingThatDiffers() {
    assertThat(table.readsTheSame(0, A)).isTrue();
    assertThat(table.readsTheSame(0, Article.of("a.txt", "The first article!"))).isFalse();
    assertThat(table.readsTheSame(0, B)).isFalse();
  }

  @Test
  void isNotChangedThroughItsList() {
    assertThatThrownBy(() -> table.infos().set(0, B.info()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
