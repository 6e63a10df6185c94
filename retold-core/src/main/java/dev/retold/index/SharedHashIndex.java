package dev.retold.index;

import java.util.List;

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
 * <p>Use: documents go into a {@link Builder} ({@link Builder#add}); {@link Builder#build()} sorts
 * all (hash, document) entries into postings (each indexed hash's documents, in order), radix
 * sorting buckets of the hash space that fit a core's cache, and notes, per document, where in the
 * postings it is. The index it gives is immutable. Then {@link #candidates()}, for each document
 * {@code a}, adds one to a per-thread counter at {@code b} for every document {@code b} after
 * {@code a} in each of {@code a}'s postings, and emits each {@code b} counted at least {@code
 * minSharedHashes} times. No table of pairs is kept: a pair sharing one hash costs one array
 * increment, and only candidates are stored.
 *
 * <p>Cost: {@link Builder#build()} takes the sort, and each {@link #candidates()}, for each indexed
 * hash in {@code m} documents, {@code m (m - 1) / 2} increments (the cap bounds them), both spread
 * over {@link Builder#threads(int)} threads. At a million documents of 30 hashes, with a billion
 * increments, that is about 5 seconds on two otherwise idle cores. Memory: the added hashes take 8
 * bytes each, in blocks of a million, until {@link Builder#build()} turns them into postings and
 * releases them; while it sorts, each thread needs 22 bytes per entry of the largest bucket (a hash
 * in very many documents makes its bucket large). The postings keep about 8 bytes per indexed entry
 * and 4 per document id; counting takes, per thread, 4 bytes per document id and 4 per document one
 * document meets; the candidates take 12 bytes each.
 *
 * <p>The sort key is a hash, mixed and cut to {@code 64 - ceil(log2 n)} bits, beside the document
 * id. A chance collision of cut hashes (about {@code d^2 / 2^(65 - ceil(log2 n))} among {@code d}
 * distinct hashes: some 50 among 40 million at a million documents) merges two hashes into one,
 * which can add one to a pair's count.
 *
 * <p>Document ids are {@code int}s from 0, meant to be dense (counters are as long as the largest
 * id), added in any order, each once. The output depends only on the documents, not on the order
 * they were added in nor on the thread count. The index is thread-safe: {@link #candidates()} may
 * be called from several threads at once, each call counting on its own threads and counters.
 */
public final class SharedHashIndex {
  /** Default for {@link Builder#maxDocumentFrequency(int)}. */
  public static final int DEFAULT_MAX_DOCUMENT_FREQUENCY = 50;

  /** Default for {@link Builder#minSharedHashes(int)}. */
  public static final int DEFAULT_MIN_SHARED_HASHES = 8;

  /** Added hashes are kept in blocks of this many entries (8 MB), sorted into buckets per block. */
  private static final int BLOCK_ENTRIES = 1 << 20;

  /** Entries per bucket of the hash space, roughly: a bucket is sorted in a core's cache. */
  private static final int BUCKET_ENTRIES = 1 << 15;

  private final int maxDocumentFrequency;
  private final int minSharedHashes;
  private final int threads;
  private final int documents;
  private final Postings postings;

  private SharedHashIndex(Builder builder, int documents, Postings postings) {
    this.maxDocumentFrequency = builder.maxDocumentFrequency;
    this.minSharedHashes = builder.minSharedHashes;
    this.threads = builder.threads;
    this.documents = documents;
    this.postings = postings;
  }

  /** A builder with the default settings and no documents; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Hashes in more documents than this are not indexed. */
  public int maxDocumentFrequency() {
    return maxDocumentFrequency;
  }

  /** How many indexed hashes a pair must share to be a candidate. */
  public int minSharedHashes() {
    return minSharedHashes;
  }

  /** How many threads {@link #candidates()} counts on (and {@link Builder#build()} sorted on). */
  public int threads() {
    return threads;
  }

  /** How many documents were added. */
  public int size() {
    return documents;
  }

  /**
   * Every pair of documents sharing at least {@code minSharedHashes} indexed hashes, with the
   * number they share, ordered by {@code a} then {@code b}: an unmodifiable list holding 12 bytes
   * per candidate, whose elements are made as they are read. Each call counts again, on {@link
   * #threads()} threads, and gives an equal list.
   */
  public List<SharedHashCandidate> candidates() {
    return SharedHashCounter.candidates(postings, minSharedHashes, threads);
  }

  /**
   * Takes the settings and then the documents of one {@link SharedHashIndex}. Defaults: {@code
   * maxDocumentFrequency} {@value SharedHashIndex#DEFAULT_MAX_DOCUMENT_FREQUENCY}, {@code
   * minSharedHashes} {@value SharedHashIndex#DEFAULT_MIN_SHARED_HASHES}, one thread.
   *
   * <p>Settings come first: once {@link #add} was called, a settings method throws {@link
   * IllegalStateException} (the blocks of added hashes are laid out by then, and settings that
   * changed halfway would be settings that some documents were added under and others not). A
   * builder builds one index: once {@link #build()} was called, every method throws {@link
   * IllegalStateException}. {@code builder().build()} is an index of no documents with the default
   * settings. Not thread-safe.
   */
  public static final class Builder {
    private int maxDocumentFrequency = DEFAULT_MAX_DOCUMENT_FREQUENCY;
    private int minSharedHashes = DEFAULT_MIN_SHARED_HASHES;
    private int threads = 1;
    private int blockEntries = BLOCK_ENTRIES;
    private int bucketEntries = BUCKET_ENTRIES;

    /** The documents added so far; null before the first add and once built. */
    private HashEntries entries;

    private boolean built;

    private Builder() {}

    /**
     * Hashes in more documents than this are boilerplate and not indexed; at least 2 (a hash in one
     * document pairs nothing). A hash in {@code m} documents costs {@code m (m - 1) / 2} counter
     * increments, so this also bounds the work.
     */
    public Builder maxDocumentFrequency(int maxDocumentFrequency) {
      checkSettable("maxDocumentFrequency");
      if (maxDocumentFrequency < 2) {
        throw new IllegalArgumentException(
            "maxDocumentFrequency must be >= 2: " + maxDocumentFrequency);
      }
      this.maxDocumentFrequency = maxDocumentFrequency;
      return this;
    }

    /** How many indexed hashes a pair must share to be a candidate; at least 1. */
    public Builder minSharedHashes(int minSharedHashes) {
      checkSettable("minSharedHashes");
      if (minSharedHashes < 1) {
        throw new IllegalArgumentException("minSharedHashes must be >= 1: " + minSharedHashes);
      }
      this.minSharedHashes = minSharedHashes;
      return this;
    }

    /**
     * How many threads {@link #build()} sorts on and {@link SharedHashIndex#candidates()} counts
     * on, the caller's one of them; at least 1. The candidates are the same for any number; each
     * counting thread holds a counter per document id (4 bytes each).
     */
    public Builder threads(int threads) {
      checkSettable("threads");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** For tests: how many entries a block of added hashes holds; a power of two. */
    Builder blockEntries(int blockEntries) {
      checkSettable("blockEntries");
      if (Integer.bitCount(blockEntries) != 1) {
        throw new IllegalArgumentException("blockEntries must be a power of two: " + blockEntries);
      }
      this.blockEntries = blockEntries;
      return this;
    }

    /** For tests: how many entries a bucket of the hash space should hold at most (roughly). */
    Builder bucketEntries(int bucketEntries) {
      checkSettable("bucketEntries");
      this.bucketEntries = bucketEntries;
      return this;
    }

    private void checkSettable(String setting) {
      if (built) {
        throw new IllegalStateException("no settings can be changed once build() was called");
      }
      if (entries != null) {
        throw new IllegalStateException(setting + " must be set before the first add()");
      }
    }

    /**
     * Adds document {@code docId} with its hash set, strictly ascending (signed order), as {@link
     * dev.retold.text.Shingles#distinctSorted(long[])} gives shingles. The hashes are copied.
     *
     * @throws NullPointerException if the hashes are null
     * @throws IllegalArgumentException if the id is negative or already added, or the hashes are
     *     not strictly ascending
     * @throws IllegalStateException if {@link #build()} was called already, or the index would hold
     *     more than 2^30 hashes
     */
    public Builder add(int docId, long[] sortedDistinctHashes) {
      if (built) {
        throw new IllegalStateException("no documents can be added once build() was called");
      }
      if (entries == null) {
        entries = new HashEntries(blockEntries);
      }
      entries.add(docId, sortedDistinctHashes);
      return this;
    }

    /**
     * The index of the documents added, with these settings: sorts the added hashes into postings
     * on {@link #threads(int)} threads and releases them.
     *
     * @throws IllegalStateException if {@link #build()} was called already
     */
    public SharedHashIndex build() {
      if (built) {
        throw new IllegalStateException("build() was called already: a builder builds one index");
      }
      built = true;
      if (entries == null) {
        entries = new HashEntries(blockEntries);
      }
      int documents = entries.documents();
      int ids = entries.maxDocId() + 1;
      int[][] bucketDocs =
          BucketRadixSort.bucketPostings(entries, maxDocumentFrequency, threads, bucketEntries);
      entries = null; // the blocks are keys now; release them before the postings are laid out
      return new SharedHashIndex(this, documents, Postings.byFirstDocument(bucketDocs, ids));
    }
  }
}
