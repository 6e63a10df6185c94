package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Article;
import dev.retold.SkippedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadResultTest {

  @Test
  void sortsBothListsByPathAndCounts() {
    LoadResult result =
        new LoadResult(
            List.of(Article.of("b.txt", "B"), Article.of("a.txt", "A")),
            List.of(new SkippedFile("d.txt", "empty file"), new SkippedFile("c.txt", "no text")));
    assertThat(result.articles()).extracting(Article::id).containsExactly("a.txt", "b.txt");
    assertThat(result.skipped()).extracting(SkippedFile::path).containsExactly("c.txt", "d.txt");
    assertThat(result.filesFound()).isEqualTo(4);
  }

  @Test
  void refusesAPathInBothLists() {
    assertThatThrownBy(
            () ->
                new LoadResult(
                    List.of(Article.of("a.txt", "A")),
                    List.of(new SkippedFile("a.txt", "empty file"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path appears twice: a.txt");
  }

  @Test
  void isImmutable() {
    LoadResult result = new LoadResult(List.of(), List.of());
    assertThatThrownBy(() -> result.articles().add(Article.of("a", "b")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
