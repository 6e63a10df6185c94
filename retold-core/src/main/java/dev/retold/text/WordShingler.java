package dev.retold.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * An article body's word shingle hashes in one call: the same values as {@link
 * TextNormalizer#normalize(String)}, then {@link WordTokenizer#tokenize(NormalizedText)}, then
 * {@link Shingles#hashes(Tokens, int)}, but without the offsets and objects those keep, for the
 * paths that only need the hashes (MinHash signatures).
 *
 * <p>Why it can skip steps: for a body made only of ASCII with no control chars other than white
 * space (most English news), normalising only collapses and trims white space, and white space ends
 * a word whether it is one space or several; so the words of the body are the words of its
 * normalised text, and this class cuts the body directly. Any other body goes through the three
 * steps. {@code WordShinglerTest} checks the two give the same hashes.
 *
 * <p>The hashes are handed to a function in a per-thread buffer, which is valid only during the
 * call; that keeps the path free of allocation. Thread-safe: each thread has its own buffers, and a
 * function that calls back in gets fresh ones.
 */
public final class WordShingler {
  private final int shingleSize;
  private final WordTokenizer tokenizer = new WordTokenizer();

  /** What to do with a body's shingle hashes: the first {@code count} of {@code hashes}. */
  @FunctionalInterface
  public interface ShingleHashesFunction<R> {
    /** Uses {@code hashes[0, count)}, which are only valid during this call. */
    R apply(long[] hashes, int count);
  }

  /**
   * A shingler.
   *
   * @param shingleSize words per shingle, >= 1
   */
  public WordShingler(int shingleSize) {
    if (shingleSize < 1) {
      throw new IllegalArgumentException("shingleSize must be >= 1: " + shingleSize);
    }
    this.shingleSize = shingleSize;
  }

  /** Words per shingle. */
  public int shingleSize() {
    return shingleSize;
  }

  /**
   * Applies {@code function} to the shingle hashes of {@code body}, in word order with repeats:
   * {@code Shingles.hashes(tokenizer.tokenize(TextNormalizer.normalize(body)), shingleSize())}.
   */
  public <R> R applyToShingleHashes(String body, ShingleHashesFunction<R> function) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(function, "function");
    WordScratch scratch = WordScratch.acquire();
    try {
      int words = AsciiWordScanner.scan(scratch, body, true);
      if (words < 0) {
        words = tokenizer.termHashes(TextNormalizer.normalize(body).text(), scratch);
      }
      int count = Shingles.hashInPlace(scratch.hashes, words, shingleSize);
      return function.apply(scratch.hashes, count);
    } finally {
      scratch.release();
    }
  }

  /**
   * The shingle hashes of {@code body}, as {@link #applyToShingleHashes} sees them, in an array.
   */
  public long[] shingleHashes(String body) {
    return applyToShingleHashes(body, (hashes, count) -> Arrays.copyOf(hashes, count));
  }

  @Override
  public String toString() {
    return "WordShingler[shingleSize=" + shingleSize + "]";
  }
}
