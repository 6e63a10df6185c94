package dev.retold;

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
 * <p>Each article is handed out with its position: a handle the source chooses (an index, a byte
 * offset, a row key) from which {@link #reread(long)} reads it again. A position must depend only
 * on the source's content, never on what an earlier {@link #read} call remembered, so that any
 * article can be read again in any order. A source reads the same articles on every call as long as
 * its content does not change; the scan checks each article it reads again against its first
 * reading and fails if the two differ.
 *
 * <p>Sources over files hold them open until {@link #close()}. A source is used by one scan at a
 * time; {@link #reread(long)} may be called from several threads at once.
 */
public interface ArticleSource extends Closeable {
  /** How many articles a source hands out at once: enough to share out among cores. */
  int BATCH = 4096;

  /**
   * An article as a source hands it out, with the position it can be read again at.
   *
   * @param article the article
   * @param position where {@link #reread(long)} finds it again
   */
  record Located(Article article, long position) {
    /** Checks the article is present. */
    public Located {
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * Reads every article once, in a fixed order, handing them to {@code batches} a batch at a time
   * (a batch is never empty; it may be reused once {@code batches} returns).
   *
   * @return the entries that could not be read as articles, with their reasons
   * @throws IOException if the source itself (not one of its entries) cannot be read
   */
  List<SkippedFile> read(Consumer<List<Located>> batches) throws IOException;

  /**
   * The article at {@code position}, read again.
   *
   * @throws IOException if it can no longer be read
   * @throws IllegalArgumentException if no article was handed out at that position
   */
  Article reread(long position) throws IOException;

  /** How many articles {@link #read} will hand out, if known in advance; otherwise 0. */
  default int size() {
    return 0;
  }

  /**
   * Articles the caller already holds: read in the order given, in batches of {@value #BATCH}, each
   * at its index in the list.
   */
  static ArticleSource of(List<Article> articles) {
    List<Article> copy = List.copyOf(Objects.requireNonNull(articles, "articles"));
    return new ArticleSource() {
      @Override
      public List<SkippedFile> read(Consumer<List<Located>> batches) {
        for (int from = 0; from < copy.size(); from += BATCH) {
          List<Located> batch = new ArrayList<>();
          for (int i = from; i < Math.min(copy.size(), from + BATCH); i++) {
            batch.add(new Located(copy.get(i), i));
          }
          batches.accept(batch);
        }
        return List.of();
      }

      @Override
      public Article reread(long position) {
        if (position < 0 || position >= copy.size()) {
          throw new IllegalArgumentException("no article at position " + position);
        }
        return copy.get((int) position);
      }

      @Override
      public int size() {
        return copy.size();
      }

      @Override
      public void close() {}
    };
  }
}
