package dev.retold.text;

import java.util.Objects;

/**
 * An article body analysed as every stage of a scan reads it: normalised ({@link TextNormalizer}),
 * cut into words ({@link WordTokenizer}), and those words into shingles ({@link Shingles}), both by
 * position and as the sorted set of distinct hashes. One class so that the scan's two passes, and
 * the benchmark that measures the scan's signature path, run the very same steps.
 *
 * <p>Arrays are shared, not copied: an analysis lives inside one pass over one article.
 */
public final class BodyAnalysis {
  private final NormalizedText normalized;
  private final Tokens tokens;
  private final long[] shingles;
  private final long[] shingleSet;

  private BodyAnalysis(NormalizedText normalized, Tokens tokens, long[] shingles) {
    this.normalized = normalized;
    this.tokens = tokens;
    this.shingles = shingles;
    this.shingleSet = Shingles.distinctSorted(shingles);
  }

  /**
   * Analyses {@code body}.
   *
   * @param tokenizer the tokenizer to cut words with (one serves every thread)
   * @param shingleSize words per shingle, >= 1
   */
  public static BodyAnalysis of(String body, WordTokenizer tokenizer, int shingleSize) {
    NormalizedText normalized = TextNormalizer.normalize(Objects.requireNonNull(body, "body"));
    Tokens tokens = tokenizer.tokenize(normalized);
    return new BodyAnalysis(normalized, tokens, Shingles.hashes(tokens, shingleSize));
  }

  /** The normalised text, with its map back to the body. */
  public NormalizedText normalized() {
    return normalized;
  }

  /** The words of the normalised text. */
  public Tokens tokens() {
    return tokens;
  }

  /** The hash of the shingle starting at each word, in word order; not to be changed. */
  public long[] shingles() {
    return shingles;
  }

  /** The distinct shingle hashes, sorted; not to be changed. */
  public long[] shingleSet() {
    return shingleSet;
  }
}
