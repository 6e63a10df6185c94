package dev.retold;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One news article as Retold sees it: the body text with its metadata, and the way back from the
 * body to the file it came from.
 *
 * <p>The {@code body} is the article's text as it stands in the source, minus what the loader took
 * out (front matter, a leading date marker, page chrome); it is not yet normalised. Of an HTML
 * page, it is the text of the page's article as a browser shows it, one line per paragraph. {@link
 * #sourceMap()} maps every character of the body to its character in the source text (in a page, a
 * character decoded from a reference such as {@code &amp;} to the reference), so that evidence
 * found in the body can point into the file as it is on disk.
 *
 * @param id the article's identity: the path relative to the scanned folder (with {@code /}), or a
 *     caller-chosen id; never blank
 * @param title the title from metadata or the leading headline line, or {@code null}
 * @param date the publication date from metadata or a date marker, or {@code null}
 * @param body the article text, never {@code null} (may be empty)
 * @param metadata scalar front-matter fields (author, tags, excerpt...) in key order; never {@code
 *     null}
 * @param removedLines lines the loader removed from the body as page chrome, in file order
 * @param sourceMap maps body offsets to offsets in the decoded source text
 */
public record Article(
    String id,
    String title,
    LocalDate date,
    String body,
    Map<String, String> metadata,
    List<String> removedLines,
    SourceMap sourceMap) {

  /** Checks the fields and copies the collections (as {@link ArticleInfo} does). */
  public Article {
    Objects.requireNonNull(body, "body");
    ArticleInfo checked = new ArticleInfo(id, title, date, metadata, removedLines, body.length());
    metadata = checked.metadata();
    removedLines = checked.removedLines();
    sourceMap = sourceMap == null ? SourceMap.identity(body.length()) : sourceMap;
    if (sourceMap.bodyLength() != body.length()) {
      throw new IllegalArgumentException(
          "sourceMap covers " + sourceMap.bodyLength() + " chars but body has " + body.length());
    }
  }

  /**
   * An article made by a caller rather than loaded from a file: no metadata, nothing removed,
   * offsets into the body itself.
   */
  public static Article of(String id, String body) {
    return new Article(id, null, null, body, Map.of(), List.of(), null);
  }

  /** The same article with a title and a date, for callers who have them. */
  public Article withTitleAndDate(String newTitle, LocalDate newDate) {
    return new Article(id, newTitle, newDate, body, metadata, removedLines, sourceMap);
  }

  /** What a scan result keeps of this article: everything but the body and the source map. */
  public ArticleInfo info() {
    return new ArticleInfo(id, title, date, metadata, removedLines, body.length());
  }
}
