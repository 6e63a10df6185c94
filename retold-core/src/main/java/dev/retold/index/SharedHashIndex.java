package dev.retold.index;

import dev.retold.parallel.ParallelTasks;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An inverted index from 64-bit hash to documents that lists every pair of documents sharing at
 * least {@code minSharedHashes} indexed hashes, without looking at pairs that share none. The scan
 * uses it over shingle sets, for rewrites whose Jaccard similarity is too low for {@link
 * BandedLshIndex} but which still share many exact word runs (a condensed rewrite keeps its
 * source's quotes and key sentences), and over each article's heaviest terms, for articles on the
 * same story.
 *
 * <p>Hashes found in more than {@code maxDocumentFrequency} documents are not indexed: they are
 * boilerplate ("said in a statement") or everyday words, and would pair every document with every
 * other. Hashes of one document only pair nothing and are not indexed either.
 *
 * <p>How: the first call of {@link #candidates()} sorts all (hash, document) entries into postings
 * (each indexed hash's documents, in order), radix sorting buckets of the hash space that fit a
 * core's cache, and notes, per document, where in the postings it is. Then, for each document
 * {@code a}, it adds one to a per-thread counter at {@code b} for every document {@code b} after
 * {@code a} in each of {@code a}'s postings, and emits each {@code b} counted at least {@code
 * minSharedHashes} times. No table of pairs is kept: a pair sharing one hash costs one array
 * increment, and only candidates are stored.
 *
 * <p>Cost: time is the sort plus, for each indexed hash in {@code m} documents, {@code m (m - 1) /
 * 2} increments (the cap bounds them), both spread over {@link Builder#threads(int)} threads. At a
 * million documents of 30 hashes, with a billion increments, that is about 5 seconds on two cores.
 * Memory: the added hashes take 8 bytes each, in blocks of a million, until the first {@link
 * #candidates()} turns them into postings and releases them; while it sorts, each thread needs 22
 * bytes per entry of the largest bucket (a hash in very many documents makes its bucket large). The
 * postings keep about 8 bytes per indexed entry and 4 per document id; counting takes, per thread,
 * 4 bytes per document id and 4 per document one document meets; the candidates take 12 bytes each.
 *
 * <p>The sort key is a hash, mixed and cut to {@code 64 - ceil(log2 n)} bits, beside the document
 * id. A chance collision of cut hashes (about {@code d^2 / 2^(65 - ceil(log2 n))} among {@code d}
 * distinct hashes: some 50 among 40 million at a million documents) merges two hashes into one,
 * which can add one to a pair's count.
 *
 * <p>Document ids are {@code int}s from 0, meant to be dense (counters are as long as the largest
 * id), added in any order, each once. The output depends only on the documents, not on the order
 * they were added in nor on the thread count. Once {@link #candidates()} has been called, the index
 * takes no more documents. Not thread-safe: add and list from one thread; listing uses its own
 * threads.
 */
public final class SharedHashIndex {
  /** Default for {@link Builder#maxDocumentFrequency(int)}. */
  public static final int DEFAULT_MAX_DOCUMENT_FREQUENCY = 50;

  /** Default for {@link Builder#minSharedHashes(int)}. */
  public static final int DEFAULT_MIN_SHARED_HASHES = 8;

  /** The most hashes an index holds, so that postings with their ends fit {@code int} indexes. */
  private static final int MAX_ENTRIES = 1 << 30;

  /** Added hashes are kept in blocks of this many entries (8 MB), sorted into buckets per block. */
  private static final int BLOCK_ENTRIES = 1 << 20;

  /** Entries per bucket of the hash space, roughly: a bucket is sorted in a core's cache. */
  private static final int BUCKET_ENTRIES = 1 << 15;

  private static final int MAX_BUCKET_BITS = 16;

  /** Counting tasks per thread, so threads that finish early take over work. */
  private static final int TASKS_PER_THREAD = 64;

  /** Ends each indexed hash's documents in the postings (no document id is negative). */
  private static final int END = -1;

  private final int maxDocumentFrequency;
  private final int minSharedHashes;
  private final int threads;
  private final int blockBits;
  private final int bucketEntries;
  private final BitSet added = new BitSet();
  private long[][] blocks = new long[4][];
  private int entries;
  private int[] docIds = new int[64];
  private int[] docStarts = new int[65];
  private int documents;
  private int maxDocId = -1;
  private Postings postings;

  private SharedHashIndex(Builder builder) {
    this.maxDocumentFrequency = builder.maxDocumentFrequency;
    this.minSharedHashes = builder.minSharedHashes;
    this.threads = builder.threads;
    this.blockBits = Integer.numberOfTrailingZeros(builder.blockEntries);
    this.bucketEntries = builder.bucketEntries;
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** An empty index with the default settings. */
  public static SharedHashIndex withDefaults() {
    return builder().build();
  }

  /** Hashes in more documents than this are not indexed. */
  public int maxDocumentFrequency() {
    return maxDocumentFrequency;
  }

  /** How many indexed hashes a pair must share to be a candidate. */
  public int minSharedHashes() {
    return minSharedHashes;
  }

  /** How many threads {@link #candidates()} uses. */
  public int threads() {
    return threads;
  }

  /** How many documents were added. */
  public int size() {
    return documents;
  }

  /**
   * Adds document {@code docId} with its hash set, strictly ascending (signed order), as {@link
   * dev.retold.text.Shingles#distinctSorted(long[])} gives shingles. The hashes are copied.
   *
   * @throws IllegalArgumentException if the id is negative or already added, or the hashes are not
   *     strictly ascending
   * @throws IllegalStateException if {@link #candidates()} was called already, or the index would
   *     hold more than 2^30 hashes
   */
  public void add(int docId, long[] sortedDistinctHashes) {
    Objects.requireNonNull(sortedDistinctHashes, "sortedDistinctHashes");
    if (postings != null) {
      throw new IllegalStateException("no documents can be added once candidates() was called");
    }
    if (docId < 0) {
      throw new IllegalArgumentException("docId must be >= 0: " + docId);
    }
    if (added.get(docId)) {
      throw new IllegalArgumentException("docId already added: " + docId);
    }
    for (int i = 1; i < sortedDistinctHashes.length; i++) {
      if (sortedDistinctHashes[i - 1] >= sortedDistinctHashes[i]) {
        throw new IllegalArgumentException(
            "hashes must be sorted and distinct, but entry "
                + i
                + " is not above the one before: document "
                + docId);
      }
    }
    if ((long) entries + sortedDistinctHashes.length > MAX_ENTRIES) {
      throw new IllegalStateException("too many hashes in the index: " + entries);
    }
    added.set(docId);
    maxDocId = Math.max(maxDocId, docId);
    if (documents == docIds.length) {
      docIds = Arrays.copyOf(docIds, documents * 2);
      docStarts = Arrays.copyOf(docStarts, documents * 2 + 1);
    }
    docIds[documents] = docId;
    append(sortedDistinctHashes);
    documents++;
    docStarts[documents] = entries;
  }

  private void append(long[] hashes) {
    int blockEntries = 1 << blockBits;
    for (int copied = 0; copied < hashes.length; ) {
      int block = entries >>> blockBits;
      int offset = entries & (blockEntries - 1);
      int n = Math.min(hashes.length - copied, blockEntries - offset);
      if (block == blocks.length) {
        blocks = Arrays.copyOf(blocks, block * 2);
      }
      long[] current = blocks[block];
      if (current == null || current.length < offset + n) {
        int grown = current == null ? 1024 : current.length * 2;
        int capacity = Math.min(blockEntries, Math.max(offset + n, grown));
        blocks[block] = current == null ? new long[capacity] : Arrays.copyOf(current, capacity);
      }
      System.arraycopy(hashes, copied, blocks[block], offset, n);
      copied += n;
      entries += n;
    }
  }

  /**
   * Every pair of documents sharing at least {@code minSharedHashes} indexed hashes, with the
   * number they share, ordered by {@code a} then {@code b}: an unmodifiable list holding 12 bytes
   * per candidate, whose elements are made as they are read. The first call builds the postings and
   * closes the index to {@link #add}; later calls count again on them.
   */
  public List<SharedHashCandidate> candidates() {
    if (postings == null) {
      postings = buildPostings();
    }
    return countSharedHashes(postings);
  }

  /**
   * The indexed hashes' documents, and where to start counting for each document.
   *
   * @param docs each indexed hash's documents in order, then {@link #END}; hashes ordered by their
   *     first document, so the counting for one document after another mostly reads on
   * @param docStart where each document id's places start in {@code places}, and the end
   * @param places per document, the positions in {@code docs} where it is followed by another
   *     document (where it is last, it pairs with nothing)
   */
  private record Postings(int[] docs, int[] docStart, int[] places) {}

  private Postings buildPostings() {
    int[][] bucketDocs = bucketPostings();
    blocks = null;
    docIds = null;
    docStarts = null;
    int ids = maxDocId + 1;
    // Lay the hashes out by first document: count what each document leads, then place it.
    int[] next = new int[ids + 1];
    for (int[] part : bucketDocs) {
      for (int from = 0, end; from < part.length; from = end + 1) {
        end = endOf(part, from);
        next[part[from] + 1] += end + 1 - from;
      }
    }
    for (int doc = 0; doc < ids; doc++) {
      next[doc + 1] += next[doc];
    }
    int[] docs = new int[next[ids]];
    for (int bucket = 0; bucket < bucketDocs.length; bucket++) {
      int[] part = bucketDocs[bucket];
      bucketDocs[bucket] = null;
      for (int from = 0, end; from < part.length; from = end + 1) {
        end = endOf(part, from);
        System.arraycopy(part, from, docs, next[part[from]], end + 1 - from);
        next[part[from]] += end + 1 - from;
      }
    }
    int[] docStart = new int[ids + 1];
    for (int place = 0; place < docs.length; place++) {
      if (docs[place] != END && docs[place + 1] != END) {
        docStart[docs[place] + 1]++;
      }
    }
    for (int doc = 0; doc < ids; doc++) {
      docStart[doc + 1] += docStart[doc];
    }
    int[] places = new int[docStart[ids]];
    System.arraycopy(docStart, 0, next, 0, ids);
    for (int place = 0; place < docs.length; place++) {
      if (docs[place] != END && docs[place + 1] != END) {
        places[next[docs[place]]++] = place;
      }
    }
    return new Postings(docs, docStart, places);
  }

  /** Where the documents of the hash starting at {@code docs[from]} end: the {@link #END}. */
  private static int endOf(int[] docs, int from) {
    int end = from + 1;
    while (docs[end] != END) {
      end++;
    }
    return end;
  }

  /**
   * Each bucket's indexed hashes, in order, each as its documents in order and then {@link #END}.
   * Entries are packed as cut hash and document id in place of the added hashes and grouped by
   * bucket within each block; then each bucket gathers its part of every block and sorts it.
   */
  private int[][] bucketPostings() {
    int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(maxDocId, 0)));
    long keyMask = -1L << idBits;
    int bucketBits = 0;
    while ((entries >>> bucketBits) > bucketEntries && bucketBits < MAX_BUCKET_BITS) {
      bucketBits++;
    }
    int buckets = 1 << bucketBits;
    int blockCount = (int) (((long) entries + (1 << blockBits) - 1) >>> blockBits);
    int[][] bucketStarts = new int[blockCount][];
    int bits = bucketBits;
    ParallelTasks.run(
        threads,
        blockCount,
        () -> null,
        (block, none) -> {
          int from = block << blockBits;
          int size = Math.min(entries - from, 1 << blockBits);
          pack(blocks[block], from, size, keyMask);
          bucketStarts[block] = groupByBucket(blocks[block], size, bits);
        });
    int largest = 0;
    for (int bucket = 0; bucket < buckets; bucket++) {
      int size = 0;
      for (int[] starts : bucketStarts) {
        size += starts[bucket + 1] - starts[bucket];
      }
      largest = Math.max(largest, size);
    }
    int largestBucket = largest;
    int[][] bucketDocs = new int[buckets][];
    ParallelTasks.run(
        threads,
        buckets,
        () -> new SortBuffers(largestBucket),
        (bucket, buffers) -> {
          int size = 0;
          for (int block = 0; block < blockCount; block++) {
            int from = bucketStarts[block][bucket];
            int length = bucketStarts[block][bucket + 1] - from;
            System.arraycopy(blocks[block], from, buffers.entries, size, length);
            size += length;
          }
          bucketDocs[bucket] = indexedDocs(buffers, buffers.sort(size, bits), size, keyMask);
        });
    return bucketDocs;
  }

  /**
   * Replaces the {@code size} hashes of {@code block}, the index's entries from {@code from} on, by
   * their keys: mixed hash cut by {@code keyMask}, and document id.
   */
  private void pack(long[] block, int from, int size, long keyMask) {
    int lo = 0; // the last document starting at or before entry `from`: docStarts[lo] <= from
    int hi = documents - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (docStarts[mid] <= from) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int doc = lo;
    int next = docStarts[doc + 1];
    for (int i = 0; i < size; i++) {
      while (from + i >= next) {
        next = docStarts[++doc + 1];
      }
      block[i] = (mix(block[i]) & keyMask) | docIds[doc];
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

  /**
   * The postings of the sorted keys {@code keys[0, size)}: each cut hash in 2 to {@code
   * maxDocumentFrequency} documents, as its distinct documents and {@link #END}, written through
   * {@code buffers.docs}.
   */
  private int[] indexedDocs(SortBuffers buffers, long[] keys, int size, long keyMask) {
    int[] docs = buffers.docs;
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
        docs[length++] = END;
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

  private List<SharedHashCandidate> countSharedHashes(Postings postings) {
    int ids = postings.docStart.length - 1;
    if (postings.places.length == 0) {
      return new CandidateList(new long[0], new int[0]);
    }
    int tasks = (int) Math.min(ids, (long) threads * TASKS_PER_THREAD);
    Found[] found = new Found[tasks];
    ParallelTasks.run(
        threads,
        tasks,
        () -> new Counter(ids),
        (task, counter) -> {
          int from = (int) ((long) ids * task / tasks);
          int to = (int) ((long) ids * (task + 1) / tasks);
          found[task] = counter.count(postings, from, to, minSharedHashes);
        });
    int total = 0;
    for (Found part : found) {
      total = Math.addExact(total, part.size);
    }
    long[] pairs = new long[total];
    int[] shared = new int[total];
    int length = 0;
    for (int task = 0; task < tasks; task++) {
      System.arraycopy(found[task].pairs, 0, pairs, length, found[task].size);
      System.arraycopy(found[task].shared, 0, shared, length, found[task].size);
      length += found[task].size;
      found[task] = null;
    }
    return new CandidateList(pairs, shared);
  }

  /** One thread's counters: one per document id, all zero between documents. */
  private static final class Counter {
    private final int[] counts;
    private int[] touched = new int[1024];

    Counter(int ids) {
      counts = new int[ids];
    }

    /** The candidates {@code (a, b)} for every {@code a} in {@code [from, to)}, in order. */
    Found count(Postings postings, int from, int to, int minShared) {
      int[] docs = postings.docs;
      int[] docStart = postings.docStart;
      int[] places = postings.places;
      Found found = new Found();
      for (int a = from; a < to; a++) {
        int met = 0;
        for (int entry = docStart[a]; entry < docStart[a + 1]; entry++) {
          for (int place = places[entry] + 1, b; (b = docs[place]) != END; place++) {
            if (counts[b]++ == 0) {
              if (met == touched.length) {
                touched = Arrays.copyOf(touched, met * 2);
              }
              touched[met++] = b;
            }
          }
        }
        int kept = 0;
        for (int i = 0; i < met; i++) {
          int b = touched[i];
          if (counts[b] >= minShared) {
            touched[kept++] = b;
          } else {
            counts[b] = 0;
          }
        }
        Arrays.sort(touched, 0, kept);
        for (int i = 0; i < kept; i++) {
          int b = touched[i];
          found.add(CandidatePair.key(a, b), counts[b]);
          counts[b] = 0;
        }
      }
      return found;
    }
  }

  /** The candidates one counting task found, as pair keys and shared counts. */
  private static final class Found {
    long[] pairs = new long[16];
    int[] shared = new int[16];
    int size;

    void add(long pair, int count) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
        shared = Arrays.copyOf(shared, size * 2);
      }
      pairs[size] = pair;
      shared[size] = count;
      size++;
    }
  }

  /** Candidates as pair keys and counts, each made into a record when read. */
  private static final class CandidateList extends AbstractList<SharedHashCandidate>
      implements RandomAccess {
    private final long[] pairs;
    private final int[] shared;

    CandidateList(long[] pairs, int[] shared) {
      this.pairs = pairs;
      this.shared = shared;
    }

    @Override
    public SharedHashCandidate get(int index) {
      Objects.checkIndex(index, pairs.length);
      return new SharedHashCandidate(
          (int) (pairs[index] >>> 32), (int) pairs[index], shared[index]);
    }

    @Override
    public int size() {
      return pairs.length;
    }
  }

  /**
   * Configures a {@link SharedHashIndex}. Defaults: {@code maxDocumentFrequency} {@value
   * SharedHashIndex#DEFAULT_MAX_DOCUMENT_FREQUENCY}, {@code minSharedHashes} {@value
   * SharedHashIndex#DEFAULT_MIN_SHARED_HASHES}, one thread. Not thread-safe.
   */
  public static final class Builder {
    private int maxDocumentFrequency = DEFAULT_MAX_DOCUMENT_FREQUENCY;
    private int minSharedHashes = DEFAULT_MIN_SHARED_HASHES;
    private int threads = 1;
    private int blockEntries = BLOCK_ENTRIES;
    private int bucketEntries = BUCKET_ENTRIES;

    private Builder() {}

    /**
     * Hashes in more documents than this are boilerplate and not indexed; at least 2 (a hash in one
     * document pairs nothing). A hash in {@code m} documents costs {@code m (m - 1) / 2} counter
     * increments, so this also bounds the work.
     */
    public Builder maxDocumentFrequency(int maxDocumentFrequency) {
      if (maxDocumentFrequency < 2) {
        throw new IllegalArgumentException(
            "maxDocumentFrequency must be >= 2: " + maxDocumentFrequency);
      }
      this.maxDocumentFrequency = maxDocumentFrequency;
      return this;
    }

    /** How many indexed hashes a pair must share to be a candidate; at least 1. */
    public Builder minSharedHashes(int minSharedHashes) {
      if (minSharedHashes < 1) {
        throw new IllegalArgumentException("minSharedHashes must be >= 1: " + minSharedHashes);
      }
      this.minSharedHashes = minSharedHashes;
      return this;
    }

    /**
     * How many threads {@link SharedHashIndex#candidates()} sorts and counts on, the caller's one
     * of them; at least 1. The candidates are the same for any number; each counting thread holds a
     * counter per document id (4 bytes each).
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** For tests: how many entries a block of added hashes holds; a power of two. */
    Builder blockEntries(int blockEntries) {
      if (Integer.bitCount(blockEntries) != 1) {
        throw new IllegalArgumentException("blockEntries must be a power of two: " + blockEntries);
      }
      this.blockEntries = blockEntries;
      return this;
    }

    /** For tests: how many entries a bucket of the hash space should hold at most (roughly). */
    Builder bucketEntries(int bucketEntries) {
      this.bucketEntries = bucketEntries;
      return this;
    }

    /** An empty index with these settings. */
    public SharedHashIndex build() {
      return new SharedHashIndex(this);
    }
  }
}
