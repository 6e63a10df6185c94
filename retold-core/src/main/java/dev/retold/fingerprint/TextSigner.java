package dev.retold.fingerprint;

import dev.retold.text.WordShingler;
import dev.retold.text.WordShingler.ShingleHashesFunction;
import java.util.Objects;

/**
 * Retold's whole signature path in one call: raw article text in, MinHash signature of its word
 * shingles out (normalise, tokenise, shingle, sign). This is the path the scan runs for every
 * article, and the one benchmarks measure against other tools.
 *
 * <p>The signature is the one the steps give one by one ({@code TextNormalizer}, {@code
 * WordTokenizer}, {@code Shingles}, {@link MinHasher}), but made without allocating anything but
 * the signature: {@link WordShingler} hands the shingle hashes over in a per-thread buffer, and
 * {@link MinHasher} does not need them distinct or sorted. Thread-safe.
 */
public final class TextSigner {
  private final WordShingler shingler;
  private final MinHasher minHasher;
  private final ShingleHashesFunction<MinHashSignature> signing;

  /**
   * A signer.
   *
   * @param shingleSize words per shingle, >= 1
   * @param minHasher the signature's hasher
   */
  public TextSigner(int shingleSize, MinHasher minHasher) {
    this.shingler = new WordShingler(shingleSize);
    this.minHasher = Objects.requireNonNull(minHasher, "minHasher");
    this.signing = minHasher::sign;
  }

  /** Retold's defaults: word 3-shingles, 128 components, the default seed. */
  public static TextSigner withDefaults() {
    return new TextSigner(3, MinHasher.withDefaults());
  }

  /** The signature of {@code text}'s distinct word shingles. */
  public MinHashSignature sign(String text) {
    return shingler.applyToShingleHashes(text, signing);
  }

  @Override
  public String toString() {
    return "TextSigner[shingleSize=" + shingler.shingleSize() + ", " + minHasher + "]";
  }
}
