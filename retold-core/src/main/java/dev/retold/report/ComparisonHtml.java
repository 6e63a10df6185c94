package dev.retold.report;

import dev.retold.Comparison;
import dev.retold.load.ArticleReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Comparisons as one HTML page (the page of {@code retold explain}): per pair its relation and
 * scores in plain words, every shared passage, and both texts side by side with the passages
 * marked, under the same rules as the scan's page ({@link HtmlReport}: one escape function, a
 * Content-Security-Policy that lets nothing in).
 */
final class ComparisonHtml {
  private ComparisonHtml() {}

  static void write(List<Comparison> comparisons, EvidenceTexts texts, Writer out)
      throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    comparisons.forEach(comparison -> ids.add(comparison.a()));
    comparisons.forEach(comparison -> ids.add(comparison.b()));
    Map<String, ArticleReader.Source> sources = texts.read(ids);
    HtmlReport.head("Retold: how articles relate", out);
    out.write(
        "<p class=\"summary\">"
            + comparisons.size()
            + (comparisons.size() == 1 ? " pair" : " pairs")
            + " compared</p>\n<div id=\"tools\"></div>\n</header>\n<main>\n");
    for (Comparison comparison : comparisons) {
      String relation = comparison.relationName();
      out.write(
          "<section class=\"story pair\"><h2><span class=\"badge "
              + relation
              + "\">"
              + relation
              + "</span> <code>"
              + HtmlReport.escape(comparison.a())
              + "</code> and <code>"
              + HtmlReport.escape(comparison.b())
              + "</code></h2>\n<p class=\"why\">"
              + HtmlReport.escape(PlainWords.scores(comparison))
              + "</p>\n");
      HtmlReport.writeNames(comparison.sharedNames(), out);
      HtmlReport.writePassages(comparison.passages(), Integer.MAX_VALUE, out);
      ArticleReader.Source a = sources.get(comparison.a());
      ArticleReader.Source b = sources.get(comparison.b());
      if (a != null
          && b != null
          && SideBySide.fits(a, a.article().body().length(), comparison.passages(), true)
          && SideBySide.fits(b, b.article().body().length(), comparison.passages(), false)) {
        out.write(SideBySide.html(comparison.a(), a, comparison.b(), b, comparison.passages()));
      } else {
        out.write("<p class=\"more\">Texts not shown: a file could not be read again.</p>\n");
      }
      out.write("</section>\n");
    }
    HtmlReport.tail(out);
  }
}
