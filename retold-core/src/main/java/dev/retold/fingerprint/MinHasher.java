package dev.retold.fingerprint;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a set of shingle hashes into a {@link MinHashSignature}.
 *
 * <p>The algorithm is one-permutation hashing (Li, Owen and Zhang, 2012) with optimal densification
 * (Shrivastava, 2017), with 64-bit components. Each shingle hash is first mixed with the seed by a
 * fixed bijection (so distinct shingles stay distinct, and different seeds give independent
 * signatures); the top bits of the mixed value pick one of the {@code n} components, which keeps
 * the smallest value it is given. A component no shingle picked (likely only for sets not much
 * larger than {@code n}) copies the value of another: it tries components in a pseudo-random order
 * fixed by the seed and its index, and takes the first that was picked.
 *
 * <p>Why: it costs one mix and one comparison per shingle, where MinHash costs {@code n} and
 * SuperMinHash (which Retold used before) about a dozen, and signing was the slowest step of the
 * signature path. Quality is kept: each component of two sets' signatures is equal with probability
 * exactly their Jaccard similarity J (the densification order is the same for both sets, so both
 * copy from the first component either set picked, and agree when the union's smallest value there
 * is shared). For sets several times larger than {@code n}, the usual case for articles, the
 * estimate's variance is below classic MinHash's {@code J (1 - J) / n}, as components partition the
 * set instead of sampling it with replacement; for sets smaller than {@code n}, copied components
 * repeat values and the variance is somewhat above it. {@code MinHasherTest} checks both.
 *
 * <p>A signature depends only on the set of hashes, the number of components and the seed: not on
 * order, duplicates, run, machine or thread. The empty set gets {@link
 * MinHashSignature#empty(int)}. Thread-safe.
 */
public final class MinHasher {
  /** The default number of components. */
  public static final int DEFAULT_COMPONENTS = 128;

  /** The default seed. */
  public static final long DEFAULT_SEED = 0x5EEDL;

  /** The largest number of components allowed. */
  public static final int MAX_COMPONENTS = 1 << 16;

  private static final MinHasher DEFAULT = builder().build();

  /** Marks a component no shingle picked, before densification; the empty set's value. */
  private static final long UNPICKED = MinHashSignature.EMPTY_COMPONENT;

  private final int numberOfComponents;
  private final long seed;
  private final long seedMix;
  private final long densificationSeed;

  /** {@code 64 - log2(numberOfComponents)} if that is a power of two, else -1. */
  private final int componentShift;

  private MinHasher(int numberOfComponents, long seed) {
    this.numberOfComponents = numberOfComponents;
    this.componentShift =
        Integer.bitCount(numberOfComponents) == 1 && numberOfComponents > 1
            ? 64 - Integer.numberOfTrailingZeros(numberOfComponents)
            : -1;
    this.seed = seed;
    this.seedMix = mix(seed ^ 0x9E3779B97F4A7C15L);
    this.densificationSeed = mix(seed ^ 0xD1B54A32D192ED03L);
  }

  /** A hasher with {@value #DEFAULT_COMPONENTS} components and seed {@code 0x5EED}. */
  public static MinHasher withDefaults() {
    return DEFAULT;
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many components each signature has. */
  public int numberOfComponents() {
    return numberOfComponents;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * The signature of the set of {@code shingleHashes}: for instance {@link
   * dev.retold.text.Shingles#distinctSorted(long[])}. Order does not matter and duplicates are
   * allowed.
   */
  public MinHashSignature sign(long[] shingleHashes) {
    Objects.requireNonNull(shingleHashes, "shingleHashes");
    return sign(shingleHashes, shingleHashes.length);
  }

  /** The signature of the set of the first {@code count} of {@code shingleHashes}. */
  public MinHashSignature sign(long[] shingleHashes, int count) {
    Objects.requireNonNull(shingleHashes, "shingleHashes");
    Objects.checkFromIndexSize(0, count, shingleHashes.length);
    if (count == 0) {
      return MinHashSignature.empty(numberOfComponents);
    }
    long[] components = new long[numberOfComponents];
    Arrays.fill(components, UNPICKED);
    if (componentShift > 0) { // the same components as componentOf, by a shift
      for (int i = 0; i < count; i++) {
        long value = mix(shingleHashes[i] ^ seedMix);
        int component = (int) (value >>> componentShift);
        components[component] = Math.min(components[component], value);
      }
    } else {
      for (int i = 0; i < count; i++) {
        long value = mix(shingleHashes[i] ^ seedMix);
        int component = componentOf(value);
        components[component] = Math.min(components[component], value);
      }
    }
    densify(components);
    return MinHashSignature.wrap(components);
  }

  /**
   * Gives each unpicked component the value of the first picked one in its own pseudo-random
   * sequence of components (Shrivastava's optimal densification). A shingle whose mixed value is
   * {@link #UNPICKED} itself counts as not picking; that has probability 2<sup>-64</sup> and is
   * deterministic, so it costs nothing in consistency.
   */
  private void densify(long[] components) {
    long[] picked = null; // one bit per component, taken before any copy: copy from picked only
    for (int component = 0; component < components.length; component++) {
      if (components[component] != UNPICKED) {
        continue;
      }
      if (picked == null) {
        picked = new long[(components.length + 63) >>> 6];
        for (int other = 0; other < components.length; other++) {
          if (components[other] != UNPICKED) {
            picked[other >>> 6] |= 1L << other;
          }
        }
      }
      long sequence = densificationSeed ^ ((long) component << 32);
      for (long attempt = 1; ; attempt++) {
        int donor = componentOf(mix(sequence + attempt));
        if ((picked[donor >>> 6] & (1L << donor)) != 0) {
          components[component] = components[donor];
          break;
        }
      }
    }
  }

  /** The component a (mixed, uniformly random) value goes to: its top 32 bits scaled to n. */
  private int componentOf(long value) {
    return (int) (((value >>> 32) * numberOfComponents) >>> 32);
  }

  /** A bijective 64-bit finaliser (the SplitMix64 one). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "MinHasher[components="
        + numberOfComponents
        + ", seed=0x"
        + Long.toHexString(seed)
        + "]";
  }

  /**
   * Configures a {@link MinHasher}. Defaults: {@code numberOfComponents} {@value
   * MinHasher#DEFAULT_COMPONENTS}, {@code seed} {@code 0x5EED}. Not thread-safe.
   */
  public static final class Builder {
    private int numberOfComponents = DEFAULT_COMPONENTS;
    private long seed = DEFAULT_SEED;

    private Builder() {}

    /**
     * Components per signature, 1 to {@value MinHasher#MAX_COMPONENTS}: more give a tighter
     * estimate (standard error about {@code sqrt(J (1 - J) / n)}) for more time and memory.
     */
    public Builder numberOfComponents(int numberOfComponents) {
      if (numberOfComponents <= 0 || numberOfComponents > MAX_COMPONENTS) {
        throw new IllegalArgumentException(
            "numberOfComponents must be in [1, " + MAX_COMPONENTS + "]: " + numberOfComponents);
      }
      this.numberOfComponents = numberOfComponents;
      return this;
    }

    /** The seed; signatures are only comparable when made with the same seed. Any value. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The configured hasher. */
    public MinHasher build() {
      return new MinHasher(numberOfComponents, seed);
    }
  }
}
