package dev.retold.index;

import dev.retold.parallel.ParallelTasks;
import java.util.Arrays;

/**
 * Sorts the added (hash, document) entries of a {@link HashEntries} into each indexed hash's
 * documents, in buckets of the hash space that fit a core's cache, so that the sort runs on several
 * threads without one big array of keys beside the blocks.
 *
 * <p>How: each entry is replaced, in its block, by a key (the hash, mixed and cut to {@code 64 -
 * ceil(log2 n)} bits, beside the document id), and each block is grouped by bucket (the top bits of
 * the key) in place; then each bucket gathers its part of every block into a thread's buffer and
 * sorts it, by comparison when small, else by an LSD radix sort of 11 bits a pass, and keeps each
 * cut hash in 2 to {@code maxDocumentFrequency} documents as its documents in order and {@link
 * Postings#END}. While it sorts, each thread needs 22 bytes per entry of the largest bucket (a hash
 * in very many documents makes its bucket large).
 *
 * <p>A chance collision of cut hashes (about {@code d^2 / 2^(65 - ceil(log2 n))} among {@code d}
 * distinct hashes: some 50 among 40 million at a million documents) merges two hashes into one,
 * which can add one to a pair's count.
 */
final class BucketRadixSort {
  private static final int MAX_BUCKET_BITS = 16;

  private BucketRadixSort() {}

  /**
   * Each bucket's indexed hashes, in order, each as its documents in order and then {@link
   * Postings#END}; buckets hold about {@code bucketEntries} entries at most (up to 2^16 buckets).
   * Overwrites the entries' blocks with keys, so {@code entries} is spent.
   */
  static int[][] bucketPostings(
      HashEntries entries, int maxDocumentFrequency, int threads, int bucketEntries) {
    int size = entries.size();
    int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(entries.maxDocId(), 0)));
    long keyMask = -1L << idBits;
    int bucketBits = 0;
    while ((size >>> bucketBits) > bucketEntries && bucketBits < MAX_BUCKET_BITS) {
      bucketBits++;
    }
    int buckets = 1 << bucketBits;
    int blockCount = entries.blockCount();
    int[][] bucketStarts = new int[blockCount][];
    int bits = bucketBits;
    ParallelTasks.run(
        threads,
        blockCount,
        () -> null,
        (block, none) -> {
          pack(entries, block, keyMask);
          bucketStarts[block] = groupByBucket(entries.block(block), entries.blockSize(block), bits);
        });
    int largest = 0;
    for (int bucket = 0; bucket < buckets; bucket++) {
      int bucketSize = 0;
      for (int[] starts : bucketStarts) {
        bucketSize += starts[bucket + 1] - starts[bucket];
      }
      largest = Math.max(largest, bucketSize);
    }
    int largestBucket = largest;
    int[][] bucketDocs = new int[buckets][];
    ParallelTasks.run(
        threads,
        buckets,
        () -> new SortBuffers(largestBucket),
        (bucket, buffers) -> {
          int bucketSize = 0;
          for (int block = 0; block < blockCount; block++) {
            int from = bucketStarts[block][bucket];
            int length = bucketStarts[block][bucket + 1] - from;
            System.arraycopy(entries.block(block), from, buffers.entries, bucketSize, length);
            bucketSize += length;
          }
          long[] sorted = buffers.sort(bucketSize, bits);
          bucketDocs[bucket] =
              indexedDocs(buffers.docs, sorted, bucketSize, keyMask, maxDocumentFrequency);
        });
    return bucketDocs;
  }

  /**
   * Replaces the hashes of block {@code block} of {@code entries} by their keys: mixed hash cut by
   * {@code keyMask}, and document id.
   */
  private static void pack(HashEntries entries, int block, long keyMask) {
    long[] keys = entries.block(block);
    int size = entries.blockSize(block);
    int from = block << entries.blockBits();
    int doc = entries.documentOf(from);
    int next = entries.documentEnd(doc);
    for (int i = 0; i < size; i++) {
      while (from + i >= next) {
        next = entries.documentEnd(++doc);
      }
      keys[i] = (mix(keys[i]) & keyMask) | entries.docId(doc);
    }
  }

  /**
   * Reorders {@code block[0, size)} in place so that its keys are grouped by bucket (the top {@code
   * bucketBits} bits), buckets in order; returns where each bucket starts, and the end.
   */
  private static int[] groupByBucket(long[] block, int size, int bucketBits) {
    int buckets = 1 << bucketBits;
    int[] starts = new int[buckets + 1];
    if (bucketBits == 0) {
      starts[1] = size;
      return starts;
    }
    int shift = 64 - bucketBits;
    for (int i = 0; i < size; i++) {
      starts[(int) (block[i] >>> shift) + 1]++;
    }
    for (int bucket = 0; bucket < buckets; bucket++) {
      starts[bucket + 1] += starts[bucket];
    }
    // Each bucket's next free slot; a key is swapped into the bucket it belongs to until the one
    // swapped out belongs where the walk started.
    int[] next = Arrays.copyOf(starts, buckets);
    for (int bucket = 0; bucket < buckets; bucket++) {
      int end = starts[bucket + 1];
      while (next[bucket] < end) {
        long key = block[next[bucket]];
        int home = (int) (key >>> shift);
        while (home != bucket) {
          long displaced = block[next[home]];
          block[next[home]++] = key;
          key = displaced;
          home = (int) (key >>> shift);
        }
        block[next[bucket]++] = key;
      }
    }
    return starts;
  }

  /**
   * The postings of the sorted keys {@code keys[0, size)}: each cut hash in 2 to {@code
   * maxDocumentFrequency} documents, as its distinct documents and {@link Postings#END}, written
   * through {@code docs} (at least {@code 1.5 size + 1} long).
   */
  private static int[] indexedDocs(
      int[] docs, long[] keys, int size, long keyMask, int maxDocumentFrequency) {
    long idMask = ~keyMask;
    int length = 0;
    for (int from = 0, to; from < size; from = to) {
      long hash = keys[from] & keyMask;
      int distinct = 1;
      for (to = from + 1; to < size && (keys[to] & keyMask) == hash; to++) {
        if (keys[to] != keys[to - 1]) { // equal keys only when two cut hashes collide
          distinct++;
        }
      }
      if (distinct >= 2 && distinct <= maxDocumentFrequency) {
        docs[length++] = (int) (keys[from] & idMask);
        for (int i = from + 1; i < to; i++) {
          if (keys[i] != keys[i - 1]) {
            docs[length++] = (int) (keys[i] & idMask);
          }
        }
        docs[length++] = Postings.END;
      }
    }
    return Arrays.copyOf(docs, length);
  }

  /** A bijective 64-bit finaliser (the SplitMix64 one), so even small hashes spread. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One thread's buffers for sorting a bucket and writing its postings. */
  private static final class SortBuffers {
    private static final int RADIX_BITS = 11;
    private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;

    /** Below this size, a bucket is sorted by comparison: a histogram would not pay. */
    private static final int MIN_RADIX_SORT = 1 << 12;

    final long[] entries;
    final long[] spare;
    final int[] docs;
    final int[][] digitCounts = new int[(64 + RADIX_BITS - 1) / RADIX_BITS][1 << RADIX_BITS];

    SortBuffers(int largestBucket) {
      entries = new long[largestBucket];
      spare = new long[largestBucket];
      docs = new int[largestBucket + largestBucket / 2 + 1]; // >= 2 documents per END
    }

    /**
     * Sorts the keys {@code entries[0, size)} of one bucket, whose top {@code bucketBits} bits are
     * all equal, as unsigned numbers (LSD radix sort, a pass per 11 bits); returns the array that
     * holds them sorted, {@code entries} or {@code spare}. Equal hashes end up together, their
     * documents in order.
     */
    long[] sort(int size, int bucketBits) {
      if (size < MIN_RADIX_SORT) {
        Arrays.sort(entries, 0, size); // signed order groups hashes and orders documents as well
        return entries;
      }
      int passes = (64 - bucketBits + RADIX_BITS - 1) / RADIX_BITS;
      for (int pass = 0; pass < passes; pass++) {
        Arrays.fill(digitCounts[pass], 0);
      }
      for (int i = 0; i < size; i++) {
        long key = entries[i];
        for (int pass = 0; pass < passes; pass++) {
          digitCounts[pass][(int) (key >>> (pass * RADIX_BITS)) & RADIX_MASK]++;
        }
      }
      long[] from = entries;
      long[] to = spare;
      for (int pass = 0; pass < passes; pass++) {
        int shift = pass * RADIX_BITS;
        int[] counts = digitCounts[pass];
        if (counts[(int) (from[0] >>> shift) & RADIX_MASK] == size) {
          continue; // one digit for all: this pass would not move anything
        }
        for (int digit = 0, start = 0; digit <= RADIX_MASK; digit++) {
          int count = counts[digit];
          counts[digit] = start;
          start += count;
        }
        for (int i = 0; i < size; i++) {
          long key = from[i];
          to[counts[(int) (key >>> shift) & RADIX_MASK]++] = key;
        }
        long[] sorted = to;
        to = from;
        from = sorted;
      }
      return from;
    }
  }
}
