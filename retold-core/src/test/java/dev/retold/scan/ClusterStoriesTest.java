package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.Relation;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How derived copy pairs enter the clustering's edges. */
class ClusterStoriesTest {

  private static ArticlePair pair(int a, int b, Relation relation) {
    return new ArticlePair("a" + a, "a" + b, relation, null, 0.3, 0.2, 0.5, 0.4, List.of());
  }

  @Test
  void derivedPairsWeighAtLeastTheFloorInPlaceAndOtherCopiesAreLeftAsTheyAre() {
    List<ScoredEdge> edges =
        List.of(
            new ScoredEdge(0, 1, 0.20), // derived, raised
            new ScoredEdge(0, 3, 0.10),
            new ScoredEdge(1, 2, 0.80), // derived, already above the floor
            new ScoredEdge(2, 3, 0.05)); // near-duplicate: the copy group holds it, not the edge
    PairTable copies =
        new PairTable(
            new long[] {
              CandidatePair.key(0, 1),
              CandidatePair.key(0, 2),
              CandidatePair.key(1, 2),
              CandidatePair.key(2, 3)
            },
            new ArticlePair[] {
              pair(0, 1, Relation.DERIVED),
              pair(0, 2, Relation.DERIVED), // not a story candidate: added in its place
              pair(1, 2, Relation.DERIVED),
              pair(2, 3, Relation.NEAR_DUPLICATE)
            });

    assertThat(ClusterStories.withDerived(edges, copies, ExactCopies.none(4)))
        .containsExactly(
            new ScoredEdge(0, 1, ClusterStories.DERIVED_FLOOR),
            new ScoredEdge(0, 2, ClusterStories.DERIVED_FLOOR),
            new ScoredEdge(0, 3, 0.10),
            new ScoredEdge(1, 2, 0.80),
            new ScoredEdge(2, 3, 0.05));
  }

  @Test
  void withoutDerivedPairsTheEdgesAreUnchanged() {
    List<ScoredEdge> edges = List.of(new ScoredEdge(0, 1, 0.2), new ScoredEdge(1, 2, 0.3));
    assertThat(
            ClusterStories.withDerived(
                edges, new PairTable(new long[0], new ArticlePair[0]), ExactCopies.none(3)))
        .isEqualTo(edges);
  }

  /**
   * A derived pair of an exact copy's representative stands for the pairs of all its copies: it
   * weighs as many, and the story edges of the other copies with the same article are left out.
   */
  @Test
  void aDerivedPairOfExactCopiesWeighsAsAllTheirPairs() {
    ArticleInfo[] infos = new ArticleInfo[4];
    for (int k = 0; k < infos.length; k++) {
      infos[k] = Article.of("a" + k, "the same words or not").info();
    }
    ArticleTable table =
        new ArticleTable(
            infos, new long[4], new long[4], new long[] {7, 7, 7, 9}); // 0, 1, 2 copies
    ExactCopies exact = ExactCopies.of(table);
    List<ScoredEdge> edges =
        List.of(
            new ScoredEdge(0, 3, 0.60), // derived, weighs as three pairs
            new ScoredEdge(1, 2, 0.90), // within the copies: the clustering's copy group holds it
            new ScoredEdge(1, 3, 0.58), // counted in the derived pair
            new ScoredEdge(2, 3, 0.61)); // counted in the derived pair
    PairTable copies =
        new PairTable(
            new long[] {CandidatePair.key(0, 3)}, new ArticlePair[] {pair(0, 3, Relation.DERIVED)});
    assertThat(ClusterStories.withDerived(edges, copies, exact))
        .containsExactly(new ScoredEdge(0, 3, 0.60 * 3), new ScoredEdge(1, 2, 0.90));
  }
}
