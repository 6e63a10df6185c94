package dev.retold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackgroundSimilarityTest {
  /** A star: item 0 scores 0.9, 0.5, 0.4, 0.3 with items 1 to 4. */
  private static final List<ScoredEdge> STAR =
      List.of(
          new ScoredEdge(0, 1, 0.9),
          new ScoredEdge(0, 2, 0.5),
          new ScoredEdge(0, 3, 0.4),
          new ScoredEdge(0, 4, 0.3));

  @ParameterizedTest
  @CsvSource({
    // from, to, item 0's background: the mean of its ranks from..to, a missing rank scoring 0
    "1, 1, 0.9",
    "2, 3, 0.45",
    "2, 4, 0.4",
    "3, 6, 0.175", // (0.4 + 0.3 + 0 + 0) / 4
    "5, 9, 0.0"
  })
  void theBackgroundIsTheMeanOfTheRanksAskedFor(int from, int to, double expected) {
    double[] backgrounds = new BackgroundSimilarity(from, to).backgrounds(5, STAR);
    assertThat(backgrounds[0]).isCloseTo(expected, offset(1e-12));
  }

  @Test
  void aGroupOfCopiesCountsAsOneNeighbourItsClosest() {
    // item 0 has copies 5, 6, 7 (group 5) besides the star; as one neighbour they rank once, 0.95
    List<ScoredEdge> edges = new java.util.ArrayList<>(STAR);
    edges.add(new ScoredEdge(0, 5, 0.95));
    edges.add(new ScoredEdge(0, 6, 0.97));
    edges.add(new ScoredEdge(0, 7, 0.96));
    edges.add(new ScoredEdge(5, 6, 0.99));
    int[] groups = {5, 1, 2, 3, 4, 5, 5, 5};
    BackgroundSimilarity ranks = new BackgroundSimilarity(2, 3);
    double[] grouped = ranks.backgrounds(8, edges, groups);
    assertThat(grouped[0]).isCloseTo((0.9 + 0.5) / 2, offset(1e-12)); // ranks: 0.97, 0.9, 0.5...
    assertThat(grouped[5]).isZero(); // its one neighbour, its group: rank 1 only
    // without groups the copies fill the ranks
    assertThat(ranks.backgrounds(8, edges)[0]).isCloseTo((0.96 + 0.95) / 2, offset(1e-12));
    // with every item in a group of its own, the same as without groups
    assertThat(ranks.backgrounds(8, edges, new int[] {0, 1, 2, 3, 4, 5, 6, 7}))
        .containsExactly(ranks.backgrounds(8, edges), offset(0.0));
  }

  @Test
  void keepsOnlyEdgesAboveTheirItemsBackgroundsRescoredByHowFar() {
    // backgrounds of ranks 2..3: item 0 (0.5 + 0.4) / 2 = 0.45; items 1-4 have one edge: 0
    List<ScoredEdge> rescored = new BackgroundSimilarity(2, 3).rescore(5, STAR);
    assertThat(rescored)
        .extracting(ScoredEdge::b)
        .containsExactly(1, 2, 3, 4); // 0.3 - 0.225 > 0 still
    assertThat(rescored.get(0).score()).isCloseTo(0.9 - 0.225, offset(1e-12));
    assertThat(rescored.get(3).score()).isCloseTo(0.3 - 0.225, offset(1e-12));
    // against rank 1 (0.9) item 0's background is its best: only edges above half of it stay,
    // the leaves' backgrounds being their one edge each: (0.9 + s) / 2 for the edge of score s
    List<ScoredEdge> strict = new BackgroundSimilarity(1, 1).rescore(5, STAR);
    assertThat(strict).isEmpty();
  }

  @Test
  void aPairOfOneKindOfNewsStandsOutOnlyAboveWhatThatKindScores() {
    // two groups of articles of one kind (all alike, 0.6), one pair among them alike at 0.8;
    // a quiet pair elsewhere alike at 0.5 with nothing else around it
    List<ScoredEdge> edges =
        List.of(
            new ScoredEdge(0, 1, 0.8),
            new ScoredEdge(0, 2, 0.6),
            new ScoredEdge(0, 3, 0.6),
            new ScoredEdge(1, 2, 0.6),
            new ScoredEdge(1, 3, 0.6),
            new ScoredEdge(2, 3, 0.6),
            new ScoredEdge(4, 5, 0.5));
    List<ScoredEdge> rescored = new BackgroundSimilarity(2, 3).rescore(6, edges);
    double kindPair =
        rescored.stream().filter(e -> e.a() == 0 && e.b() == 1).findFirst().orElseThrow().score();
    double quietPair = rescored.stream().filter(e -> e.a() == 4).findFirst().orElseThrow().score();
    assertThat(kindPair).isCloseTo(0.2, offset(1e-12));
    assertThat(quietPair).isEqualTo(0.5); // its background is empty: it stands out by all of it
    assertThat(rescored).noneMatch(e -> e.a() == 2 && e.b() == 3); // 0.6, no more than the kind
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThatThrownBy(() -> new BackgroundSimilarity(0, 5))
        .hasMessage("need 1 <= from <= to: 0, 5");
    assertThatThrownBy(() -> new BackgroundSimilarity(5, 4))
        .hasMessage("need 1 <= from <= to: 5, 4");
  }
}
