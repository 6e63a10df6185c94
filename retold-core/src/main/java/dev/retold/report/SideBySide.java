package dev.retold.report;

import dev.retold.Article;
import dev.retold.Passage;
import dev.retold.SourceMap;
import dev.retold.load.ArticleReader;
import java.util.Arrays;
import java.util.List;

/**
 * Two articles' texts side by side as they stand in their files: each shared passage marked (a
 * {@code mark} element with {@code data-passage}, its number in the pair's list of passages), and
 * what the loader took out of the body (front matter, a date line, page chrome, markup) shown
 * greyed, not dropped. Every piece of text goes through {@link HtmlReport#escape}'s rules, line
 * breaks kept.
 */
final class SideBySide {
  private SideBySide() {}

  /**
   * Whether {@code source} is still the text a result's offsets point into: its body as long as the
   * scan's, and every passage inside it.
   */
  static boolean fits(
      ArticleReader.Source source, int bodyLength, List<Passage> passages, boolean a) {
    if (source.article().body().length() != bodyLength) {
      return false;
    }
    int length = source.text().length();
    for (Passage passage : passages) {
      if ((a ? passage.endA() : passage.endB()) > length) {
        return false;
      }
    }
    return true;
  }

  /** The two texts, A's on the left, as one HTML block. */
  static String html(
      String idA,
      ArticleReader.Source a,
      String idB,
      ArticleReader.Source b,
      List<Passage> passages) {
    return "<div class=\"side-by-side\">\n"
        + column(idA, a, passages, true)
        + column(idB, b, passages, false)
        + "</div>\n";
  }

  private static String column(
      String id, ArticleReader.Source source, List<Passage> passages, boolean a) {
    return "<div class=\"text\"><h4><code>"
        + HtmlReport.escape(id)
        + "</code></h4><pre>\n"
        + marked(source, passages, a)
        + "</pre></div>\n";
  }

  /**
   * The source text as HTML: each run of characters that are alike (in the body or not, in which
   * passage) one element.
   */
  static String marked(ArticleReader.Source source, List<Passage> passages, boolean a) {
    String text = source.text();
    int length = text.length();
    boolean[] kept = kept(source.article(), length);
    int[] passageAt = new int[length];
    Arrays.fill(passageAt, -1);
    for (int p = passages.size() - 1; p >= 0; p--) { // the longest, listed first, wins overlaps
      Passage passage = passages.get(p);
      int start = a ? passage.startA() : passage.startB();
      int end = Math.min(length, a ? passage.endA() : passage.endB());
      Arrays.fill(passageAt, Math.min(start, end), end, p);
    }
    StringBuilder html = new StringBuilder(length + length / 8);
    int start = 0;
    while (start < length) {
      int end = start + 1;
      while (end < length && kept[end] == kept[start] && passageAt[end] == passageAt[start]) {
        end++;
      }
      String piece = HtmlReport.escapeLines(text.substring(start, end));
      if (passageAt[start] >= 0) {
        html.append("<mark data-passage=\"")
            .append(passageAt[start] + 1)
            .append(kept[start] ? "\">" : "\" class=\"removed\">")
            .append(piece)
            .append("</mark>");
      } else if (!kept[start]) {
        html.append("<span class=\"removed\">").append(piece).append("</span>");
      } else {
        html.append(piece);
      }
      start = end;
    }
    return html.toString();
  }

  /** Which characters of the source the body keeps: where its source map sends each of them. */
  private static boolean[] kept(Article article, int length) {
    boolean[] kept = new boolean[length];
    SourceMap map = article.sourceMap();
    for (int i = 0; i < article.body().length(); i++) {
      int at = map.toSource(i);
      if (at < length) {
        kept[at] = true;
      }
    }
    return kept;
  }
}
