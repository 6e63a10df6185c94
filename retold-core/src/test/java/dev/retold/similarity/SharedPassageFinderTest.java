package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.text.Shingles;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedPassageFinderTest {

  private static long[] words(String text) {
    return text.isEmpty()
        ? new long[0]
        : java.util.Arrays.stream(text.split(" ")).mapToLong(w -> w.hashCode()).toArray();
  }

  @Test
  void findsTheLongestRunsFirst() {
    long[] a = words("x the quick brown fox jumps over y the lazy dog sleeps all day z");
    long[] b = words("the lazy dog sleeps all day q the quick brown fox jumps over");
    List<WordRun> runs = new SharedPassageFinder(4, 10).find(a, b);
    assertThat(runs).containsExactly(new WordRun(1, 7, 6), new WordRun(8, 0, 6));
  }

  @Test
  void dropsRunsShorterThanTheMinimum() {
    long[] a = words("one two three four five");
    long[] b = words("one two three six five");
    assertThat(new SharedPassageFinder(4, 10).find(a, b)).isEmpty();
    assertThat(new SharedPassageFinder(3, 10).find(a, b)).containsExactly(new WordRun(0, 0, 3));
  }

  @Test
  void reportsNoOverlappingRunsAndHonoursTheLimit() {
    long[] a = words("a b c d e f a b c d e f");
    long[] b = words("a b c d e f");
    List<WordRun> runs = new SharedPassageFinder(3, 10).find(a, b);
    assertThat(runs).containsExactly(new WordRun(0, 0, 6)); // the second copy overlaps in B
    assertThat(new SharedPassageFinder(2, 1).find(words("a b x c d"), words("a b y c d")))
        .hasSize(1);
  }

  @Test
  void handlesEmptyAndShortInput() {
    SharedPassageFinder finder = new SharedPassageFinder(3, 10);
    assertThat(finder.find(new long[0], words("a b c"))).isEmpty();
    assertThat(finder.find(words("a b"), words("a b"))).isEmpty();
  }

  @Test
  void everyRunIsARealMaximalMatchOnRandomText() {
    Random random = new Random(7);
    SharedPassageFinder finder = new SharedPassageFinder(4, 50);
    for (int trial = 0; trial < 100; trial++) {
      long[] a = random.longs(300, 0, 30).toArray(); // small vocabulary: many chance matches
      long[] b = new long[250];
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextInt(10) < 7 && i < a.length ? a[i] : random.nextInt(30);
      }
      for (WordRun run : finder.find(a, b)) {
        for (int k = 0; k < run.length(); k++) {
          assertThat(a[run.startA() + k]).isEqualTo(b[run.startB() + k]);
        }
        boolean extendsLeft =
            run.startA() > 0 && run.startB() > 0 && a[run.startA() - 1] == b[run.startB() - 1];
        boolean extendsRight =
            run.endA() < a.length && run.endB() < b.length && a[run.endA()] == b[run.endB()];
        assertThat(extendsLeft || extendsRight).as("run %s is maximal", run).isFalse();
      }
    }
  }

  /**
   * Seeded by shared shingles, the finder gives exactly the runs of the plain search: random texts
   * over small vocabularies (so words repeat and runs overlap), B copied from A in stretches.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void sharedShingleSeedsFindTheSameRuns(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int vocabulary = 2 + random.nextInt(30);
      long[] a = random.longs(random.nextInt(120), 0, vocabulary).toArray();
      long[] b = new long[random.nextInt(120)];
      for (int j = 0; j < b.length; j++) {
        boolean copy = a.length > 0 && random.nextInt(4) > 0;
        b[j] = copy ? a[Math.min(a.length - 1, j + random.nextInt(3))] : random.nextInt(vocabulary);
      }
      int shingleSize = 1 + random.nextInt(3);
      SharedPassageFinder finder =
          new SharedPassageFinder(shingleSize + random.nextInt(4), 1 + random.nextInt(12));
      long[] shinglesA = Shingles.hashes(a, shingleSize);
      long[] shinglesB = Shingles.hashes(b, shingleSize);
      long[] shared =
          ShingleOverlap.sharedHashes(
              Shingles.distinctSorted(shinglesA), Shingles.distinctSorted(shinglesB));
      assertThat(finder.find(a, shinglesA, b, shinglesB, shared))
          .as("round %d", round)
          .isEqualTo(finder.find(a, b));
    }
  }
}
