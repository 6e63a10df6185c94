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
  void linesOfAFileSortByNumberAndTheRestAsStrings() {
    List<String> paths =
        List.of("c.jsonl:11", "c.jsonl:2", "b.txt", "c.jsonl:02", "c.jsonl", "a:10", "a:9", "B");
    List<SkippedFile> skipped = paths.stream().map(path -> new SkippedFile(path, "r")).toList();
    LoadResult result = new LoadResult(List.of(), skipped);
    assertThat(result.skipped())
        .extracting(SkippedFile::path)
        .containsExactly(
            "B", "a:9", "a:10", "b.txt", "c.jsonl", "c.jsonl:02", "c.jsonl:2", "c.jsonl:11");
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
