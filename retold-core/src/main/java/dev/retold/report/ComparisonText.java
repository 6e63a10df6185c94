package dev.retold.report;

import dev.retold.Comparison;
import dev.retold.Passage;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Comparisons for a person to read: per pair its two ids, relation, scores and the longest {@value
 * #PASSAGES} shared passages (each cut to {@value #PASSAGE_CHARS} code points), a blank line
 * between pairs. The JSON Lines form has every passage whole.
 */
final class ComparisonText {
  /** Passages shown per pair. */
  static final int PASSAGES = 3;

  /** The longest passage text shown, in code points. */
  static final int PASSAGE_CHARS = 200;

  private ComparisonText() {}

  /** Writes each comparison, a blank line between two. */
  static void write(List<Comparison> comparisons, Writer out) throws IOException {
    for (int i = 0; i < comparisons.size(); i++) {
      if (i > 0) {
        out.write("\n");
      }
      write(comparisons.get(i), out);
    }
    out.flush();
  }

  private static void write(Comparison comparison, Writer out) throws IOException {
    out.write("A            " + comparison.a() + "\n");
    out.write("B            " + comparison.b() + "\n");
    out.write("relation     " + comparison.relationName() + "\n");
    out.write("similarity   " + ScoreFormat.text(comparison.similarity()) + "\n");
    if (comparison.hasSemanticSimilarity()) {
      out.write("semantic     " + ScoreFormat.text(comparison.semanticSimilarity()) + "\n");
    }
    out.write("jaccard      " + ScoreFormat.text(comparison.jaccard()) + "\n");
    out.write(
        "containment  A in B "
            + ScoreFormat.text(comparison.containmentAInB())
            + ", B in A "
            + ScoreFormat.text(comparison.containmentBInA())
            + "\n");
    if (!comparison.sharedNames().isEmpty()) {
      out.write("names        " + String.join(", ", comparison.sharedNames()) + "\n");
    }
    List<Passage> passages = comparison.passages();
    if (passages.isEmpty()) {
      out.write("passages     none shared\n");
      return;
    }
    int shown = Math.min(PASSAGES, passages.size());
    out.write(
        "passages     "
            + passages.size()
            + (passages.size() == 1 ? " shared" : " shared, the longest " + shown + ":")
            + "\n");
    for (Passage passage : passages.subList(0, shown)) {
      out.write(
          "  "
              + passage.words()
              + " words, A "
              + passage.startA()
              + "-"
              + passage.endA()
              + ", B "
              + passage.startB()
              + "-"
              + passage.endB()
              + ":\n    "
              + shortened(passage.text(), PASSAGE_CHARS)
              + "\n");
    }
  }

  /** {@code text} cut to {@code limit} code points, with "..." if it was cut. */
  static String shortened(String text, int limit) {
    if (text.codePointCount(0, text.length()) <= limit) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, limit - 3)) + "...";
  }
}
