package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retold.text.Shingles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * The search, plain and seeded by shared shingles, gives exactly the runs of a brute-force oracle
   * (every pair of positions tried) within its budget: random texts over small vocabularies (so
   * words repeat, some seeds more often than {@link SharedPassageFinder#FREQUENT_SEED} times, and
   * runs overlap), B copied from A in stretches.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void findsWhatTheBruteForceOracleFinds(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int vocabulary = 2 + random.nextInt(30);
      long[] a = random.longs(random.nextInt(150), 0, vocabulary).toArray();
      long[] b = new long[random.nextInt(150)];
      for (int j = 0; j < b.length; j++) {
        boolean copy = a.length > 0 && random.nextInt(4) > 0;
        b[j] = copy ? a[Math.min(a.length - 1, j + random.nextInt(3))] : random.nextInt(vocabulary);
      }
      int shingleSize = 1 + random.nextInt(3);
      int minWords = shingleSize + random.nextInt(4);
      int maxPassages = 1 + random.nextInt(12);
      SharedPassageFinder finder = new SharedPassageFinder(minWords, maxPassages);
      long[] shinglesA = Shingles.hashes(a, shingleSize);
      long[] shinglesB = Shingles.hashes(b, shingleSize);
      long[] shared =
          ShingleOverlap.sharedHashes(
              Shingles.distinctSorted(shinglesA), Shingles.distinctSorted(shinglesB));
      List<WordRun> expected = bruteForce(a, b, minWords, maxPassages);
      SharedPassageFinder.Search plain = finder.search(a, b);
      SharedPassageFinder.Search seeded = finder.search(a, shinglesA, b, shinglesB, shared);
      assertThat(plain.exhausted()).as("round %d within budget", round).isFalse();
      assertThat(plain.runs()).as("round %d", round).isEqualTo(expected);
      assertThat(seeded.runs()).as("round %d, seeded", round).isEqualTo(expected);
    }
  }

  /**
   * The hostile case, scaled down: two texts of one 30-word sentence repeated (thousands of
   * occurrences of every seed in each). The work stays within its linear budget, where pairing
   * every occurrence would take about 10^8 units, and the one passage there is, the whole of the
   * shorter text, is still found.
   */
  @Test
  void repetitiveTextCostsLinearWork() {
    int cycle = 30;
    long[] a = new long[60_000];
    long[] b = new long[45_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1000 + i % cycle;
    }
    for (int j = 0; j < b.length; j++) {
      b[j] = 1000 + (j + 7) % cycle; // B starts 7 words into the sentence
    }
    long[] shinglesA = Shingles.hashes(a, 3);
    long[] shinglesB = Shingles.hashes(b, 3);
    long[] shared =
        ShingleOverlap.sharedHashes(
            Shingles.distinctSorted(shinglesA), Shingles.distinctSorted(shinglesB));
    SharedPassageFinder finder = new SharedPassageFinder(6, 10);
    SharedPassageFinder.Search search =
        assertTimeoutPreemptively( // a hang guard only; the bound is on the work counted
            Duration.ofSeconds(30), () -> finder.search(a, shinglesA, b, shinglesB, shared));
    long linearBound =
        SharedPassageFinder.MIN_WORK
            + (SharedPassageFinder.WORK_PER_WORD + 1L) * (a.length + b.length);
    assertThat(search.exhausted()).isTrue();
    assertThat(search.work()).isLessThanOrEqualTo(search.budget() + b.length);
    assertThat(search.work()).isLessThanOrEqualTo(linearBound);
    assertThat(search.runs()).containsExactly(new WordRun(7, 0, b.length));
    assertThat(finder.search(a, b).work()).isLessThanOrEqualTo(linearBound);
  }

  /**
   * Seeds rare in both texts are paired before frequent ones, so a passage of their own is found
   * even after a stretch of repeats long enough to use up the budget: in B's order the passage
   * comes last.
   */
  @Test
  void distinctivePassagesAreFoundBeforeTheBudgetGoesToRepeats() {
    int repeats = 20_000;
    int passage = 40;
    long[] a = new long[repeats + 1 + passage];
    long[] b = new long[repeats + 1 + passage];
    for (int i = 0; i < repeats; i++) {
      a[i] = 1000 + i % 30;
      b[i] = 1000 + i % 30;
    }
    a[repeats] = 1; // a different word before the passage in each, so no run runs into it
    b[repeats] = 2;
    for (int k = 0; k < passage; k++) {
      a[repeats + 1 + k] = 5000 + k;
      b[repeats + 1 + k] = 5000 + k;
    }
    SharedPassageFinder.Search search = new SharedPassageFinder(6, 10).search(a, b);
    assertThat(search.exhausted()).isTrue();
    assertThat(search.runs())
        .containsExactly(
            new WordRun(0, 0, repeats), new WordRun(repeats + 1, repeats + 1, passage));
  }

  /**
   * The runs by definition, trying every pair of positions: each maximal shared run of at least
   * {@code minWords} words, longest first (then by start in A, then in B), kept when it overlaps
   * none kept before it on either side, up to {@code maxPassages}.
   */
  private static List<WordRun> bruteForce(long[] a, long[] b, int minWords, int maxPassages) {
    List<WordRun> maximal = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        if (a[i] != b[j] || (i > 0 && j > 0 && a[i - 1] == b[j - 1])) {
          continue;
        }
        int length = 0;
        while (i + length < a.length && j + length < b.length && a[i + length] == b[j + length]) {
          length++;
        }
        if (length >= minWords) {
          maximal.add(new WordRun(i, j, length));
        }
      }
    }
    maximal.sort(
        Comparator.comparingInt(WordRun::length)
            .reversed()
            .thenComparingInt(WordRun::startA)
            .thenComparingInt(WordRun::startB));
    boolean[] usedA = new boolean[a.length];
    boolean[] usedB = new boolean[b.length];
    List<WordRun> chosen = new ArrayList<>();
    for (WordRun run : maximal) {
      boolean free = chosen.size() < maxPassages;
      for (int k = 0; k < run.length() && free; k++) {
        free = !usedA[run.startA() + k] && !usedB[run.startB() + k];
      }
      if (free) {
        chosen.add(run);
        for (int k = 0; k < run.length(); k++) {
          usedA[run.startA() + k] = true;
          usedB[run.startB() + k] = true;
        }
      }
    }
    return chosen;
  }
}
