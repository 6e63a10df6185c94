package dev.retold.scan;

import dev.retold.RetoldSettings;
import dev.retold.index.CandidatePair;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan's copy candidates: the LSH index's pairs (near-copies) and the pairs the shared-hash
 * index finds over the sampled shingles (rewrites that share many word runs but too little overall
 * for LSH), each with its articles replaced by their exact copies' representatives ({@link
 * ExactCopies}), and each copy's pair with its representative; each once, sorted.
 *
 * <p>With every shingle indexed, a candidate must share {@code derivedMinShared} of them, as a
 * derived pair must; with 1 in 2^b sampled, a pair sharing that many shares about {@code
 * derivedMinShared / 2^b} sampled ones, so half that is asked for, and never fewer than 2 (one
 * shared shingle pairs too much by chance).
 */
final class CopyCandidates {
  private final RetoldSettings.Copies copies;
  private final int threads;

  CopyCandidates(RetoldSettings.Copies copies, int threads) {
    this.copies = copies;
    this.threads = threads;
  }

  /**
   * How many sampled shingles a candidate must share, shingles sampled 1 in 2^{@code bits}: see the
   * class comment.
   */
  static int minSampledShared(int derivedMinShared, int bits) {
    return bits == 0 ? derivedMinShared : Math.max(2, derivedMinShared >> (bits + 1));
  }

  /** The candidates, taking the sketches' sampled shingles and LSH pairs. */
  List<CandidatePair> find(Sketches sketches, ExactCopies exact) {
    int bits = sketches.sampleBits();
    int minShared = minSampledShared(copies.derivedMinShared(), bits);
    SharedHashIndex.Builder shared =
        SharedHashIndex.builder()
            .maxDocumentFrequency(copies.maxDocumentFrequency())
            .threads(threads)
            .minSharedHashes(minShared);
    long[][] sampled = sketches.sampledShingles().take();
    for (int k = 0; k < sampled.length; k++) {
      shared.add(k, sampled[k]);
      sampled[k] = null; // the index has them now
    }
    List<SharedHashCandidate> sharedPairs = shared.build().candidates();
    long[] lshPairs = sketches.lshPairs().take();
    long[] found = new long[lshPairs.length + sharedPairs.size()];
    System.arraycopy(lshPairs, 0, found, 0, lshPairs.length);
    int size = lshPairs.length;
    for (SharedHashCandidate candidate : sharedPairs) {
      found[size++] = candidate.pair().key();
    }
    return union(found, exact);
  }

  /**
   * The candidates from pairs found elsewhere ({@link CopyKeys}), given as the two articles'
   * positions one after the other.
   *
   * @throws IllegalArgumentException if a position is no article's
   */
  static List<CandidatePair> joined(
      long[] positionPairs, ArticleTable articles, ExactCopies exact) {
    return union(articles.pairKeys(positionPairs), exact);
  }

  /**
   * {@code found} (pair keys of article indexes) with each article replaced by its exact copies'
   * representative, and each copy's pair with its representative; each once, sorted.
   */
  private static List<CandidatePair> union(long[] found, ExactCopies exact) {
    long[] stars = exact.starKeys();
    long[] keys = Arrays.copyOf(found, found.length + stars.length);
    for (int i = 0; i < found.length; i++) {
      keys[i] = exact.toRepresentatives(found[i]);
    }
    System.arraycopy(stars, 0, keys, found.length, stars.length);
    Arrays.sort(keys);
    List<CandidatePair> union = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] >= 0 && (i == 0 || keys[i] != keys[i - 1])) {
        union.add(CandidatePair.ofKey(keys[i]));
      }
    }
    return union;
  }
}
