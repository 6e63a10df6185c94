package dev.retold.index;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * The (hash, document) entries added to a {@link SharedHashIndex.Builder}, as they came: every
 * document's hashes one after the other, in blocks of a power-of-two number of entries, and per
 * document (in the order added) its id and where its hashes start. Blocks rather than one array, so
 * that growing never copies more than one block and {@link BucketRadixSort} can turn each block
 * into sort keys in place, block by block on several threads; a block grows as it fills, so a small
 * index takes little memory.
 *
 * <p>Each entry costs 8 bytes, and each document 8. At most 2^30 entries, so that postings with
 * their ends fit {@code int} indexes. Not thread-safe.
 */
final class HashEntries {
  /** The most hashes an index holds, so that postings with their ends fit {@code int} indexes. */
  private static final int MAX_ENTRIES = 1 << 30;

  private final int blockBits;
  private final BitSet added = new BitSet();
  private long[][] blocks = new long[4][];
  private int entries;
  private int[] docIds = new int[64];
  private int[] docStarts = new int[65];
  private int documents;
  private int maxDocId = -1;

  /** No entries yet; blocks will hold {@code blockEntries} entries each, a power of two. */
  HashEntries(int blockEntries) {
    this.blockBits = Integer.numberOfTrailingZeros(blockEntries);
  }

  /**
   * Adds document {@code docId} with its hash set, strictly ascending (signed order); the hashes
   * are copied.
   *
   * @throws IllegalArgumentException if the id is negative or already added, or the hashes are not
   *     strictly ascending
   * @throws IllegalStateException if there would be more than 2^30 entries
   */
  void add(int docId, long[] sortedDistinctHashes) {
    Objects.requireNonNull(sortedDistinctHashes, "sortedDistinctHashes");
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

  /** How many entries (hashes of all documents) were added. */
  int size() {
    return entries;
  }

  /** How many documents were added. */
  int documents() {
    return documents;
  }

  /** The largest document id added, -1 if none. */
  int maxDocId() {
    return maxDocId;
  }

  /** The log2 of how many entries a full block holds. */
  int blockBits() {
    return blockBits;
  }

  /** How many blocks hold entries. */
  int blockCount() {
    return (int) (((long) entries + (1 << blockBits) - 1) >>> blockBits);
  }

  /**
   * Block {@code block}, entries {@code block << blockBits()} on, for the caller to read or to
   * overwrite in place (its first {@link #blockSize} slots are entries).
   */
  long[] block(int block) {
    return blocks[block];
  }

  /** How many entries block {@code block} holds. */
  int blockSize(int block) {
    return Math.min(entries - (block << blockBits), 1 << blockBits);
  }

  /** The document (in the order added) that entry {@code entry} is a hash of. */
  int documentOf(int entry) {
    int lo = 0; // the last document starting at or before the entry: docStarts[lo] <= entry
    int hi = documents - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (docStarts[mid] <= entry) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Where the entries of document {@code document} (in the order added) end. */
  int documentEnd(int document) {
    return docStarts[document + 1];
  }

  /** The id of document {@code document} (in the order added). */
  int docId(int document) {
    return docIds[document];
  }
}
