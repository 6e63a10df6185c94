package dev.retold.bench.signers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's MinHash chain, as its documentation suggests it: {@link StandardTokenizer}, then {@link
 * ShingleFilter} making word shingles of exactly {@code shingleSize} words (no unigrams), then
 * {@link MinHashFilter} with its defaults ({@value MinHashFilter#DEFAULT_HASH_COUNT} hash, {@value
 * MinHashFilter#DEFAULT_BUCKET_COUNT} buckets, {@value MinHashFilter#DEFAULT_HASH_SET_SIZE} value
 * per bucket, empty buckets filled by rotation): one-permutation hashing of a 128-bit MurmurHash3.
 *
 * <p>Every token is consumed; each gives one component, the high 64 bits of its 128-bit hash. No
 * lower-casing: the chain is the one the brief names, not Retold's. The analyzer keeps its token
 * stream for reuse, so the filter's 512 buckets are built once.
 */
final class LuceneMinHashSigner implements ShingleSigner {
  private static final String FIELD = "body";

  private final Analyzer analyzer;
  private final int shingleSize;

  LuceneMinHashSigner(int shingleSize) {
    if (shingleSize < 2) {
      throw new IllegalArgumentException(
          "Lucene's ShingleFilter needs shingleSize >= 2: " + shingleSize);
    }
    this.shingleSize = shingleSize;
    this.analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer words = new StandardTokenizer();
            ShingleFilter shingles = new ShingleFilter(words, shingleSize, shingleSize);
            shingles.setOutputUnigrams(false);
            TokenStream minHashes =
                new MinHashFilter(
                    shingles,
                    MinHashFilter.DEFAULT_HASH_COUNT,
                    MinHashFilter.DEFAULT_BUCKET_COUNT,
                    MinHashFilter.DEFAULT_HASH_SET_SIZE,
                    true);
            return new TokenStreamComponents(words, minHashes);
          }
        };
  }

  @Override
  public String name() {
    return ShingleSigners.LUCENE_MINHASH;
  }

  @Override
  public String description() {
    return "Lucene StandardTokenizer, ShingleFilter, MinHashFilter defaults"
        + " (1 hash x 512 buckets, 128-bit MurmurHash3)";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    long[] components = new long[MinHashFilter.DEFAULT_BUCKET_COUNT];
    int size = 0;
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (size == components.length) {
          components = Arrays.copyOf(components, 2 * size);
        }
        components[size++] = highBits(term);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a String cannot fail", e);
    }
    return size == components.length ? components : Arrays.copyOf(components, size);
  }

  /** The high 64 bits of a min-hash token: its first four chars, 16 bits each. */
  private static long highBits(CharTermAttribute term) {
    char[] chars = term.buffer();
    return (long) chars[0] << 48 | (long) chars[1] << 32 | (long) chars[2] << 16 | chars[3];
  }
}
