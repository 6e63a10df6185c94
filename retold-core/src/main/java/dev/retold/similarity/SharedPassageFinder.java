package dev.retold.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the longest word runs two texts share: the evidence behind a copy or a rewrite.
 *
 * <p>Works on the token term hashes of each text. Every position of A is indexed by the hash of the
 * {@code minWords} tokens starting there; each position of B that starts a match is extended as far
 * as the tokens agree, giving the maximal runs. Runs are then taken longest first, skipping any that
 * overlaps one already taken on either side, so the passages do not repeat each other. Cost is linear
 * in the two lengths plus the number of seed matches.
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
    Map<Long, int[]> seeds = indexSeeds(termsA);
    List<WordRun> maximal = new ArrayList<>();
    for (int j = 0; j + minWords <= termsB.length; j++) {
      int[] positions = seeds.get(seedHash(termsB, j));
      if (positions == null) {
        continue;
      }
      for (int p = 1; p <= positions[0]; p++) {
        int i = positions[p];
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

  /** Maps each seed hash to its positions in A, as {count, p1, p2...}. */
  private Map<Long, int[]> indexSeeds(long[] terms) {
    Map<Long, int[]> seeds = new HashMap<>();
    for (int i = 0; i + minWords <= terms.length; i++) {
      int[] positions = seeds.computeIfAbsent(seedHash(terms, i), k -> new int[3]);
      if (positions[0] + 1 == positions.length) {
        positions = Arrays.copyOf(positions, positions.length * 2);
        seeds.put(seedHash(terms, i), positions);
      }
      positions[++positions[0]] = i;
    }
    return seeds;
  }

  private long seedHash(long[] terms, int start) {
    long h = 0x9E3779B97F4A7C15L;
    for (int k = start; k < start + minWords; k++) {
      h = Long.rotateLeft(h ^ terms[k], 29) * 0xBF58476D1CE4E5B9L;
    }
    return h;
  }
}
