package dev.retold.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the longest word runs two texts share: the evidence behind a copy or a rewrite.
 *
 * <p>Works on the token term hashes of each text. Every position of A is indexed by the hash of the
 * {@code minWords} tokens starting there (its seed); each position of B is paired with the
 * positions of A that have its seed, and a pair that starts a match (the words before differ) is
 * extended as far as the tokens agree, giving the maximal runs, each extended once. Runs are then
 * taken longest first, skipping any that overlaps one already taken on either side, so the passages
 * do not repeat each other.
 *
 * <p>Why a work budget: on ordinary text a seed occurs a few times, and the cost is linear in the
 * two lengths plus the seed pairs. On repetitive text (one sentence repeated through two files of 2
 * MB) every seed occurs thousands of times in each, and pairing every occurrence with every other
 * is quadratic. So the search counts its work (a unit per seed pair looked at, and per word
 * compared while extending a run) and stops pairing once it reaches {@value #MIN_WORK} + {@value
 * #WORK_PER_WORD} units per word of the two texts; a run being extended is extended to its end. The
 * seeds that occur at most {@value #FREQUENT_SEED} times in each text are paired first, so the
 * distinctive passages of a text with a repetitive stretch are found before the budget goes to the
 * repeats. Below the budget (every ordinary pair of articles, by far) the runs are exactly the
 * maximal ones; past it, they are real maximal shared runs, the ones found first, and the search
 * costs at most the budget plus the shorter text's length. Deterministic either way.
 *
 * @param minWords the shortest run reported, >= 1
 * @param maxPassages the most runs reported, >= 1
 */
public record SharedPassageFinder(int minWords, int maxPassages) {
  /** A seed occurring more often than this in either text is paired after the others. */
  static final int FREQUENT_SEED = 16;

  /** The work allowed per word of the two texts, beyond {@link #MIN_WORK}. */
  static final int WORK_PER_WORD = 32;

  /** The work allowed whatever the lengths, so short texts are always searched in full. */
  static final int MIN_WORK = 1 << 16;

  private static final Comparator<WordRun> LONGEST_FIRST =
      Comparator.comparingInt(WordRun::length)
          .reversed()
          .thenComparingInt(WordRun::startA)
          .thenComparingInt(WordRun::startB);

  /** Checks the limits. */
  public SharedPassageFinder {
    if (minWords < 1) {
      throw new IllegalArgumentException("minWords must be >= 1: " + minWords);
    }
    if (maxPassages < 1) {
      throw new IllegalArgumentException("maxPassages must be >= 1: " + maxPassages);
    }
  }

  /**
   * What one search found and what it cost.
   *
   * @param runs the runs reported
   * @param work the units of work done: seed pairs looked at plus words compared
   * @param budget the units the search was allowed
   * @param exhausted whether it stopped at the budget, leaving seed pairs unlooked at
   */
  record Search(List<WordRun> runs, long work, long budget, boolean exhausted) {}

  /**
   * The shared runs of at least {@code minWords} tokens, longest first, not overlapping each other
   * on either side, at most {@code maxPassages}.
   */
  public List<WordRun> find(long[] termsA, long[] termsB) {
    return search(termsA, termsB).runs();
  }

  /** {@link #find(long[], long[])}, with its cost. */
  Search search(long[] termsA, long[] termsB) {
    if (termsA.length < minWords || termsB.length < minWords) {
      return new Search(List.of(), 0, budget(termsA, termsB), false);
    }
    long[] seedsA = seeds(termsA);
    long[] seedsB = seeds(termsB);
    return runs(termsA, seedsA, allPositions(seedsA), termsB, seedsB, allPositions(seedsB));
  }

  /**
   * The same runs as {@link #find(long[], long[])}, found faster from what a scan already has:
   * {@code seedsA[i]} is the hash of the {@code k} words from word {@code i} of A (a word shingle,
   * {@code k <= minWords}), likewise for B, and {@code sharedSeeds} is the sorted set of seed
   * hashes both hold. Only positions whose seed both texts hold can start a shared run of {@code
   * minWords} words, so only those are indexed and probed: for two reports of one event that share
   * three shingles, three positions rather than six hundred.
   *
   * @throws IllegalArgumentException if a seed array is longer than its text
   */
  public List<WordRun> find(
      long[] termsA, long[] seedsA, long[] termsB, long[] seedsB, long[] sharedSeeds) {
    return search(termsA, seedsA, termsB, seedsB, sharedSeeds).runs();
  }

  /** {@link #find(long[], long[], long[], long[], long[])}, with its cost. */
  Search search(long[] termsA, long[] seedsA, long[] termsB, long[] seedsB, long[] sharedSeeds) {
    if (seedsA.length > termsA.length || seedsB.length > termsB.length) {
      throw new IllegalArgumentException("more seeds than words");
    }
    if (termsA.length < minWords || termsB.length < minWords || sharedSeeds.length == 0) {
      return new Search(List.of(), 0, budget(termsA, termsB), false);
    }
    return runs(
        termsA,
        seedsA,
        sharedPositions(seedsA, sharedSeeds),
        termsB,
        seedsB,
        sharedPositions(seedsB, sharedSeeds));
  }

  private static long budget(long[] termsA, long[] termsB) {
    return MIN_WORK + (long) WORK_PER_WORD * (termsA.length + termsB.length);
  }

  /**
   * The maximal shared runs of at least {@code minWords} words that start at one of {@code
   * positionsA} and one of {@code positionsB} with equal seeds, disjoint and longest first: the
   * seeds rare in both texts paired first, then the frequent ones, within the budget.
   */
  private Search runs(
      long[] termsA,
      long[] seedsA,
      int[] positionsA,
      long[] termsB,
      long[] seedsB,
      int[] positionsB) {
    SeedIndex indexA = new SeedIndex(seedsA, positionsA);
    SeedIndex indexB = new SeedIndex(seedsB, positionsB);
    long budget = budget(termsA, termsB);
    long work = 0;
    boolean exhausted = false;
    List<WordRun> maximal = new ArrayList<>();
    search:
    for (boolean frequentPass : new boolean[] {false, true}) {
      for (int j : positionsB) {
        long seed = seedsB[j];
        int countA = indexA.count(seed);
        boolean frequent = countA > FREQUENT_SEED || indexB.count(seed) > FREQUENT_SEED;
        if (countA == 0 || frequent != frequentPass) {
          continue;
        }
        for (int i = indexA.first(seed); i >= 0; i = indexA.next(i)) {
          if (work >= budget) {
            exhausted = true;
            break search;
          }
          work++;
          boolean extendsEarlierRun = i > 0 && j > 0 && termsA[i - 1] == termsB[j - 1];
          if (extendsEarlierRun) {
            continue;
          }
          int length = 0;
          while (i + length < termsA.length
              && j + length < termsB.length
              && termsA[i + length] == termsB[j + length]) {
            length++;
          }
          work += length;
          if (length >= minWords) {
            maximal.add(new WordRun(i, j, length));
          }
        }
      }
    }
    return new Search(chooseDisjoint(maximal), work, budget, exhausted);
  }

  /** The hash of the {@code minWords} words from each position that has that many. */
  private long[] seeds(long[] terms) {
    long[] seeds = new long[terms.length - minWords + 1];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = seedHash(terms, i);
    }
    return seeds;
  }

  private static int[] allPositions(long[] seeds) {
    int[] positions = new int[seeds.length];
    Arrays.setAll(positions, i -> i);
    return positions;
  }

  /** The positions whose seed is in {@code sortedShared}, in increasing order. */
  private static int[] sharedPositions(long[] seeds, long[] sortedShared) {
    // an open-addressing set of the shared seeds: one probe a position, where a binary search took
    // ten for two near-copies sharing hundreds of shingles
    int capacity = Integer.highestOneBit(Math.max(2, sortedShared.length) * 2 - 1) * 2;
    int mask = capacity - 1;
    long[] table = new long[capacity];
    boolean[] used = new boolean[capacity];
    for (long seed : sortedShared) {
      int slot = spread(seed) & mask;
      while (used[slot]) {
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      table[slot] = seed;
    }
    int[] positions = new int[seeds.length];
    int count = 0;
    for (int i = 0; i < seeds.length; i++) {
      long seed = seeds[i];
      for (int slot = spread(seed) & mask; used[slot]; slot = (slot + 1) & mask) {
        if (table[slot] == seed) {
          positions[count++] = i;
          break;
        }
      }
    }
    return Arrays.copyOf(positions, count);
  }

  private static int spread(long hash) {
    long z = hash * 0x9E3779B97F4A7C15L;
    return (int) (z ^ (z >>> 32));
  }

  /**
   * The runs longest first, each that overlaps none taken before it on either side, at most {@code
   * maxPassages}: each run is checked against the few taken, never against the words they cover.
   */
  private List<WordRun> chooseDisjoint(List<WordRun> runs) {
    runs.sort(LONGEST_FIRST);
    List<WordRun> chosen = new ArrayList<>();
    for (WordRun run : runs) {
      if (chosen.size() == maxPassages) {
        break;
      }
      boolean overlaps = false;
      for (WordRun taken : chosen) {
        overlaps |=
            run.startA() < taken.endA() && taken.startA() < run.endA()
                || run.startB() < taken.endB() && taken.startB() < run.endB();
      }
      if (!overlaps) {
        chosen.add(run);
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * Every seed position of one text by its hash, in primitive arrays (this runs for every reported
   * pair): an open-addressing table from hash to the first position and to how many there are, and
   * a chain from each position to the next with the same hash, in increasing order.
   */
  private static final class SeedIndex {
    private final long[] hashes;
    private final int[] heads; // position + 1; 0 = empty
    private final int[] counts;
    private final int[] next;
    private final int mask;

    /** Indexes {@code positions} (increasing) by their seed in {@code seeds}. */
    SeedIndex(long[] seeds, int[] positions) {
      int capacity = Integer.highestOneBit(Math.max(2, positions.length) * 2 - 1) * 2;
      hashes = new long[capacity];
      heads = new int[capacity];
      counts = new int[capacity];
      next = new int[seeds.length];
      mask = capacity - 1;
      int[] tails = new int[capacity];
      for (int i : positions) {
        long hash = seeds[i];
        int slot = slot(hash);
        next[i] = -1;
        if (heads[slot] == 0) {
          hashes[slot] = hash;
          heads[slot] = i + 1;
        } else {
          next[tails[slot]] = i;
        }
        tails[slot] = i;
        counts[slot]++;
      }
    }

    /** The slot of {@code hash}: where it is, or the empty one where it would go. */
    private int slot(long hash) {
      int slot = (int) (hash ^ (hash >>> 32)) & mask;
      while (heads[slot] != 0 && hashes[slot] != hash) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** The first position with this seed hash, or -1. */
    int first(long hash) {
      return heads[slot(hash)] - 1;
    }

    /** How many positions have this seed hash. */
    int count(long hash) {
      return counts[slot(hash)];
    }

    /** The next position after {@code position} with the same seed hash, or -1. */
    int next(int position) {
      return next[position];
    }
  }

  private long seedHash(long[] terms, int start) {
    long h = 0x9E3779B97F4A7C15L;
    for (int k = start; k < start + minWords; k++) {
      h = Long.rotateLeft(h ^ terms[k], 29) * 0xBF58476D1CE4E5B9L;
    }
    return h;
  }
}
