package dev.retold.report;

import dev.retold.ArticlePair;
import dev.retold.Comparison;
import dev.retold.Passage;
import dev.retold.StoryMember;
import java.util.List;

/**
 * A pair's scores in plain words, for people: which share of each article's word sequences the
 * other has, the story similarity, the passages; the same words in the text and HTML reports.
 */
final class PlainWords {
  private PlainWords() {}

  /** Why a member is in its story, from its direct pair with the canonical article, if any. */
  static String why(StoryMember member, ArticlePair direct, String canonical) {
    if (direct == null) {
      return "in the story through its links to other members";
    }
    boolean memberIsA = direct.a().equals(member.id());
    double memberIn = memberIsA ? direct.containmentAInB() : direct.containmentBInA();
    double canonicalIn = memberIsA ? direct.containmentBInA() : direct.containmentAInB();
    String shares =
        TextReport.percent(memberIn)
            + " of its word sequences are in the canonical article, "
            + TextReport.percent(canonicalIn)
            + " of the canonical's in it";
    return switch (direct.relation()) {
      case DUPLICATE -> "the same text as the canonical article";
      case NEAR_DUPLICATE ->
          "a copy with small edits: "
              + shares
              + " (Jaccard "
              + ScoreFormat.text(direct.jaccard())
              + ")";
      case DERIVED ->
          (canonical.equals(direct.origin())
                  ? "reuses the canonical article's wording: "
                  : member.id().equals(direct.origin())
                      ? "the canonical article reuses its wording: "
                      : "shares wording with the canonical article: ")
              + shares
              + passagesPart(direct);
      case SAME_STORY ->
          "tells the same story in other words: "
              + mentions(direct.sharedNames(), "; ")
              + "story similarity "
              + ScoreFormat.text(direct.similarity())
              + semanticPart(direct.semanticSimilarity())
              + "; "
              + shares
              + passagesPart(direct);
    };
  }

  /**
   * "both mention Xi Jinping, Beijing and 2026" and then {@code after}, or nothing when the two
   * share no name or number.
   */
  static String mentions(List<String> names, String after) {
    if (names.isEmpty()) {
      return "";
    }
    String last = names.get(names.size() - 1);
    String listed =
        names.size() == 1
            ? last
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + last;
    return "both mention " + listed + after;
  }

  /** A pair's scores: story similarity, Jaccard, containment both ways, passages. */
  static String scores(ArticlePair pair) {
    return scores(
        pair.similarity(),
        pair.semanticSimilarity(),
        pair.jaccard(),
        pair.containmentAInB(),
        pair.containmentBInA(),
        pair.origin() == null ? null : pair.other(pair.origin()),
        pair.passages());
  }

  /** {@link #scores(ArticlePair)} of a comparison, whose direction is not told. */
  static String scores(Comparison comparison) {
    return scores(
        comparison.similarity(),
        comparison.semanticSimilarity(),
        comparison.jaccard(),
        comparison.containmentAInB(),
        comparison.containmentBInA(),
        null,
        comparison.passages());
  }

  private static String scores(
      double similarity,
      double semantic,
      double jaccard,
      double aInB,
      double bInA,
      String derived,
      List<Passage> passages) {
    return "story similarity "
        + ScoreFormat.text(similarity)
        + semanticPart(semantic)
        + "; Jaccard "
        + ScoreFormat.text(jaccard)
        + "; "
        + TextReport.percent(aInB)
        + " of the first's word sequences are in the second, "
        + TextReport.percent(bInA)
        + " of the second's in the first"
        + (derived == null ? "" : "; " + derived + " derives from the other")
        + passagesPart(passages);
  }

  /** " (meaning alone: 0.6912)" when there is a semantic similarity, else nothing. */
  private static String semanticPart(double semantic) {
    return Double.isNaN(semantic) ? "" : " (meaning alone: " + ScoreFormat.text(semantic) + ")";
  }

  private static String passagesPart(ArticlePair pair) {
    return passagesPart(pair.passages());
  }

  private static String passagesPart(List<Passage> passages) {
    if (passages.isEmpty()) {
      return "";
    }
    return "; "
        + passages.size()
        + " shared passage"
        + HtmlReport.plural(passages.size())
        + ", the longest "
        + passages.get(0).words()
        + " words";
  }
}
