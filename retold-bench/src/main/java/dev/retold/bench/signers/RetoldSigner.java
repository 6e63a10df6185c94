package dev.retold.bench.signers;

import dev.retold.fingerprint.MinHasher;

/**
 * Retold's own signature path, exactly as the scan's first pass runs it: the shingle set of {@link
 * dev.retold.text.BodyAnalysis} (normalise, tokenise, shingle, keep the distinct hashes), signed by
 * {@link MinHasher} with Retold's defaults.
 */
final class RetoldSigner implements ShingleSigner {
  private final RetoldShingleSets shingleSets;
  private final MinHasher minHasher = MinHasher.withDefaults();
  private final int shingleSize;

  RetoldSigner(int shingleSize) {
    this.shingleSets = new RetoldShingleSets(shingleSize);
    this.shingleSize = shingleSize;
  }

  @Override
  public String name() {
    return ShingleSigners.RETOLD;
  }

  @Override
  public String description() {
    return "Retold as the scan runs it: normalise, word scanner equal to Lucene's StandardTokenizer"
        + " chain (Lucene itself for non-ASCII text), komihash terms and shingles, distinct sorted"
        + " set, one-permutation MinHash with optimal densification, 128 x 64 bit";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    return minHasher.sign(shingleSets.of(text)).components();
  }
}
