package dev.retold.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where generated articles go, one at a time, so a corpus of any size can be written with a small
 * heap. Get one from {@link ArticleSinks}; every sink also writes {@code labels.tsv}, one line per
 * article in the order accepted:
 *
 * <pre>
 * file&lt;TAB&gt;story&lt;TAB&gt;relation&lt;TAB&gt;origin&lt;TAB&gt;detail
 * </pre>
 *
 * <p>{@code file} is where the article is (see each sink), {@code story}, {@code relation} and
 * {@code detail} are those of {@link GeneratedArticle}, {@code origin} is the origin's id; an
 * absent origin or an empty detail is written {@code -}, so no field is ever empty.
 *
 * <p>Not thread-safe. Close it to finish the files; what was accepted before a failure stays
 * written.
 */
public interface ArticleSink extends Closeable {
  /** Writes one article and its label line. */
  void accept(GeneratedArticle article) throws IOException;

  /** How many articles were accepted. */
  long articles();

  /**
   * How many bytes were written, labels included; exact once closed, at most a buffer behind
   * before.
   */
  long bytes();
}
