package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link FolderLoader} found: the articles it loaded and the files it skipped. Every
 * file appears in exactly one of the two lists, once.
 *
 * @param articles the loaded articles, sorted by id (the relative path)
 * @param skipped the skipped files with their reasons, sorted by path (a JSON Lines file's lines by
 *     number: {@link SkippedOrder})
 */
public record LoadResult(List<Article> articles, List<SkippedFile> skipped) {

  /** Copies and sorts both lists; refuses a path that appears twice. */
  public LoadResult {
    Objects.requireNonNull(articles, "articles");
    Objects.requireNonNull(skipped, "skipped");
    List<Article> sortedArticles = new ArrayList<>(articles);
    sortedArticles.sort(Comparator.comparing(Article::id));
    List<SkippedFile> sortedSkipped = new ArrayList<>(skipped);
    sortedSkipped.sort(SkippedOrder.BY_PATH);
    Set<String> seen = new HashSet<>();
    for (Article article : sortedArticles) {
      if (!seen.add(article.id())) {
        throw new IllegalArgumentException("path appears twice: " + article.id());
      }
    }
    for (SkippedFile file : sortedSkipped) {
      if (!seen.add(file.path())) {
        throw new IllegalArgumentException("path appears twice: " + file.path());
      }
    }
    articles = List.copyOf(sortedArticles);
    skipped = List.copyOf(sortedSkipped);
  }

  /** Reads the whole of {@code source} into memory: every article and every skipped entry. */
  static LoadResult readAll(ArticleSource source) throws IOException {
    List<Article> articles = new ArrayList<>();
    List<SkippedFile> skipped =
        source.read(
            batch -> {
              for (ArticleSource.Located located : batch) {
                articles.add(located.article());
              }
            });
    return new LoadResult(articles, skipped);
  }

  /** How many files were found: loaded plus skipped. */
  public int filesFound() {
    return articles.size() + skipped.size();
  }
}
