package dev.retold.scan;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads an article of the scan again, by its index, and analyses it in full for its evidence. An
 * article that reads differently from the first time fails the scan: its evidence would point into
 * a text the first pass never saw. Thread-safe as the source's {@code reread} is.
 *
 * <p>Analyses are kept, up to a budget of memory, for the passes after the first to share: the
 * verification of copy candidates reads most of the articles the evidence pass reads next (a
 * verified copy is reported with its passages), and without them kept each is read and analysed
 * twice. An analysis is the same whether it was kept or made again, so what is kept (which, once
 * the budget is spent, depends on which thread came first) never changes a result.
 */
final class Rereader {
  /** Bytes an analysis is taken to hold per character of its body (its arrays, per word). */
  private static final int BYTES_PER_CHAR = 8;

  private final ArticleSource source;
  private final ArticleTable articles;
  private final int shingleSize;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final Map<Integer, AnalyzedArticle> kept = new ConcurrentHashMap<>();
  private final AtomicLong room;

  /** A reader that keeps no analyses. */
  Rereader(ArticleSource source, ArticleTable articles, int shingleSize) {
    this(source, articles, shingleSize, 0);
  }

  /**
   * A reader that keeps analyses up to about {@code keepBytes} of memory.
   *
   * @throws IllegalArgumentException if {@code keepBytes} is negative
   */
  Rereader(ArticleSource source, ArticleTable articles, int shingleSize, long keepBytes) {
    if (keepBytes < 0) {
      throw new IllegalArgumentException("keepBytes must be >= 0: " + keepBytes);
    }
    this.source = source;
    this.articles = articles;
    this.shingleSize = shingleSize;
    this.room = new AtomicLong(keepBytes);
  }

  /**
   * The memory a scan keeps analyses in: a sixteenth of the heap the JVM may grow to, at most 512
   * MB.
   */
  static long defaultKeepBytes() {
    return Math.min(Runtime.getRuntime().maxMemory() / 16, 512L << 20);
  }

  /** How many articles there are to read. */
  int size() {
    return articles.size();
  }

  /** How many analyses are kept. */
  int kept() {
    return kept.size();
  }

  /**
   * Article {@code k}, read again and analysed (or its analysis as kept).
   *
   * @throws IOException if it cannot be read, or reads differently from the first time
   */
  AnalyzedArticle read(int k) throws IOException {
    AnalyzedArticle held = kept.get(k);
    if (held != null) {
      return held;
    }
    Article article = source.reread(articles.position(k));
    if (!articles.readsTheSame(k, article)) {
      throw new IOException(articles.id(k) + " changed while it was scanned");
    }
    AnalyzedArticle analysed =
        AnalyzedArticle.of(article, BodyAnalysis.of(article.body(), tokenizer, shingleSize));
    long size = (long) BYTES_PER_CHAR * article.body().length();
    long left = room.get();
    while (left >= size && !room.compareAndSet(left, left - size)) {
      left = room.get();
    }
    if (left >= size) {
      kept.putIfAbsent(k, analysed);
    }
    return analysed;
  }
}
