package dev.retold.index;

import dev.retold.fingerprint.MinHashSignature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Banded locality-sensitive hashing over MinHash signatures: the first candidate source, for copies
 * and near-copies whose Jaccard similarity is around the threshold or above.
 *
 * <p>Each signature is cut into {@link LshParameters#bands()} bands of {@link LshParameters#rows()}
 * consecutive components (components past {@code bands * rows} are not used), and each band is
 * hashed to a 64-bit bucket key. Two documents are a candidate pair when they share a bucket in at
 * least one band, which happens with probability {@link LshParameters#probability(double)} of their
 * Jaccard similarity.
 *
 * <p>Behaviour worth knowing:
 *
 * <ul>
 *   <li>Document ids are {@code int}s from 0, meant to be dense ({@code 0..n-1}); they may be added
 *       in any order, each once. Memory is about {@code bands * 8} bytes per document.
 *   <li>A bucket of {@code m} documents yields all {@code m (m - 1) / 2} of its pairs, with no cap:
 *       exact duplicates share every bucket, so {@code m} copies of one text give all their pairs.
 *       Collapse exact duplicates beforehand (by a hash of the normalised text) if that is too
 *       many.
 *   <li>Empty signatures (documents without shingles) are accepted and counted, but put in no
 *       bucket: two empty documents are not a retelling of each other.
 *   <li>When candidates are listed, bucket keys are cut to their top {@code 64 - ceil(log2 n)} bits
 *       so key and id fit one {@code long} for sorting; a chance collision of cut keys (expected
 *       0.03 per band at a million documents) adds spurious candidates, which exact verification
 *       drops.
 *   <li>Listing candidates sorts the documents' keys once per band, on one thread, and collects the
 *       pairs in a {@code LongCounts} table (about 20 bytes per distinct pair, one increment per
 *       band a pair shares) before listing them as {@link CandidatePair}s: beyond the sorts, time
 *       and memory follow the number of candidate pairs, which large clusters of near-copies drive
 *       up.
 * </ul>
 *
 * <p>Not thread-safe: add from one thread (or synchronise), then list candidates.
 */
public final class BandedLshIndex {
  private final LshParameters parameters;
  private final BitSet added = new BitSet();
  private int[] docIds = new int[64];
  private long[][] bandKeys;
  private int stored;
  private int documents;
  private int maxDocId = -1;

  /** An empty index cutting signatures as {@code parameters} say. */
  public BandedLshIndex(LshParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.bandKeys = new long[parameters.bands()][64];
  }

  /** How this index cuts signatures. */
  public LshParameters parameters() {
    return parameters;
  }

  /** How many documents were added, empty ones included. */
  public int size() {
    return documents;
  }

  /**
   * Adds document {@code docId} with its signature, which must have at least {@code bands * rows}
   * components.
   *
   * @throws IllegalArgumentException if the id is negative or already added, or the signature is
   *     too short
   */
  public void add(int docId, MinHashSignature signature) {
    Objects.requireNonNull(signature, "signature");
    if (docId < 0) {
      throw new IllegalArgumentException("docId must be >= 0: " + docId);
    }
    if (added.get(docId)) {
      throw new IllegalArgumentException("docId already added: " + docId);
    }
    int bands = parameters.bands();
    int rows = parameters.rows();
    if (signature.size() < bands * rows) {
      throw new IllegalArgumentException(
          "signature has "
              + signature.size()
              + " components, fewer than "
              + bands
              + " bands x "
              + rows
              + " rows: document "
              + docId);
    }
    added.set(docId);
    documents++;
    maxDocId = Math.max(maxDocId, docId);
    if (signature.isEmpty()) {
      return;
    }
    if (stored == docIds.length) {
      int capacity = stored + (stored >> 1) + 16;
      docIds = Arrays.copyOf(docIds, capacity);
      for (int band = 0; band < bands; band++) {
        bandKeys[band] = Arrays.copyOf(bandKeys[band], capacity);
      }
    }
    docIds[stored] = docId;
    for (int band = 0; band < bands; band++) {
      bandKeys[band][stored] = bandKey(signature, band, rows);
    }
    stored++;
  }

  /**
   * The bucket keys of {@code signature}, one per band, as this index computes them; none for an
   * empty signature, which goes in no bucket. For a search that joins on bucket keys elsewhere (a
   * distributed scan): two documents share a bucket of band {@code b} here exactly when their keys
   * at {@code b} are equal (before {@link #candidates()} cuts keys to share a {@code long} with an
   * id).
   *
   * @throws IllegalArgumentException if the signature is too short for {@code parameters}
   */
  public static long[] bandKeys(LshParameters parameters, MinHashSignature signature) {
    int bands = parameters.bands();
    int rows = parameters.rows();
    if (signature.size() < bands * rows) {
      throw new IllegalArgumentException(
          "signature has " + signature.size() + " components, fewer than " + bands * rows);
    }
    if (signature.isEmpty()) {
      return new long[0];
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      keys[band] = bandKey(signature, band, rows);
    }
    return keys;
  }

  private static long bandKey(MinHashSignature signature, int band, int rows) {
    long key = mix(0x4C5348L + band); // "LSH" + band: the same rows in two bands differ
    for (int row = band * rows; row < (band + 1) * rows; row++) {
      key = mix(key ^ signature.component(row));
    }
    return key;
  }

  /**
   * Every pair of documents that share a bucket in at least one band, once each, ordered by {@code
   * a} then {@code b}. The same documents give the same list whatever order they were added in.
   */
  public List<CandidatePair> candidates() {
    int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(maxDocId, 0)));
    long keyMask = -1L << idBits;
    LongCounts pairs = new LongCounts();
    long[] packed = new long[stored];
    for (int band = 0; band < parameters.bands(); band++) {
      long[] keys = bandKeys[band];
      for (int i = 0; i < stored; i++) {
        packed[i] = (keys[i] & keyMask) | docIds[i];
      }
      Arrays.sort(packed);
      int runStart = 0;
      for (int i = 1; i <= stored; i++) {
        if (i == stored || (packed[i] & keyMask) != (packed[runStart] & keyMask)) {
          addAllPairs(packed, runStart, i, ~keyMask, pairs);
          runStart = i;
        }
      }
    }
    long[] keys = pairs.keysCountedAtLeast(1);
    List<CandidatePair> candidates = new ArrayList<>(keys.length);
    for (long key : keys) {
      candidates.add(CandidatePair.ofKey(key));
    }
    return candidates;
  }

  /** Counts every pair of the ids in {@code packed[from, to)}, which are sorted and distinct. */
  private static void addAllPairs(long[] packed, int from, int to, long idMask, LongCounts pairs) {
    for (int i = from; i < to; i++) {
      int a = (int) (packed[i] & idMask);
      for (int j = i + 1; j < to; j++) {
        pairs.increment(CandidatePair.key(a, (int) (packed[j] & idMask)));
      }
    }
  }

  /** A bijective 64-bit finaliser (the SplitMix64 one). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
