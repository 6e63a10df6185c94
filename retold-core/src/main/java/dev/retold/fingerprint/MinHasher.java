package dev.retold.fingerprint;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import com.dynatrace.hash4j.similarity.SuperMinHashVersion;
import java.util.Objects;

/**
 * Turns a set of shingle hashes into a {@link MinHashSignature}.
 *
 * <p>The algorithm is SuperMinHash (Ertl, 2017), as implemented by hash4j ({@link
 * SimilarityHashing#superMinHash(int, int, SuperMinHashVersion)}, version {@code V1} pinned so an
 * upgrade cannot change signatures), with 64-bit components. It gives the same collision
 * probability as classic MinHash (each component equal with probability J) but draws the components
 * without replacement, so the estimate's variance is lower, markedly so for small sets; and it
 * costs about one random draw per element instead of one per element and component. Each shingle
 * hash is first mixed with the seed by a fixed bijection, so distinct shingles stay distinct and
 * different seeds give independent signatures.
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

  private final int numberOfComponents;
  private final long seed;
  private final long seedMix;
  private final SimilarityHashPolicy policy;

  private MinHasher(int numberOfComponents, long seed) {
    this.numberOfComponents = numberOfComponents;
    this.seed = seed;
    this.seedMix = mix(seed ^ 0x9E3779B97F4A7C15L);
    this.policy =
        SimilarityHashing.superMinHash(numberOfComponents, Long.SIZE, SuperMinHashVersion.V1);
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
   * allowed (they cost time, not accuracy).
   */
  public MinHashSignature sign(long[] shingleHashes) {
    Objects.requireNonNull(shingleHashes, "shingleHashes");
    if (shingleHashes.length == 0) {
      return MinHashSignature.empty(numberOfComponents);
    }
    byte[] packed =
        policy
            .createHasher()
            .compute(
                ElementHashProvider.ofFunction(
                    i -> mix(shingleHashes[i] ^ seedMix), shingleHashes.length));
    long[] components = new long[numberOfComponents];
    for (int i = 0; i < numberOfComponents; i++) {
      components[i] = policy.getComponent(packed, i);
    }
    return MinHashSignature.wrap(components);
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
