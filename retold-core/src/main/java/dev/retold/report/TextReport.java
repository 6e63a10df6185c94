package dev.retold.report;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.Passage;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readable report: each story of two or more articles with its canonical article and each
 * member's relation to it (with the scores behind a direct link), the articles that stand alone,
 * the skipped files with their reasons, and one summary line.
 *
 * <p>A copy group takes one line in its story, with its evidence pair's scores under it: its size,
 * relation, representative and first few members ({@code "c1: 1000 articles, DUPLICATE: a.txt
 * (representative), b.txt, c.txt and 997 more"}). Its members are not listed one per line, but for
 * the representative and the story's canonical article, so a thousand copies take two lines.
 */
final class TextReport implements ReportWriter {
  private static final int TITLE_WIDTH = 70;
  private static final String INDENT = " ".repeat(17);
  private static final int COPIES_NAMED = 2;
  private static final int PASSAGE_CHARS = 100;

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
    Map<String, CopyGroup> copyGroupOf = new HashMap<>();
    for (CopyGroup group : result.copyGroups()) {
      pairs.put(group.evidence().a() + '\n' + group.evidence().b(), group.evidence());
      for (String member : group.members()) {
        copyGroupOf.put(member, group);
      }
    }
    List<Story> groups = result.stories().stream().filter(story -> story.size() > 1).toList();
    List<Story> alone = result.stories().stream().filter(story -> story.size() == 1).toList();
    for (Story story : groups) {
      out.write("Story " + story.id() + ": " + story.size() + " articles\n");
      out.write(line("CANONICAL", articles.get(story.canonical()), ""));
      Set<CopyGroup> copyGroups = new LinkedHashSet<>();
      for (StoryMember member : story.members()) {
        CopyGroup copyGroup = copyGroupOf.get(member.id());
        if (copyGroup != null) {
          copyGroups.add(copyGroup);
          if (!copyGroup.representative().equals(member.id())) {
            continue; // folded into the group's line
          }
        }
        ArticlePair direct = pairs.get(key(story.canonical(), member.id()));
        out.write(
            line(
                member.relation().name(),
                articles.get(member.id()),
                // a result without pairs (a story index's listing) has no evidence to give
                pairs.isEmpty() ? "" : evidence(member, direct, story.canonical())));
      }
      CopyGroup canonicalGroup = copyGroupOf.get(story.canonical());
      if (canonicalGroup != null) {
        copyGroups.add(canonicalGroup);
      }
      for (CopyGroup group :
          copyGroups.stream().sorted(Comparator.comparing(CopyGroup::id)).toList()) {
        out.write(copyGroupLines(group));
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

  /** The first {@code limit} members of {@code group} other than {@code except}, in its order. */
  static List<String> othersNamed(CopyGroup group, String except, int limit) {
    List<String> named = new ArrayList<>(limit);
    for (String member : group.members()) {
      if (named.size() < limit && !member.equals(except)) {
        named.add(member);
      }
    }
    return named;
  }

  /**
   * One line for a copy group, and one for its evidence pair: its size, relation, representative
   * and first {@value #COPIES_NAMED} other members.
   */
  private static String copyGroupLines(CopyGroup group) {
    StringBuilder line = new StringBuilder("  ");
    line.append(String.format("%-15s", "COPIES"))
        .append(group.id())
        .append(": ")
        .append(group.size())
        .append(" articles, ")
        .append(group.relation().name())
        .append(": ")
        .append(visible(group.representative()))
        .append(" (representative)");
    List<String> named = othersNamed(group, group.representative(), COPIES_NAMED);
    for (String member : named) {
      line.append(", ").append(visible(member));
    }
    int more = group.size() - 1 - named.size();
    if (more > 0) {
      line.append(" and ").append(more).append(" more");
    }
    ArticlePair pair = group.evidence();
    line.append('\n')
        .append(INDENT)
        .append(visible(pair.a()))
        .append(" and ")
        .append(visible(pair.b()))
        .append(": Jaccard ")
        .append(ScoreFormat.text(pair.jaccard()));
    appendPassages(line, pair);
    return line.append('\n').toString();
  }

  /**
   * The one-line summary: found, loaded, skipped, groups, pairs, and the copy groups when there are
   * any. The pairs counted are the ones listed; those within a copy group are not, the group stands
   * for them.
   */
  static String summaryLine(ScanSummary summary) {
    String copies =
        summary.copyGroups() == 0
            ? ""
            : summary.copyGroups()
                + " copy group"
                + plural(summary.copyGroups())
                + " holding "
                + summary.copyGroupArticles()
                + " articles, ";
    String other = summary.copyGroups() == 0 ? "" : "other ";
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
        + copies
        + summary.pairs()
        + " "
        + other
        + "related pair"
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
   * Why a member is in its story, in plain words ({@link PlainWords#why}), and the longest passage
   * it shares with the canonical article, quoted (cut to {@value #PASSAGE_CHARS} code points).
   */
  private static String evidence(StoryMember member, ArticlePair direct, String canonical) {
    String why = PlainWords.why(member, direct, canonical);
    if (direct == null || direct.passages().isEmpty()) {
      return why;
    }
    Passage longest = direct.passages().get(0);
    return why
        + "\n"
        + INDENT
        + "longest shared passage: \""
        + visible(ComparisonText.shortened(longest.text(), PASSAGE_CHARS))
        + "\"";
  }

  /** "; N shared passages, longest M words", if the pair has passages. */
  private static void appendPassages(StringBuilder text, ArticlePair pair) {
    if (!pair.passages().isEmpty()) {
      text.append("; ")
          .append(pair.passages().size())
          .append(" shared passage")
          .append(plural(pair.passages().size()))
          .append(", longest ")
          .append(pair.passages().get(0).words())
          .append(" words");
    }
  }

  /** A share as a whole percentage, as every report writes one: "52%". */
  static String percent(double share) {
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

  /** The key of the pair of {@code x} and {@code y}, whichever order they come in. */
  static String key(String x, String y) {
    return x.compareTo(y) < 0 ? x + '\n' + y : y + '\n' + x;
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }
}
