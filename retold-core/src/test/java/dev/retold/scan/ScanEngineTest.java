package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's own settings that the facade does not offer: shingle sampling from fewer articles.
 */
class ScanEngineTest {
  @Test
  void aSampledShingleIndexReportsOnlyVerifiedCopiesAndNearlyAllOfThem() {
    List<Article> articles = RandomArticles.planted(79);
    RetoldSettings settings = RetoldSettings.defaults();
    // 240 articles past 16 << 4: one shingle in 16 indexed, as for a million articles
    ScanResult sampled = new ScanEngine(settings, 16).scan(articles, ProgressListener.NONE);
    ScanResult exact = new ScanEngine(settings).scan(articles, ProgressListener.NONE);
    List<String> exactCopies = copies(exact);
    List<String> sampledCopies = copies(sampled);
    assertThat(exactCopies).containsAll(sampledCopies);
    assertThat(sampledCopies.size()).isGreaterThanOrEqualTo((int) (0.95 * exactCopies.size()));
    assertThat(exactCopies).hasSizeGreaterThanOrEqualTo(180);
  }

  /**
   * The copy pairs a result reports: those listed, and every pair of two members of one copy group,
   * which the group stands for.
   */
  private static List<String> copies(ScanResult result) {
    List<String> copies = new ArrayList<>();
    for (ArticlePair pair : result.pairs()) {
      if (pair.relation() != Relation.SAME_STORY) {
        copies.add(pair.a() + " " + pair.b() + " " + pair.relation());
      }
    }
    for (CopyGroup group : result.copyGroups()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          copies.add(group.members().get(i) + " " + group.members().get(j) + " in a group");
        }
      }
    }
    return copies;
  }
}
