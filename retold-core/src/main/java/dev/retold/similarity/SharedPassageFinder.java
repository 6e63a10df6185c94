package dev.retold.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the longest word runs two texts share: the evidence behind a copy or a rewrite.
 *
 * <p>Works on the token term hashes of each text. Every position of A is indexed by the hash of the
 * {@code minWords} tokens starting there; each position of B that starts a match is extended as far
 * as the tokens agree, giving the maximal runs. Runs are then taken longest first, skipping any
 * that overlaps one already taken on either side, so the passages do not repeat each other. Cost is
 * linear in the two lengths plus the number of seed matches.
 *
 * @param minWords the shortest run reported, >= 1
 * @param maxPassages the most runs reported, >= 1
 */
public record SharedPassageFinder(int minWords, int maxPassages) {

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
   * The shared runs of at least {@code minWords} tokens, longest first, not overlapping each other
   * on either side, at most {@code maxPassages}.
   */
  public List<WordRun> find(long[] termsA, long[] termsB) {
    if (termsA.length < minWords || termsB.length < minWords) {
      return List.of();
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
    if (seedsA.length > termsA.length || seedsB.length > termsB.length) {
      throw new IllegalArgumentException("more seeds than words");
    }
    if (termsA.length < minWords || termsB.length < minWords || sharedSeeds.length == 0) {
      return List.of();
    }
    return runs(
        termsA,
        seedsA,
        sharedPositions(seedsA, sharedSeeds),
        termsB,
        seedsB,
        sharedPositions(seedsB, sharedSeeds));
  }

  /**
   * The maximal shared runs of at least {@code minWords} words that start at one of {@code
   * positionsA} and one of {@code positionsB} with equal seeds, disjoint and longest first.
   */
  private List<WordRun> runs(
      long[] termsA,
      long[] seedsA,
      int[] positionsA,
      long[] termsB,
      long[] seedsB,
      int[] positionsB) {
    SeedIndex index = new SeedIndex(seedsA, positionsA);
    List<WordRun> maximal = new ArrayList<>();
    for (int j : positionsB) {
      for (int i = index.first(seedsB[j]); i >= 0; i = index.next(i)) {
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
        if (length >= minWords) {
          maximal.add(new WordRun(i, j, length));
        }
      }
    }
    return chooseDisjoint(maximal, termsA.length, termsB.length);
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

  private List<WordRun> chooseDisjoint(List<WordRun> runs, int lengthA, int lengthB) {
    runs.sort(LONGEST_FIRST);
    BitSet usedA = new BitSet(lengthA);
    BitSet usedB = new BitSet(lengthB);
    List<WordRun> chosen = new ArrayList<>();
    for (WordRun run : runs) {
      if (chosen.size() == maxPassages) {
        break;
      }
      boolean overlaps =
          usedA.get(run.startA(), run.endA()).cardinality() > 0
              || usedB.get(run.startB(), run.endB()).cardinality() > 0;
      if (!overlaps) {
        chosen.add(run);
        usedA.set(run.startA(), run.endA());
        usedB.set(run.startB(), run.endB());
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * Every seed position of A by its hash, in primitive arrays (this runs for every reported pair):
   * an open-addressing table from hash to the first position, and a chain from each position to the
   * next with the same hash, in increasing order.
   */
  private static final class SeedIndex {
    private final long[] hashes;
    private final int[] heads; // position + 1; 0 = empty
    private final int[] next;
    private final int mask;

    /** Indexes {@code positions} (increasing) by their seed in {@code seeds}. */
    SeedIndex(long[] seeds, int[] positions) {
      int capacity = Integer.highestOneBit(Math.max(2, positions.length) * 2 - 1) * 2;
      hashes = new long[capacity];
      heads = new int[capacity];
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
