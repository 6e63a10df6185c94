package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VectorNeighboursTest {
  private static final int EXACT = Integer.MAX_VALUE;
  private static final int APPROXIMATE = 0;

  static Stream<Arguments> smallSets() {
    byte[] east = {10, 0};
    byte[] northEast = {7, 7};
    byte[] north = {0, 10};
    byte[] farEast = {100, 1};
    byte[] zero = {0, 0};
    return Stream.of(
        Arguments.of(
            "closest first", List.of(east, northEast, north, farEast), 0, 3, new int[] {3, 1, 2}),
        Arguments.of("length does not count", List.of(farEast, east, north), 0, 1, new int[] {1}),
        Arguments.of(
            "ties to the smaller index", List.of(northEast, east, north), 0, 2, new int[] {1, 2}),
        Arguments.of("fewer than asked", List.of(east, north), 1, 5, new int[] {0}),
        Arguments.of(
            "a zero vector is nobody's neighbour", List.of(east, zero, north), 0, 2, new int[] {2}),
        Arguments.of("none asked", List.of(east, north), 0, 0, new int[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallSets")
  void anExactSearchRanksByCosine(
      String name, List<byte[]> vectors, int query, int count, int[] expected) {
    VectorNeighbours search = VectorNeighbours.of(vectors, EXACT);
    assertThat(search.approximate()).isFalse();
    assertThat(search.nearest(query, count)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallSets")
  void aGraphOfAFewVectorsFindsThemAll(
      String name, List<byte[]> vectors, int query, int count, int[] expected) {
    VectorNeighbours search = VectorNeighbours.of(vectors, APPROXIMATE);
    assertThat(search.approximate()).isTrue();
    assertThat(search.nearest(query, count)).containsExactly(expected);
  }

  @Test
  void aZeroVectorsOwnAnswerIsEmptyInAGraphAndTheFirstOthersWhenExact() {
    List<byte[]> vectors = List.of(new byte[] {3, 4}, new byte[] {0, 0}, new byte[] {4, 3});
    assertThat(VectorNeighbours.of(vectors, APPROXIMATE).nearest(1, 2)).isEmpty();
    assertThat(VectorNeighbours.of(vectors, EXACT).nearest(1, 2)).containsExactly(0, 2);
  }

  /**
   * Seeded clusters of vectors around random centres, as embeddings of stories' retellings lie
   * around their story's: the graph's answers are ranked as the exact ones are, hold no repeat and
   * not the asked vector, and hold most of what the exact search finds.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theGraphFindsNearlyEveryExactNeighbour(long seed) {
    List<byte[]> vectors = clustered(seed, 4_000, 400, 48);
    VectorNeighbours exact = VectorNeighbours.of(vectors, EXACT);
    VectorNeighbours graph = VectorNeighbours.of(vectors, APPROXIMATE);
    int found = 0;
    int asked = 0;
    Random queries = new Random(seed + 1);
    for (int q = 0; q < 200; q++) {
      int a = queries.nextInt(vectors.size());
      int[] truth = exact.nearest(a, 20);
      int[] answer = graph.nearest(a, 20);
      assertThat(answer).hasSize(20).doesNotContain(a).doesNotHaveDuplicates();
      assertThat(scores(vectors, a, answer)).isSortedAccordingTo((x, y) -> Double.compare(y, x));
      found += (int) Arrays.stream(answer).filter(b -> contains(truth, b)).count();
      asked += truth.length;
    }
    assertThat((double) found / asked).isGreaterThan(0.95);
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L);
  }

  @Test
  void oneInputGivesOneGraphAndOneAnswerOnAnyThread() throws Exception {
    List<byte[]> vectors = clustered(7, 3_000, 300, 32);
    VectorNeighbours first = VectorNeighbours.of(vectors, APPROXIMATE);
    VectorNeighbours second = VectorNeighbours.of(vectors, APPROXIMATE);
    List<int[]> alone = new ArrayList<>();
    for (int a = 0; a < vectors.size(); a++) {
      alone.add(first.nearest(a, 10));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> together = new ArrayList<>();
      for (int a = 0; a < vectors.size(); a++) {
        int query = a;
        together.add(threads.submit(() -> second.nearest(query, 10)));
      }
      for (int a = 0; a < vectors.size(); a++) {
        assertThat(together.get(a).get()).as("vector %d", a).containsExactly(alone.get(a));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void tellsHowTheGraphGrowsAndAnswersAsWithoutBeingTold() {
    List<byte[]> vectors = new ArrayList<>(clustered(9, 2_500, 250, 16));
    vectors.set(7, new byte[16]); // zeros: not in the graph
    List<Integer> told = new ArrayList<>();
    VectorNeighbours watched = VectorNeighbours.of(vectors, APPROXIMATE, told::add);
    VectorNeighbours quiet = VectorNeighbours.of(vectors, APPROXIMATE);
    assertThat(told).containsExactly(1024, 2048, 2499);
    assertThat(watched.directed()).isEqualTo(2499);
    for (int a = 0; a < vectors.size(); a += 13) {
      assertThat(watched.nearest(a, 10)).containsExactly(quiet.nearest(a, 10));
    }
    List<Integer> exact = new ArrayList<>();
    VectorNeighbours.of(vectors, EXACT, exact::add);
    assertThat(exact).containsExactly(2499);
  }

  @Test
  void refusesVectorsOfTwoLengthsAndANegativeCount() {
    assertThatThrownBy(
            () -> VectorNeighbours.of(List.of(new byte[] {1, 2}, new byte[] {1}), APPROXIMATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vector 1 has 1 components, not 2");
    VectorNeighbours search = VectorNeighbours.of(List.of(new byte[] {1}), EXACT);
    assertThatThrownBy(() -> search.nearest(0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> search.nearest(1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** {@code count} vectors of {@code dimension}, each near one of {@code clusters} centres. */
  private static List<byte[]> clustered(long seed, int count, int clusters, int dimension) {
    Random random = new Random(seed);
    double[][] centres = new double[clusters][dimension];
    for (double[] centre : centres) {
      for (int i = 0; i < dimension; i++) {
        centre[i] = random.nextGaussian();
      }
    }
    List<byte[]> vectors = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double[] centre = centres[random.nextInt(clusters)];
      byte[] vector = new byte[dimension];
      for (int i = 0; i < dimension; i++) {
        double value = (centre[i] + 0.5 * random.nextGaussian()) * 30;
        vector[i] = (byte) Math.max(-127, Math.min(127, Math.round(value)));
      }
      vectors.add(vector);
    }
    return vectors;
  }

  private static double[] scores(List<byte[]> vectors, int a, int[] answer) {
    return IntStream.of(answer)
        .mapToDouble(
            b ->
                VectorNeighbours.dot(vectors.get(a), vectors.get(b))
                    / Math.sqrt(VectorNeighbours.dot(vectors.get(b), vectors.get(b))))
        .toArray();
  }

  private static boolean contains(int[] values, int value) {
    return IntStream.of(values).anyMatch(v -> v == value);
  }
}
