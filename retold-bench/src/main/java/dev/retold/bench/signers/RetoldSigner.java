package dev.retold.bench.signers;

import dev.retold.fingerprint.MinHasher;
import dev.retold.fingerprint.TextSigner;

/** Retold's own signature path, {@link TextSigner#sign(String)}, as the scan runs it. */
final class RetoldSigner implements ShingleSigner {
  private final TextSigner signer;
  private final int shingleSize;

  RetoldSigner(int shingleSize) {
    // Retold's defaults when they apply, so the benchmark measures exactly what the scan runs.
    this.signer =
        shingleSize == ShingleSigners.RETOLD_SHINGLE_SIZE
            ? TextSigner.withDefaults()
            : new TextSigner(shingleSize, MinHasher.withDefaults());
    this.shingleSize = shingleSize;
  }

  @Override
  public String name() {
    return ShingleSigners.RETOLD;
  }

  @Override
  public String description() {
    return "Retold TextSigner: normalise, word scanner equal to Lucene's StandardTokenizer chain"
        + " (Lucene itself for non-ASCII text), komihash terms, one-permutation MinHash with"
        + " optimal densification, 128 x 64 bit";
  }

  @Override
  public int shingleSize() {
    return shingleSize;
  }

  @Override
  public long[] sign(String text) {
    return signer.sign(text).components();
  }
}
