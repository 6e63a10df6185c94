package dev.retold.scan;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.WordTokenizer;
import java.io.IOException;

/**
 * Reads an article of the scan again, by its index, and analyses it in full for its evidence. An
 * article that reads differently from the first time fails the scan: its evidence would point into
 * a text the first pass never saw. Thread-safe as the source's {@code reread} is.
 */
final class Rereader {
  private final ArticleSource source;
  private final ArticleTable articles;
  private final int shingleSize;
  private final WordTokenizer tokenizer = new WordTokenizer();

  Rereader(ArticleSource source, ArticleTable articles, int shingleSize) {
    this.source = source;
    this.articles = articles;
    this.shingleSize = shingleSize;
  }

  /** How many articles there are to read. */
  int size() {
    return articles.size();
  }

  /**
   * Article {@code k}, read again and analysed.
   *
   * @throws IOException if it cannot be read, or reads differently from the first time
   */
  AnalyzedArticle read(int k) throws IOException {
    Article article = source.reread(articles.position(k));
    if (!articles.readsTheSame(k, article)) {
      throw new IOException(articles.id(k) + " changed while it was scanned");
    }
    return AnalyzedArticle.of(article, BodyAnalysis.of(article.body(), tokenizer, shingleSize));
  }
}
