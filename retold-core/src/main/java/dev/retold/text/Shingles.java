package dev.retold.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Word shingles: every run of {@code size} consecutive words, hashed to 64 bits.
 *
 * <p>A copy shares long word runs with its source, so the set of shingle hashes is the fingerprint
 * the later stages compare (exactly, or through MinHash). A text with fewer words than {@code
 * size}, but at least one, gets a single shingle of all its words, so short texts are not left
 * without a fingerprint. Stateless and thread-safe.
 *
 * <p>A shingle's hash is the exclusive or of a fixed constant and its term hashes, the k-th rotated
 * left by {@code 21 k} bits, put through a bijective 64-bit mixer: so "a b c" and "c b a" differ,
 * and the same words give the same hash on every run and machine. Term hashes are uniformly random,
 * so two different shingles collide with probability about 2<sup>-64</sup>, as with any good 64-bit
 * hash (rotations repeat only within shingles of more than 64 words). Why this and not a chain of
 * mixes, one per word: one mix instead of three is a large share of the signature path.
 */
public final class Shingles {
  /** Where every shingle hash starts, before the words are combined in. */
  private static final long INITIAL = 0x52455450_4C49434BL;

  /** How far each word's term hash is rotated left past the previous word's. */
  private static final int ROTATION = 21;

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
    checkSize(size);
    long[] shingles = new long[shingleCount(words, size)];
    hashInto(termHashes, words, size, shingles);
    return shingles;
  }

  private static void checkSize(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be > 0: " + size);
    }
  }

  private static int shingleCount(int words, int size) {
    return words == 0 ? 0 : words - Math.min(size, words) + 1;
  }

  /** Writes the shingle hashes of {@code termHashes[0, words)} to {@code shingles}. */
  private static int hashInto(long[] termHashes, int words, int size, long[] shingles) {
    int count = shingleCount(words, size);
    int width = Math.min(size, words);
    if (width == 3) { // the default, unrolled
      for (int first = 0; first < count; first++) {
        shingles[first] =
            mix(
                INITIAL
                    ^ termHashes[first]
                    ^ Long.rotateLeft(termHashes[first + 1], ROTATION)
                    ^ Long.rotateLeft(termHashes[first + 2], 2 * ROTATION));
      }
      return count;
    }
    for (int first = 0; first < count; first++) {
      long combined = INITIAL;
      for (int word = 0; word < width; word++) {
        combined ^= Long.rotateLeft(termHashes[first + word], word * ROTATION);
      }
      shingles[first] = mix(combined);
    }
    return count;
  }

  /**
   * The distinct values of {@code hashes}, sorted in ascending (signed) order: the shingle set, on
   * which exact Jaccard and containment are a merge away. Does not change {@code hashes}.
   *
   * <p>Shingle hashes are uniformly random, so instead of a comparison sort (which mispredicts a
   * branch on nearly every comparison of random keys) the values are scattered by their top bits
   * into buckets of a few each, as they are copied, and each bucket is sorted by insertion. A
   * crowded bucket (many equal or clustered values, as in input that is not hashes) is sorted with
   * {@link Arrays#sort(long[], int, int)}, so the worst case stays {@code O(n log n)}.
   */
  public static long[] distinctSorted(long[] hashes) {
    Objects.requireNonNull(hashes, "hashes");
    long[] sorted = new long[hashes.length];
    if (hashes.length < 64) {
      System.arraycopy(hashes, 0, sorted, 0, hashes.length);
      Arrays.sort(sorted);
    } else {
      bucketSort(hashes, sorted);
    }
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }

  /** Sorts {@code from} into {@code to}: a scatter by top bits, then small sorts. */
  private static void bucketSort(long[] from, long[] to) {
    int bits = 31 - Integer.numberOfLeadingZeros(from.length / 2); // two or so per bucket
    int shift = 64 - bits;
    int[] ends = new int[1 << bits];
    for (long value : from) {
      ends[bucket(value, shift)]++;
    }
    int sum = 0;
    for (int bucket = 0; bucket < ends.length; bucket++) {
      int count = ends[bucket];
      ends[bucket] = sum; // where the bucket starts, until the scatter moves it to its end
      sum += count;
    }
    for (long value : from) {
      to[ends[bucket(value, shift)]++] = value;
    }
    int start = 0;
    for (int end : ends) {
      if (end - start > 16) {
        Arrays.sort(to, start, end);
      } else {
        for (int i = start + 1; i < end; i++) { // insertion sort
          long value = to[i];
          int at = i - 1;
          while (at >= start && to[at] > value) {
            to[at + 1] = to[at];
            at--;
          }
          to[at + 1] = value;
        }
      }
      start = end;
    }
  }

  /**
   * The bucket of {@code value}: its top bits, with the sign flipped so buckets follow signed
   * order.
   */
  private static int bucket(long value, int shift) {
    return (int) ((value ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * A bijective 64-bit finaliser (Stafford's "Mix13" variant of the MurmurHash3 finaliser): every
   * input bit changes about half the output bits.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
