package dev.retold.bench.signers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Classic k-permutation MinHash over Retold's shingles, written here as the textbook reference:
 * {@code k} hash functions {@code h_i(x) = a_i x + b_i (mod 2^64)}, {@code a_i} odd and {@code b_i}
 * any, all drawn from a seeded {@link SplittableRandom}; component {@code i} is the least {@code
 * h_i} over the set, compared as unsigned. Comparing the whole 64-bit value orders by its high
 * bits, which makes this Dietzfelbinger's multiply-add-shift family, universal on those bits. It
 * costs {@code k} multiply-adds per shingle, where SuperMinHash needs about one draw.
 *
 * <p>Thread-safe once built.
 */
final class KPermutationSigner implements ShingleSigner {
  private final RetoldShingleSets shingleSets;
  private final long[] multipliers;
  private final long[] increments;
  private final int shingleSize;

  KPermutationSigner(int shingleSize, int components, long seed) {
    if (components <= 0) {
      throw new IllegalArgumentException("components must be > 0: " + components);
    }
    this.shingleSets = new RetoldShingleSets(shingleSize);
    this.shingleSize = shingleSize;
    SplittableRandom random = new SplittableRandom(seed);
    multipliers = new long[components];
    increments = new long[components];
    for (int i = 0; i < components; i++) {
      multipliers[i] = random.nextLong() | 1L;
      increments[i] = random.nextLong();
    }
  }

  @Override
  public String name() {
    return ShingleSigners.K_PERMUTATION;
  }

  @Override
  public String description() {
    return "k-permutation MinHash (this module) on Retold's shingles, (a x + b) mod 2^64,"
        + " 128 x 64 bit";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    return signHashes(shingleSets.of(text));
  }

  /**
   * The signature of a set of 64-bit hashes; order and duplicates do not matter. The empty set
   * gives every component {@code -1} (the largest unsigned value).
   */
  long[] signHashes(long[] hashes) {
    // Minima are kept with the sign bit flipped, so that a signed comparison orders them unsigned.
    long[] minima = new long[multipliers.length];
    Arrays.fill(minima, Long.MAX_VALUE);
    for (long hash : hashes) {
      for (int i = 0; i < minima.length; i++) {
        long value = (multipliers[i] * hash + increments[i]) ^ Long.MIN_VALUE;
        minima[i] = Math.min(minima[i], value);
      }
    }
    for (int i = 0; i < minima.length; i++) {
      minima[i] ^= Long.MIN_VALUE;
    }
    return minima;
  }
}
