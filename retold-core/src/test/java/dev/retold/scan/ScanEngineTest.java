package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
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
    List<ArticlePair> exactCopies = copies(exact);
    List<ArticlePair> sampledCopies = copies(sampled);
    assertThat(exactCopies).containsAll(sampledCopies);
    assertThat(sampledCopies.size()).isGreaterThanOrEqualTo((int) (0.95 * exactCopies.size()));
    assertThat(exactCopies).hasSizeGreaterThanOrEqualTo(180);
  }

  private static List<ArticlePair> copies(ScanResult result) {
    return result.pairs().stream().filter(pair -> pair.relation() != Relation.SAME_STORY).toList();
  }
}
