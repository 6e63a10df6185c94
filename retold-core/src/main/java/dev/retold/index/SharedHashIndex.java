package dev.retold.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * An inverted index from shingle to documents: the second candidate source, for rewrites whose
 * Jaccard similarity is too low for {@link BandedLshIndex} but which still share many exact word
 * runs (a condensed rewrite keeps its source's quotes and key sentences).
 *
 * <p>A pair of documents becomes a candidate when they share at least {@code minSharedHashes}
 * indexed hashes. Shingles found in more than {@code maxDocumentFrequency} documents are not
 * indexed: they are boilerplate ("the content of this field is kept private", "said in a
 * statement") and would pair every document with every other.
 *
 * <p>Memory and time: {@link #add} keeps the hashes in one array (8 bytes per shingle). {@link
 * #candidates()} works through the hash space in slices of a few million entries, sorting each
 * slice by shingle and counting, per shared shingle, each pair of its documents in a primitive hash
 * table; so beyond the stored hashes it needs the table of co-occurring pairs and one slice. The
 * sort key is a shingle hash, mixed and cut to {@code 64 - ceil(log2 n)} bits, beside the document
 * id; a chance collision of cut hashes within a slice (around a hundred among a billion distinct
 * shingles at a million documents) can add one to a pair's count.
 *
 * <p>Document ids are {@code int}s from 0, meant to be dense, added in any order, each once. The
 * output depends only on the documents, not on the order they were added in. Not thread-safe.
 */
public final class SharedHashIndex {
  /** Default for {@link Builder#maxDocumentFrequency(int)}. */
  public static final int DEFAULT_MAX_DOCUMENT_FREQUENCY = 50;

  /** Default for {@link Builder#minSharedHashes(int)}. */
  public static final int DEFAULT_MIN_SHARED_HASHES = 8;

  /** Entries per slice of the hash space in {@link #candidates()}. */
  private static final int SLICE_ENTRIES = 1 << 22;

  private final int maxDocumentFrequency;
  private final int minSharedHashes;
  private final int sliceEntries;
  private final BitSet added = new BitSet();
  private long[] hashes = new long[1024];
  private int entries;
  private int[] docIds = new int[64];
  private int[] docStarts = new int[65];
  private int documents;
  private int maxDocId = -1;

  private SharedHashIndex(Builder builder) {
    this.maxDocumentFrequency = builder.maxDocumentFrequency;
    this.minSharedHashes = builder.minSharedHashes;
    this.sliceEntries = builder.sliceEntries;
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** An empty index with the default settings. */
  public static SharedHashIndex withDefaults() {
    return builder().build();
  }

  /** Shingles in more documents than this are not indexed. */
  public int maxDocumentFrequency() {
    return maxDocumentFrequency;
  }

  /** How many indexed hashes a pair must share to be a candidate. */
  public int minSharedHashes() {
    return minSharedHashes;
  }

  /** How many documents were added. */
  public int size() {
    return documents;
  }

  /**
   * Adds document {@code docId} with its shingle set, as {@link
   * dev.retold.text.Shingles#distinctSorted(long[])} gives it: strictly ascending (signed order).
   * The hashes are copied.
   *
   * @throws IllegalArgumentException if the id is negative or already added, or the hashes are not
   *     strictly ascending
   */
  public void add(int docId, long[] sortedDistinctShingles) {
    Objects.requireNonNull(sortedDistinctShingles, "sortedDistinctShingles");
    if (docId < 0) {
      throw new IllegalArgumentException("docId must be >= 0: " + docId);
    }
    if (added.get(docId)) {
      throw new IllegalArgumentException("docId already added: " + docId);
    }
    for (int i = 1; i < sortedDistinctShingles.length; i++) {
      if (sortedDistinctShingles[i - 1] >= sortedDistinctShingles[i]) {
        throw new IllegalArgumentException(
            "shingles must be sorted and distinct, but entry "
                + i
                + " is not above the one before: document "
                + docId);
      }
    }
    if ((long) entries + sortedDistinctShingles.length > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many shingles in the index: " + entries);
    }
    added.set(docId);
    maxDocId = Math.max(maxDocId, docId);
    if (documents == docIds.length) {
      docIds = Arrays.copyOf(docIds, documents * 2);
      docStarts = Arrays.copyOf(docStarts, documents * 2 + 1);
    }
    if (entries + sortedDistinctShingles.length > hashes.length) {
      long grown = Math.max(entries + sortedDistinctShingles.length, hashes.length * 3L / 2);
      hashes = Arrays.copyOf(hashes, (int) Math.min(grown, Integer.MAX_VALUE - 16));
    }
    System.arraycopy(sortedDistinctShingles, 0, hashes, entries, sortedDistinctShingles.length);
    docIds[documents] = docId;
    entries += sortedDistinctShingles.length;
    documents++;
    docStarts[documents] = entries;
  }

  /**
   * Every pair of documents sharing at least {@code minSharedHashes} indexed hashes, with the
   * number they share, ordered by {@code a} then {@code b}.
   */
  public List<SharedHashCandidate> candidates() {
    LongCounts counts = countSharedShingles();
    long[] keys = counts.keysCountedAtLeast(minSharedHashes);
    List<SharedHashCandidate> candidates = new ArrayList<>(keys.length);
    for (long key : keys) {
      candidates.add(new SharedHashCandidate((int) (key >>> 32), (int) key, counts.count(key)));
    }
    return candidates;
  }

  private LongCounts countSharedShingles() {
    LongCounts counts = new LongCounts();
    if (entries == 0) {
      return counts;
    }
    int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(maxDocId, 0)));
    long keyMask = -1L << idBits;
    // Slice the hash space by its top bits, in unsigned order (the sign bit flipped), which is the
    // signed order each document's hashes are sorted in: every document's slice is a run.
    int sliceBits = 0;
    while ((entries >>> sliceBits) > sliceEntries && sliceBits < 16) {
      sliceBits++;
    }
    int[] sliceSizes = new int[1 << sliceBits];
    for (int i = 0; i < entries; i++) {
      sliceSizes[slice(hashes[i], sliceBits)]++;
    }
    long[] packed = new long[Arrays.stream(sliceSizes).max().getAsInt()];
    int[] cursors = Arrays.copyOf(docStarts, documents);
    for (int slice = 0; slice < sliceSizes.length; slice++) {
      int size = 0;
      for (int doc = 0; doc < documents; doc++) {
        int cursor = cursors[doc];
        int end = docStarts[doc + 1];
        while (cursor < end && slice(hashes[cursor], sliceBits) == slice) {
          packed[size++] = (mix(hashes[cursor]) & keyMask) | docIds[doc];
          cursor++;
        }
        cursors[doc] = cursor;
      }
      Arrays.sort(packed, 0, size);
      int runStart = 0;
      for (int i = 1; i <= size; i++) {
        if (i == size || (packed[i] & keyMask) != (packed[runStart] & keyMask)) {
          if (i - runStart <= maxDocumentFrequency) {
            countPairs(packed, runStart, i, ~keyMask, counts);
          }
          runStart = i;
        }
      }
    }
    return counts;
  }

  private static int slice(long hash, int sliceBits) {
    return sliceBits == 0 ? 0 : (int) ((hash ^ Long.MIN_VALUE) >>> (64 - sliceBits));
  }

  /** A bijective 64-bit finaliser (the SplitMix64 one), so even small hashes spread. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Counts each pair of distinct ids in {@code packed[from, to)}, which are sorted. */
  private static void countPairs(long[] packed, int from, int to, long idMask, LongCounts counts) {
    for (int i = from; i < to; i++) {
      int a = (int) (packed[i] & idMask);
      for (int j = i + 1; j < to; j++) {
        int b = (int) (packed[j] & idMask);
        if (b != a) { // the same document twice only when two cut hashes collide
          counts.increment(CandidatePair.key(a, b));
        }
      }
    }
  }

  /**
   * Configures a {@link SharedHashIndex}. Defaults: {@code maxDocumentFrequency} {@value
   * SharedHashIndex#DEFAULT_MAX_DOCUMENT_FREQUENCY}, {@code minSharedHashes} {@value
   * SharedHashIndex#DEFAULT_MIN_SHARED_HASHES}. Not thread-safe.
   */
  public static final class Builder {
    private int maxDocumentFrequency = DEFAULT_MAX_DOCUMENT_FREQUENCY;
    private int minSharedHashes = DEFAULT_MIN_SHARED_HASHES;
    private int sliceEntries = SLICE_ENTRIES;

    private Builder() {}

    /** For tests: how many entries a slice of the hash space should hold at most (roughly). */
    Builder sliceEntries(int sliceEntries) {
      this.sliceEntries = sliceEntries;
      return this;
    }

    /**
     * Shingles in more documents than this are boilerplate and not indexed; at least 2 (a shingle
     * in one document pairs nothing). A shingle in {@code m} documents costs {@code m (m - 1) / 2}
     * pair updates, so this also bounds the work.
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

    /** An empty index with these settings. */
    public SharedHashIndex build() {
      return new SharedHashIndex(this);
    }
  }
}
