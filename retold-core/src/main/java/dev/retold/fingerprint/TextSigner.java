package dev.retold.fingerprint;

import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;

/**
 * Retold's whole signature path in one call: raw article text in, MinHash signature of its word
 * shingles out (normalise, tokenise, shingle, sign). This is the path the scan runs for every
 * article, and the one benchmarks measure against other tools. Thread-safe.
 */
public final class TextSigner {
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final MinHasher minHasher;
  private final int shingleSize;

  /**
   * A signer.
   *
   * @param shingleSize words per shingle, >= 1
   * @param minHasher the signature's hasher
   */
  public TextSigner(int shingleSize, MinHasher minHasher) {
    if (shingleSize < 1) {
      throw new IllegalArgumentException("shingleSize must be >= 1: " + shingleSize);
    }
    this.shingleSize = shingleSize;
    this.minHasher = minHasher;
  }

  /** Retold's defaults: word 3-shingles, 128 components, the default seed. */
  public static TextSigner withDefaults() {
    return new TextSigner(3, MinHasher.withDefaults());
  }

  /** The signature of {@code text}'s distinct word shingles. */
  public MinHashSignature sign(String text) {
    NormalizedText normalized = TextNormalizer.normalize(text);
    Tokens tokens = tokenizer.tokenize(normalized);
    long[] terms = new long[tokens.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = tokens.termHash(i);
    }
    return minHasher.sign(Shingles.distinctSorted(Shingles.hashes(terms, shingleSize)));
  }
}
