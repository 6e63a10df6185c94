package dev.retold.bench.signers;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.MinHashVersion;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.Arrays;

/**
 * hash4j's classic MinHash ({@link SimilarityHashing#minHash(int, int, MinHashVersion)}, version
 * {@code V1}, 64-bit components) over Retold's shingle hashes, given to it as they are. Retold
 * itself uses hash4j's SuperMinHash, so that one is the {@code retold} row, not a peer of its own.
 * The empty set gives every component {@link Long#MAX_VALUE}, as Retold's does.
 */
final class Hash4jMinHashSigner implements ShingleSigner {
  private final RetoldShingleSets shingleSets;
  private final SimilarityHashPolicy policy;
  private final int shingleSize;

  Hash4jMinHashSigner(int shingleSize) {
    this.shingleSets = new RetoldShingleSets(shingleSize);
    this.policy =
        SimilarityHashing.minHash(ShingleSigners.COMPONENTS, Long.SIZE, MinHashVersion.V1);
    this.shingleSize = shingleSize;
  }

  @Override
  public String name() {
    return ShingleSigners.HASH4J_MINHASH;
  }

  @Override
  public String description() {
    return "hash4j MinHash V1 on Retold's shingles, 128 x 64 bit";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    long[] hashes = shingleSets.of(text);
    long[] components = new long[policy.getNumberOfComponents()];
    if (hashes.length == 0) {
      Arrays.fill(components, Long.MAX_VALUE);
      return components;
    }
    // A hasher per text, as Retold's MinHasher makes one, so both pay the same set-up.
    byte[] packed = policy.createHasher().compute(ElementHashProvider.ofValues(hashes));
    for (int i = 0; i < components.length; i++) {
      components[i] = policy.getComponent(packed, i);
    }
    return components;
  }
}
