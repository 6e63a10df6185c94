package dev.retold.load;

import dev.retold.Article;
import java.util.Objects;

/**
 * What {@link ArticleReader} made of one file: an article, or the reason it was skipped.
 *
 * <p>Sealed, so that a caller's {@code switch} (or {@code instanceof} chain) covers both outcomes.
 */
public sealed interface ReadResult {

  /**
   * The file was read as an article.
   *
   * @param article the article
   */
  record Loaded(Article article) implements ReadResult {
    /** Checks the article is present. */
    public Loaded {
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * The file was not loaded.
   *
   * @param reason why, e.g. {@code "empty file"} or {@code "too large (20000000 bytes > limit
   *     16777216)"}
   */
  record Skipped(String reason) implements ReadResult {
    /** Checks the reason is present and not blank. */
    public Skipped {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }
}
