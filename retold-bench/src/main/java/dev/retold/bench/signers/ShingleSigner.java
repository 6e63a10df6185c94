package dev.retold.bench.signers;

/**
 * One way to turn an article's raw text into a MinHash-style signature of its word shingles, the
 * unit the benchmarks time. Every signer does the whole path (tokenise, shingle, hash, sign), so
 * their throughputs compare like for like.
 *
 * <p>Components are returned as {@code long}s whatever the library's own type (Retold's {@code
 * MinHashSignature}, java-lsh's {@code int[]}, hash4j's packed bytes, Lucene's tokens); the
 * conversion copies a few hundred bytes per article, far below the cost of signing it. Signatures
 * made by the same signer compare component by component; signatures of different signers do not
 * compare. Not necessarily thread-safe: use one instance per thread.
 */
public interface ShingleSigner {
  /** The signer's short name, as the benchmarks and their report use it: {@code retold}... */
  String name();

  /** One line saying what it computes: tokeniser, shingles, algorithm, components. */
  String description();

  /** Words per shingle. */
  int shingleSize();

  /** The signature of {@code text}'s word shingles. */
  long[] sign(String text);
}
