package dev.retold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedNeighbourSimilarityTest {

  @Test
  void scoresByTheShareOfCommonNeighbours() {
    // 0, 1 and 2 are each other's neighbours; 3 hangs on 2 only.
    List<ScoredEdge> edges =
        List.of(
            new ScoredEdge(0, 1, 0.5),
            new ScoredEdge(0, 2, 0.5),
            new ScoredEdge(1, 2, 0.5),
            new ScoredEdge(2, 3, 0.4));
    List<ScoredEdge> rescored = new SharedNeighbourSimilarity(2, 0.1).rescore(4, edges);
    // 0: {1,2}; 1: {0,2}; 2: {0,1} (3 is its weakest, cut by k=2); 3: {2}.
    // (0,1): 1 in N(0), 0 in N(1), common {2}: 3 of k+1=3 -> sqrt(1 * 0.5)
    assertThat(rescored.get(0).score()).isCloseTo(Math.sqrt(0.5), within(1e-12));
    // (2,3): 2 in N(3), 3 not in N(2), nothing common: 1 of 3 -> sqrt(0.4 / 3)
    assertThat(rescored.get(3).score()).isCloseTo(Math.sqrt(0.4 / 3), within(1e-12));
  }

  @Test
  void edgesBelowTheFloorAreDroppedAndNeverNeighbours() {
    List<ScoredEdge> edges = List.of(new ScoredEdge(0, 1, 0.5), new ScoredEdge(0, 2, 0.05));
    List<ScoredEdge> rescored = new SharedNeighbourSimilarity(5, 0.1).rescore(3, edges);
    assertThat(rescored).hasSize(1);
    // an isolated pair: each is the other's only neighbour, 2 of k+1=6
    assertThat(rescored.get(0).score()).isCloseTo(Math.sqrt(2.0 / 6 * 0.5), within(1e-12));
  }

  @Test
  void aLoneCoupleNeedsMoreSimilarityThanAPairInACrowdOfCommonNeighbours() {
    List<ScoredEdge> couple = List.of(new ScoredEdge(0, 1, 0.3));
    double lone = new SharedNeighbourSimilarity(8, 0.1).rescore(2, couple).get(0).score();
    List<ScoredEdge> crowd = new java.util.ArrayList<>(couple);
    for (int other = 2; other < 9; other++) {
      crowd.add(new ScoredEdge(0, other, 0.3));
      crowd.add(new ScoredEdge(1, other, 0.3));
    }
    double crowded = new SharedNeighbourSimilarity(8, 0.1).rescore(9, crowd).get(0).score();
    assertThat(crowded).isGreaterThan(lone);
    assertThat(crowded).isCloseTo(Math.sqrt(0.3), within(1e-12)); // all 9 shared
  }
}
