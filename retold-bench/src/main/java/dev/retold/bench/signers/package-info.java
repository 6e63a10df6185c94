/**
 * The signature paths the benchmarks compare, each raw article text in and a MinHash-style
 * signature out, behind one interface ({@link dev.retold.bench.signers.ShingleSigner}) made by
 * {@link dev.retold.bench.signers.ShingleSigners}:
 *
 * <ul>
 *   <li>{@code retold}: Retold's own path as the scan runs it ({@link
 *       dev.retold.text.BodyAnalysis}, then {@link dev.retold.fingerprint.MinHasher});
 *   <li>{@code lucene-minhash}: Lucene's StandardTokenizer, ShingleFilter and MinHashFilter;
 *   <li>{@code java-lsh}: info.debatty java-lsh's MinHash over Retold's shingles;
 *   <li>{@code k-permutation}: classic MinHash with 128 seeded multiply-add hash functions, written
 *       here, over Retold's shingles;
 *   <li>{@code hash4j-minhash}: hash4j's classic MinHash over Retold's shingles.
 * </ul>
 *
 * <p>{@link dev.retold.bench.signers.WordHashBaseline} is the reference below them all: split on
 * non-letters and hash each word, nothing else. What does not live here: timing (that is {@code
 * dev.retold.bench.jmh}) and Retold's own algorithms (that is {@code retold-core}).
 */
package dev.retold.bench.signers;
