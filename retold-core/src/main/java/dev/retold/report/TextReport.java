package dev.retold.report;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable report: each story of two or more articles with its canonical article and each
 * member's relation to it (with the scores behind a direct link), the articles that stand alone,
 * the skipped files with their reasons, and one summary line.
 */
final class TextReport implements ReportWriter {
  private static final int TITLE_WIDTH = 70;
  private static final String INDENT = " ".repeat(17);

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, ArticleInfo> articles = new HashMap<>();
    for (ArticleInfo article : result.articles()) {
      articles.put(article.id(), article);
    }
    Map<String, ArticlePair> pairs = new HashMap<>();
    for (ArticlePair pair : result.pairs()) {
      pairs.put(pair.a() + '\n' + pair.b(), pair);
    }
    List<Story> groups = result.stories().stream().filter(story -> story.size() > 1).toList();
    List<Story> alone = result.stories().stream().filter(story -> story.size() == 1).toList();
    for (Story story : groups) {
      out.write("Story " + story.id() + ": " + story.size() + " articles\n");
      out.write(line("CANONICAL", articles.get(story.canonical()), ""));
      for (StoryMember member : story.members()) {
        ArticlePair direct = pairs.get(key(story.canonical(), member.id()));
        out.write(
            line(
                member.relation().name(),
                articles.get(member.id()),
                evidence(direct, member.id())));
      }
      out.write("\n");
    }
    if (!alone.isEmpty()) {
      out.write("Standing alone: " + alone.size() + " article" + plural(alone.size()) + "\n");
      for (Story story : alone) {
        out.write(aloneLine(articles.get(story.canonical())));
      }
      out.write("\n");
    }
    if (!result.skipped().isEmpty()) {
      out.write(
          "Skipped: " + result.skipped().size() + " file" + plural(result.skipped().size()) + "\n");
      for (SkippedFile file : result.skipped()) {
        out.write("  " + visible(file.path()) + ": " + visible(file.reason()) + "\n");
      }
      out.write("\n");
    }
    out.write(summaryLine(result.summary()) + "\n");
    out.flush();
  }

  /** The one-line summary: found, loaded, skipped, groups, pairs. */
  static String summaryLine(ScanSummary summary) {
    return summary.found()
        + " file"
        + plural(summary.found())
        + " found: "
        + summary.loaded()
        + " loaded, "
        + summary.skipped()
        + " skipped; "
        + summary.groups()
        + " group"
        + plural(summary.groups())
        + " of related articles, "
        + summary.pairs()
        + " related pair"
        + plural(summary.pairs())
        + ".";
  }

  private static String line(String label, ArticleInfo article, String evidence) {
    StringBuilder line = new StringBuilder("  ");
    line.append(String.format("%-15s", label)).append(visible(article.id()));
    return finish(line, article, evidence, INDENT);
  }

  private static String aloneLine(ArticleInfo article) {
    return finish(new StringBuilder("  ").append(visible(article.id())), article, "", "    ");
  }

  private static String finish(
      StringBuilder line, ArticleInfo article, String evidence, String indent) {
    if (article.date() != null) {
      line.append("  ").append(article.date());
    }
    line.append('\n');
    if (article.title() != null) {
      line.append(indent).append('"').append(visible(shorten(article.title()))).append("\"\n");
    }
    if (!evidence.isEmpty()) {
      line.append(indent).append(evidence).append('\n');
    }
    return line.toString();
  }

  /**
   * The scores behind a member's direct link to the canonical article, from the member's side: "62%
   * of its shingles are in the canonical article, 27% of the canonical article's are in it".
   */
  private static String evidence(ArticlePair pair, String memberId) {
    if (pair == null) {
      return "";
    }
    boolean memberIsA = pair.a().equals(memberId);
    double memberInCanonical = memberIsA ? pair.containmentAInB() : pair.containmentBInA();
    double canonicalInMember = memberIsA ? pair.containmentBInA() : pair.containmentAInB();
    StringBuilder text =
        new StringBuilder("story similarity ")
            .append(ScoreFormat.text(pair.similarity()))
            .append("; ")
            .append(percent(memberInCanonical))
            .append(" of its shingles in the canonical, ")
            .append(percent(canonicalInMember))
            .append(" back; jaccard ")
            .append(ScoreFormat.text(pair.jaccard()));
    if (!pair.passages().isEmpty()) {
      text.append("; ")
          .append(pair.passages().size())
          .append(" shared passage")
          .append(plural(pair.passages().size()))
          .append(", longest ")
          .append(pair.passages().get(0).words())
          .append(" words");
    }
    return text.toString();
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String shorten(String title) {
    if (title.length() <= TITLE_WIDTH) {
      return title;
    }
    int end = TITLE_WIDTH - 3;
    if (Character.isHighSurrogate(title.charAt(end - 1))) {
      end--; // never cut a character in two
    }
    return title.substring(0, end) + "...";
  }

  /** Text from an article or a file name, with control characters visibly escaped. */
  private static String visible(String text) {
    return UntrustedText.visible(text);
  }

  private static String key(String x, String y) {
    return x.compareTo(y) < 0 ? x + '\n' + y : y + '\n' + x;
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }
}
