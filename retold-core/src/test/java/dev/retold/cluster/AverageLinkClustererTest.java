package dev.retold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AverageLinkClustererTest {

  /** Every pair of {@code items} joined with {@code score}. */
  private static List<ScoredEdge> clique(double score, int... items) {
    List<ScoredEdge> edges = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      for (int j = i + 1; j < items.length; j++) {
        edges.add(new ScoredEdge(items[i], items[j], score));
      }
    }
    return edges;
  }

  @Test
  void aBridgeArticleDoesNotJoinTwoStories() {
    // Stories {0..4} and {5..9}; article 10 resembles one member of each as much as they resemble
    // their own story. Single linkage (connected components at 0.5) would make one story of eleven.
    List<ScoredEdge> edges = new ArrayList<>();
    edges.addAll(clique(0.6, 0, 1, 2, 3, 4));
    edges.addAll(clique(0.6, 5, 6, 7, 8, 9));
    edges.add(new ScoredEdge(4, 10, 0.6));
    edges.add(new ScoredEdge(5, 10, 0.6));
    int[] clusters = new AverageLinkClusterer(0.5).cluster(11, edges, null);
    assertThat(clusters).containsExactly(0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 10);
  }

  @Test
  void mergesWhileTheMeanReachesTheThreshold() {
    // 0-1 at 0.9; 2 links to 0 only at 0.5: the mean over {0,1} x {2} is 0.25.
    List<ScoredEdge> edges = List.of(new ScoredEdge(0, 1, 0.9), new ScoredEdge(0, 2, 0.5));
    assertThat(new AverageLinkClusterer(0.3).cluster(3, edges, null)).containsExactly(0, 0, 2);
    List<ScoredEdge> more = List.of(edges.get(0), edges.get(1), new ScoredEdge(1, 2, 0.2));
    assertThat(new AverageLinkClusterer(0.3).cluster(3, more, null))
        .containsExactly(0, 0, 0); // mean 0.35
  }

  @Test
  void theStartingPartitionIsKept() {
    // 1 and 2 start together (copies) although nothing links them; 0 then joins by the mean.
    List<ScoredEdge> edges = List.of(new ScoredEdge(0, 1, 0.8));
    assertThat(new AverageLinkClusterer(0.3).cluster(3, edges, new int[] {7, 9, 9}))
        .containsExactly(0, 0, 0); // mean (0.8 + 0) / 2 = 0.4
    assertThat(new AverageLinkClusterer(0.5).cluster(3, edges, new int[] {7, 9, 9}))
        .containsExactly(0, 1, 1);
  }

  @Test
  void theResultDoesNotDependOnEdgeOrder() {
    Random random = new Random(11);
    List<ScoredEdge> edges = new ArrayList<>();
    for (int a = 0; a < 60; a++) {
      for (int b = a + 1; b < 60; b++) {
        if (random.nextInt(8) == 0) {
          edges.add(new ScoredEdge(a, b, random.nextInt(10) / 10.0)); // many ties on purpose
        }
      }
    }
    int[] expected = new AverageLinkClusterer(0.3).cluster(60, edges, null);
    for (int trial = 0; trial < 5; trial++) {
      Collections.shuffle(edges, random);
      assertThat(new AverageLinkClusterer(0.3).cluster(60, edges, null)).isEqualTo(expected);
    }
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> new AverageLinkClusterer(0))
        .hasMessage("threshold must be in (0, 1]: 0.0");
    assertThatThrownBy(() -> new AverageLinkClusterer(0.5, 1.5))
        .hasMessage("cohesion must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> new AverageLinkClusterer(0.5).cluster(3, List.of(), new int[2]))
        .hasMessage("initial must give a cluster for each of 3 items: 2");
  }

  @Test
  void backgroundsLowerEveryPairMissingOnesIncluded() {
    // one kind of story, all alike at 0.6 (four articles of one kind, each its own event), and
    // one pair of them at 0.8: against a background of 0.6 only that pair stands out
    List<ScoredEdge> edges = new ArrayList<>(clique(0.6, 0, 1, 2, 3));
    edges.set(0, new ScoredEdge(0, 1, 0.8));
    double[] backgrounds = {0.6, 0.6, 0.6, 0.6};
    assertThat(new AverageLinkClusterer(0.14).cluster(4, edges, null, backgrounds))
        .containsExactly(0, 0, 2, 3);
    // without the backgrounds the one kind is one story
    assertThat(new AverageLinkClusterer(0.14).cluster(4, edges, null)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void aClusterMeanIsTheMeanSimilarityLessTheMeanOfTheMeanBackgrounds() {
    // {0, 1} and {2}: sum 0.5 + 0.3 = 0.8 over 2 pairs is 0.4; mean backgrounds 0.1 and 0.3: 0.2
    List<ScoredEdge> edges =
        List.of(new ScoredEdge(0, 1, 0.9), new ScoredEdge(0, 2, 0.5), new ScoredEdge(1, 2, 0.3));
    double[] backgrounds = {0.1, 0.1, 0.3};
    assertThat(new AverageLinkClusterer(0.2).cluster(3, edges, null, backgrounds))
        .containsExactly(0, 0, 0);
    assertThat(new AverageLinkClusterer(0.2001).cluster(3, edges, null, backgrounds))
        .containsExactly(0, 0, 2);
  }

  @Test
  void aVetoedPairKeepsTwoSmallStoriesApartWhateverElseTheyShare() {
    // two dated follow-ups months apart (0 and 1), each close to article 2
    List<ScoredEdge> edges =
        List.of(new ScoredEdge(0, 1, -10), new ScoredEdge(0, 2, 0.9), new ScoredEdge(1, 2, 0.9));
    int[] clusters = new AverageLinkClusterer(0.14).cluster(3, edges, null);
    assertThat(clusters[0]).isNotEqualTo(clusters[1]);
  }

  /**
   * Two triples, each a clique at {@code within}, every cross pair at {@code cross}, every article
   * with background {@code background}, clustered at threshold 0.2: one story or two.
   */
  @ParameterizedTest(name = "within {0}, cross {1}, background {2}, cohesion {3}: {4} stories")
  @CsvSource({
    // two events of one storyline: tight inside, looser between; the cross mean reaches the
    // threshold, so plain average linkage merges them, the cohesion rule does not
    "0.6, 0.35, 0.0, 0.0, 1",
    "0.6, 0.35, 0.0, 0.7, 2",
    // two halves of one story: about as close between as within
    "0.6, 0.5, 0.0, 0.7, 1",
    // the rule weighs scores relative to the backgrounds: 0.45 - 0.2 < 0.7 * (0.6 - 0.2)
    "0.6, 0.45, 0.2, 0.7, 2",
    "0.6, 0.45, 0.0, 0.7, 1",
    // at a ratio near 1 only groups about as close between as within merge
    "0.6, 0.6, 0.0, 0.99, 1",
    "0.6, 0.59, 0.0, 1.0, 2",
    // below the threshold nothing merges, whatever the rule
    "0.6, 0.15, 0.0, 0.0, 2",
  })
  void cohesionKeepsTwoTightGroupsApart(
      double within, double cross, double background, double cohesion, int stories) {
    List<ScoredEdge> edges = new ArrayList<>();
    edges.addAll(clique(within, 0, 1, 2));
    for (int a = 0; a < 3; a++) {
      for (int b = 3; b < 6; b++) {
        edges.add(new ScoredEdge(a, b, cross));
      }
    }
    edges.addAll(clique(within, 3, 4, 5));
    double[] backgrounds = new double[6];
    Arrays.fill(backgrounds, background);
    int[] clusters = new AverageLinkClusterer(0.2, cohesion).cluster(6, edges, null, backgrounds);
    assertThat(Arrays.stream(clusters).distinct().count()).isEqualTo(stories);
    assertThat(clusters[1]).isEqualTo(clusters[0]);
    assertThat(clusters[2]).isEqualTo(clusters[0]);
    assertThat(clusters[4]).isEqualTo(clusters[3]);
    assertThat(clusters[5]).isEqualTo(clusters[3]);
  }

  @Test
  void anArticleAloneOrACopyGroupJoinsByTheThresholdAlone() {
    // a tight story {0, 1, 2}; article 3 and the copy group {4, 5} link to it (and to each other)
    // at 0.35 only, far below 0.7 of its own 0.9: they still join, as neither has a density of its
    // own to compare
    List<ScoredEdge> edges = new ArrayList<>(clique(0.9, 0, 1, 2));
    for (int a = 0; a < 3; a++) {
      edges.add(new ScoredEdge(a, 3, 0.35));
      edges.add(new ScoredEdge(a, 4, 0.35));
      edges.add(new ScoredEdge(a, 5, 0.35));
    }
    edges.add(new ScoredEdge(3, 4, 0.35));
    edges.add(new ScoredEdge(3, 5, 0.35));
    int[] copies = {0, 1, 2, 3, 4, 4};
    assertThat(new AverageLinkClusterer(0.3, 0.7).cluster(6, edges, copies))
        .containsExactly(0, 0, 0, 0, 0, 0);
  }
}
