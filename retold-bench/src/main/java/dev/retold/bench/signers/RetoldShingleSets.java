package dev.retold.bench.signers;

import dev.retold.text.BodyAnalysis;
import dev.retold.text.WordTokenizer;

/**
 * Retold's shingle set of a text, the input the other MinHash libraries are given: {@link
 * BodyAnalysis#shingleSet()}, the very steps the scan runs before its signature (normalise,
 * tokenise with Lucene's StandardTokenizer, lower-case and fold accents, hash each term with
 * komihash, hash each run of {@code shingleSize} words, keep the distinct hashes). Signers built on
 * it differ from {@code retold} only in the signature algorithm.
 */
final class RetoldShingleSets {
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final int shingleSize;

  RetoldShingleSets(int shingleSize) {
    this.shingleSize = shingleSize;
  }

  /** The distinct 64-bit shingle hashes of {@code text}, sorted. */
  long[] of(String text) {
    return BodyAnalysis.of(text, tokenizer, shingleSize).shingleSet();
  }
}
