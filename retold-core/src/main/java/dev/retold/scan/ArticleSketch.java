package dev.retold.scan;

import dev.retold.ArticleInfo;
import dev.retold.fingerprint.MinHashSignature;

/**
 * What the first pass of a scan learns of one article, before its body is let go: its metadata,
 * where the source can read it again, a hash of its body (to tell whether a second reading is the
 * same article), its MinHash signature (for the LSH index, then dropped), a sample of its shingles
 * (for the shared-shingle index), its story terms as dictionary ids with their weighted counts, in
 * the order of the ids' terms, and, when the scan has an embedder, its lead's embedding quantized
 * to bytes ({@link Embeddings}).
 */
record ArticleSketch(
    ArticleInfo info,
    long position,
    long bodyHash,
    long wordsHash,
    MinHashSignature signature,
    long[] sampledShingles,
    int[] termIds,
    float[] termCounts,
    byte[] embedding) {

  /** The same sketch without its signature, once the LSH index holds its band keys. */
  ArticleSketch withoutSignature() {
    return new ArticleSketch(
        info, position, bodyHash, wordsHash, null, sampledShingles, termIds, termCounts, embedding);
  }

  /** The same sketch with its shingles sampled more sparsely. */
  ArticleSketch withSampledShingles(long[] sample) {
    return new ArticleSketch(
        info, position, bodyHash, wordsHash, signature, sample, termIds, termCounts, embedding);
  }
}
