package dev.retold.load;

import dev.retold.Article;
import dev.retold.SkippedFile;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scan's articles, read twice: once in order, a batch at a time, so that a scan need never hold
 * every body at once; then again one at a time, by position, for the few articles whose evidence a
 * scan reports. A million articles are 3.5 GB of text; the scan keeps a few kilobytes of each.
 *
 * <p>Positions count the articles {@link #read} hands out, from 0, in the order it hands them out.
 * A source reads the same articles on every call as long as its files do not change; the scan
 * checks each article it reads again against its first reading and fails if the two differ.
 *
 * <p>Sources over files hold them open until {@link #close()}.
 */
public interface ArticleSource extends Closeable {

  /**
   * Reads every article once, in a fixed order, handing them to {@code batches} a batch at a time
   * (a batch is never empty; it may be reused once {@code batches} returns).
   *
   * @return the entries that could not be read as articles, with their reasons
   * @throws IOException if the source itself (not one of its entries) cannot be read
   */
  List<SkippedFile> read(Consumer<List<Article>> batches) throws IOException;

  /**
   * The article at {@code position}, read again.
   *
   * @throws IOException if it can no longer be read
   * @throws IndexOutOfBoundsException if {@link #read} did not hand out that many articles
   */
  Article reread(int position) throws IOException;

  /** How many articles {@link #read} will hand out, if known in advance; otherwise 0. */
  default int size() {
    return 0;
  }

  /** Reads the whole source into memory: every article and every skipped entry. */
  default LoadResult readAll() throws IOException {
    List<Article> articles = new ArrayList<>();
    List<SkippedFile> skipped = read(articles::addAll);
    return new LoadResult(articles, skipped);
  }

  /** Articles the caller already holds: read in the order given, in batches of 4,096. */
  static ArticleSource of(List<Article> articles) {
    List<Article> copy = List.copyOf(Objects.requireNonNull(articles, "articles"));
    return new ArticleSource() {
      @Override
      public List<SkippedFile> read(Consumer<List<Article>> batches) {
        for (int from = 0; from < copy.size(); from += BATCH) {
          batches.accept(copy.subList(from, Math.min(copy.size(), from + BATCH)));
        }
        return List.of();
      }

      @Override
      public Article reread(int position) {
        return copy.get(position);
      }

      @Override
      public int size() {
        return copy.size();
      }

      @Override
      public void close() {}
    };
  }

  /** How many articles a source hands out at once: enough to share out among cores. */
  int BATCH = 4096;
}
