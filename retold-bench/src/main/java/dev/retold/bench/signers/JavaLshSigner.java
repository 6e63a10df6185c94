package dev.retold.bench.signers;

import info.debatty.java.lsh.MinHash;
import java.util.HashSet;
import java.util.Set;

/**
 * info.debatty java-lsh's {@link MinHash} over Retold's shingles. Its API takes a {@code
 * Set<Integer>}, so each 64-bit shingle hash becomes a non-negative 31-bit id (its top 31 bits) in
 * a {@link HashSet}; the library then applies {@code 128} hash functions {@code (a x + b) mod (2^31
 * - 1)} to each id, with coefficients drawn from a fixed seed.
 */
final class JavaLshSigner implements ShingleSigner {
  /** java-lsh's dictionary size: every 31-bit id is allowed. */
  private static final int DICTIONARY_SIZE = Integer.MAX_VALUE;

  private final RetoldShingleSets shingleSets;
  private final MinHash minHash;
  private final int shingleSize;

  JavaLshSigner(int shingleSize) {
    this.shingleSets = new RetoldShingleSets(shingleSize);
    this.minHash = new MinHash(ShingleSigners.COMPONENTS, DICTIONARY_SIZE, ShingleSigners.SEED);
    this.shingleSize = shingleSize;
  }

  @Override
  public String name() {
    return ShingleSigners.JAVA_LSH;
  }

  @Override
  public String description() {
    return "java-lsh MinHash on Retold's shingles as 31-bit ids in a Set<Integer>, 128 x 32 bit";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    long[] hashes = shingleSets.of(text);
    Set<Integer> ids = new HashSet<>(2 * hashes.length);
    for (long hash : hashes) {
      ids.add((int) (hash >>> 33));
    }
    int[] signature = minHash.signature(ids);
    long[] components = new long[signature.length];
    for (int i = 0; i < signature.length; i++) {
      components[i] = signature[i];
    }
    return components;
  }
}
