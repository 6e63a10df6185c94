package dev.retold.bench;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here rather than taken from
 * {@link java.util.SplittableRandom} so that the corpus a seed gives never changes with the JDK.
 * Not thread-safe; each generator stage owns its own.
 */
final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  /** A generator for one part of the work, independent of the others drawn from the same seed. */
  static SplitMix64 forPart(long seed, long part) {
    return new SplitMix64(mix(seed ^ mix(part + GOLDEN_GAMMA)));
  }

  /** The SplitMix64 finaliser: a bijection of the 64-bit values that scrambles every bit. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A value in {@code [0, bound)}; the bias of the multiply-shift is below 2^-32 * bound. */
  int nextInt(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be > 0: " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** A value in {@code [min, max]}, both included. */
  int nextInt(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("max must be >= min: " + max + " < " + min);
    }
    return min + nextInt(max - min + 1);
  }

  /** A value in {@code [0, 1)} with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A value in {@code [min, max)}. */
  double nextDouble(double min, double max) {
    return min + (max - min) * nextDouble();
  }

  /** True with probability {@code probability}. */
  boolean chance(double probability) {
    return nextDouble() < probability;
  }
}
