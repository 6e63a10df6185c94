package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.ArticlePair;
import dev.retold.Passage;
import java.util.List;
import org.jsoup.nodes.Element;

/** Checks on a page's side-by-side texts: each passage marked where its offsets say. */
final class MarkedTexts {
  private MarkedTexts() {}

  /** The text of passage {@code number}'s marks in one {@code <pre>}, joined. */
  static String marked(Element pre, int number) {
    StringBuilder text = new StringBuilder();
    for (Element mark : pre.select("mark[data-passage=" + number + "]")) {
      text.append(mark.wholeText());
    }
    return text.toString();
  }

  /**
   * Asserts that the two texts are the sources as on disk and that every passage of {@code pair} is
   * marked in both at its offsets; returns how many passages were checked.
   */
  static int assertMarkedAtOffsets(
      List<Element> texts, ArticlePair pair, String sourceA, String sourceB) {
    assertThat(texts.get(0).wholeText()).isEqualTo(sourceA);
    assertThat(texts.get(1).wholeText()).isEqualTo(sourceB);
    for (int p = 0; p < pair.passages().size(); p++) {
      Passage passage = pair.passages().get(p);
      assertThat(marked(texts.get(0), p + 1))
          .isEqualTo(sourceA.substring(passage.startA(), passage.endA()));
      assertThat(marked(texts.get(1), p + 1))
          .isEqualTo(sourceB.substring(passage.startB(), passage.endB()));
    }
    return pair.passages().size();
  }
}
