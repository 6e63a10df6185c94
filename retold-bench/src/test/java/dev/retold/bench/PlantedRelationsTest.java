package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planted relations hold when measured from outside, with plain word 3-shingles: what a label
 * promises is what a detector can find.
 */
class PlantedRelationsTest {
  private static final Map<String, GeneratedArticle> BY_ID = new HashMap<>();
  private static final Map<String, List<GeneratedArticle>> BY_RELATION = new HashMap<>();

  @BeforeAll
  static void generate() {
    for (GeneratedArticle article : CorpusGenerator.builder().seed(2024).articles(1500).build()) {
      BY_ID.put(article.id(), article);
      BY_RELATION.computeIfAbsent(article.relation(), key -> new ArrayList<>()).add(article);
    }
  }

  private static List<GeneratedArticle> sample(String relation) {
    List<GeneratedArticle> articles = BY_RELATION.get(relation);
    assertThat(articles).as(relation).hasSizeGreaterThan(100);
    return articles.subList(0, 100);
  }

  private static GeneratedArticle origin(GeneratedArticle article) {
    return BY_ID.get(article.origin());
  }

  @Test
  void nearDuplicatesShareMostShinglesAsTheirEditRateSays() {
    for (GeneratedArticle copy : sample(GeneratedArticle.NEAR_DUPLICATE)) {
      double rate = Double.parseDouble(copy.detail().substring("edit-rate=".length()));
      assertThat(rate).isBetween(0.008, 0.052); // 1% to 5%, rounded to whole edits
      double jaccard = Shingles.jaccard(Shingles.of(copy.text()), Shingles.of(origin(copy).text()));
      // Each edit breaks at most three shingles of each side.
      assertThat(jaccard)
          .as(copy.detail())
          .isGreaterThan(0.6)
          .isGreaterThanOrEqualTo((1 - 6 * rate) / (1 + 6 * rate) - 0.01);
      assertThat(copy.title()).isEqualTo(origin(copy).title());
    }
  }

  @Test
  void derivedArticlesAreMostlyContainedInTheirOriginal() {
    int condensed = 0;
    int excerpts = 0;
    for (GeneratedArticle derived : sample(GeneratedArticle.DERIVED)) {
      Set<String> shingles = Shingles.of(derived.text());
      Set<String> original = Shingles.of(origin(derived).text());
      double containment = Shingles.containment(shingles, original);
      String[] detail = derived.detail().split("=");
      double share = Double.parseDouble(detail[1]);
      if (detail[0].equals("condensed")) {
        condensed++;
        assertThat(share).isBetween(0.29, 0.61);
        assertThat(containment).as(derived.detail()).isGreaterThan(0.7);
      } else {
        excerpts++;
        assertThat(detail[0]).isEqualTo("excerpt");
        assertThat(share).isBetween(0.19, 0.41);
        assertThat(containment).as(derived.detail()).isGreaterThan(0.97);
        assertThat(origin(derived).text())
            .contains(derived.text().substring(1, derived.text().indexOf('.')));
      }
      assertThat(Shingles.containment(original, shingles)).isLessThan(0.7);
    }
    assertThat(condensed).isGreaterThan(30);
    assertThat(excerpts).isGreaterThan(30);
  }

  @Test
  void sameStoryRetellingsShareTheFactsButNotTheWording() {
    for (GeneratedArticle retelling : sample(GeneratedArticle.SAME_STORY)) {
      GeneratedArticle original = origin(retelling);
      Set<String> shingles = Shingles.of(retelling.text());
      Set<String> originalShingles = Shingles.of(original.text());
      assertThat(Shingles.jaccard(shingles, originalShingles)).isLessThan(0.05);
      assertThat(Shingles.containment(shingles, originalShingles)).isLessThan(0.05);
      List<String> facts =
          Arrays.asList(original.detail().substring("facts=".length()).split("\\|"));
      assertThat(facts.size()).isBetween(3 + 2 + 2, 6 + 4 + 2);
      for (String fact : facts) {
        assertThat(retelling.text()).contains(fact);
        assertThat(original.text()).contains(fact);
      }
    }
  }

  @Test
  void unrelatedArticlesShareAlmostNothing() {
    List<GeneratedArticle> singletons = sample(GeneratedArticle.UNRELATED);
    for (int i = 1; i < singletons.size(); i++) {
      double jaccard =
          Shingles.jaccard(
              Shingles.of(singletons.get(i).text()), Shingles.of(singletons.get(i - 1).text()));
      assertThat(jaccard).isLessThan(0.02);
    }
  }
}
