package dev.retold;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a scan result keeps of one {@link Article}: everything but the body and its source map.
 *
 * <p>A scan may cover a million articles, and holding every body until the result is handed back
 * would cost gigabytes for text the caller already has on disk. The result needs no bodies: the
 * evidence for each link is in {@link ArticlePair#passages()}, whose offsets point into the source
 * files, and {@link #length()} is all {@link CanonicalRule#LONGEST} compares.
 *
 * @param id the article's identity, as in {@link Article#id()}; never blank
 * @param title the title from metadata or the leading headline line, or {@code null}
 * @param date the publication date from metadata or a date marker, or {@code null}
 * @param metadata scalar front-matter fields (author, tags, excerpt...) in key order; never {@code
 *     null}
 * @param removedLines lines the loader removed from the body as page chrome, in file order
 * @param length the body's length in {@code char}s, never negative
 */
public record ArticleInfo(
    String id,
    String title,
    LocalDate date,
    Map<String, String> metadata,
    List<String> removedLines,
    int length) {

  /** Checks the fields and copies the collections. */
  public ArticleInfo {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    removedLines = removedLines == null ? List.of() : List.copyOf(removedLines);
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0: " + length);
    }
  }
}
