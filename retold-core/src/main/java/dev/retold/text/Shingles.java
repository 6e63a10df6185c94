package dev.retold.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Word shingles: every run of {@code size} consecutive words, hashed to 64 bits.
 *
 * <p>A copy shares long word runs with its source, so the set of shingle hashes is the fingerprint
 * the later stages compare (exactly, or through MinHash). A shingle's hash mixes its term hashes in
 * order with a fixed, seed-free 64-bit mixer, so "a b c" and "c b a" differ and the same words give
 * the same hash on every run and machine. A text with fewer words than {@code size}, but at least
 * one, gets a single shingle of all its words, so short texts are not left without a fingerprint.
 * Stateless and thread-safe.
 */
public final class Shingles {
  /** Where every shingle hash starts, before the first word is mixed in. */
  private static final long INITIAL = 0x52455450_4C49434BL;

  private Shingles() {}

  /**
   * The hash of each shingle of {@code size} words, in word order: entry {@code i} covers words
   * {@code i} to {@code i + size - 1}. Empty for no words; one entry for 1 to {@code size - 1}
   * words.
   */
  public static long[] hashes(Tokens tokens, int size) {
    Objects.requireNonNull(tokens, "tokens");
    return hashes(tokens.termHashArray(), tokens.size(), size);
  }

  /** As {@link #hashes(Tokens, int)}, from the term hashes of the words in order. */
  public static long[] hashes(long[] termHashes, int size) {
    Objects.requireNonNull(termHashes, "termHashes");
    return hashes(termHashes, termHashes.length, size);
  }

  private static long[] hashes(long[] termHashes, int words, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be > 0: " + size);
    }
    if (words == 0) {
      return new long[0];
    }
    int width = Math.min(size, words);
    long[] shingles = new long[words - width + 1];
    for (int first = 0; first < shingles.length; first++) {
      long hash = INITIAL;
      for (int word = first; word < first + width; word++) {
        hash = mix(hash ^ termHashes[word]);
      }
      shingles[first] = hash;
    }
    return shingles;
  }

  /**
   * The distinct values of {@code hashes}, sorted in ascending (signed) order: the shingle set, on
   * which exact Jaccard and containment are a merge away. Does not change {@code hashes}.
   */
  public static long[] distinctSorted(long[] hashes) {
    long[] sorted = Arrays.copyOf(Objects.requireNonNull(hashes, "hashes"), hashes.length);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }

  /**
   * A bijective 64-bit finaliser (Stafford's "Mix13" variant of the MurmurHash3 finaliser): every
   * input bit changes about half the output bits, which makes chaining it order-sensitive.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
