package dev.retold.fingerprint;

import java.util.Arrays;
import java.util.Objects;

/**
 * A MinHash signature: {@code size()} components, each a 64-bit {@code long}, such that two sets'
 * signatures agree in each component with probability equal to the sets' Jaccard similarity.
 *
 * <p>Components are full 64-bit values, not truncated to 32 or fewer bits, so two different sets
 * agree by chance with probability 2<sup>-64</sup> per component and the estimate has no collision
 * bias to correct. The signature of the empty set is {@link #empty(int)}: every component is {@link
 * #EMPTY_COMPONENT}. Immutable; arrays are copied in and out.
 */
public final class MinHashSignature {
  /** The value of every component of an empty set's signature. */
  public static final long EMPTY_COMPONENT = Long.MAX_VALUE;

  private final long[] components;
  private final boolean empty;

  private MinHashSignature(long[] components) {
    if (components.length == 0) {
      throw new IllegalArgumentException("a signature needs at least one component: 0");
    }
    this.components = components;
    boolean allEmpty = true;
    for (long component : components) {
      allEmpty &= component == EMPTY_COMPONENT;
    }
    this.empty = allEmpty;
  }

  /** A signature with a copy of {@code components}; at least one. */
  public static MinHashSignature of(long... components) {
    Objects.requireNonNull(components, "components");
    return new MinHashSignature(components.clone());
  }

  /** The signature of the empty set, with {@code size} components. */
  public static MinHashSignature empty(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be > 0: " + size);
    }
    long[] components = new long[size];
    Arrays.fill(components, EMPTY_COMPONENT);
    return new MinHashSignature(components);
  }

  /** Wraps {@code components} without a copy; for {@link MinHasher}, which gives up the array. */
  static MinHashSignature wrap(long[] components) {
    return new MinHashSignature(components);
  }

  /** How many components there are. */
  public int size() {
    return components.length;
  }

  /** Component {@code i}. */
  public long component(int i) {
    return components[Objects.checkIndex(i, components.length)];
  }

  /** A copy of the components. */
  public long[] components() {
    return components.clone();
  }

  /** True if this is the signature of the empty set. */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * The fraction of components the two signatures share: an unbiased estimate of the Jaccard
   * similarity of the two sets, with standard error about {@code sqrt(J (1 - J) / size())}.
   *
   * <p>Defined edge cases: two empty signatures give 1.0 (two empty sets are equal, as {@code
   * commons-text}'s Jaccard similarity also has it); an empty and a non-empty one give 0.0.
   *
   * @throws IllegalArgumentException if the sizes differ
   */
  public double estimateJaccard(MinHashSignature other) {
    Objects.requireNonNull(other, "other");
    if (other.components.length != components.length) {
      throw new IllegalArgumentException(
          "signature sizes differ: " + components.length + " vs " + other.components.length);
    }
    if (empty || other.empty) {
      return empty && other.empty ? 1.0 : 0.0;
    }
    int equal = 0;
    for (int i = 0; i < components.length; i++) {
      if (components[i] == other.components[i]) {
        equal++;
      }
    }
    return equal / (double) components.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinHashSignature
        && Arrays.equals(components, ((MinHashSignature) o).components);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(components);
  }

  @Override
  public String toString() {
    if (empty) {
      return "MinHashSignature[empty, " + components.length + " components]";
    }
    return "MinHashSignature["
        + components.length
        + " components: "
        + Long.toHexString(components[0])
        + (components.length > 1 ? ", ...]" : "]");
  }
}
