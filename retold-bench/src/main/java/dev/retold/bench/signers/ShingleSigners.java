package dev.retold.bench.signers;

import java.util.List;

/**
 * Makes the {@link ShingleSigner}s the benchmarks compare, by name. Each signs with {@value
 * #COMPONENTS} components, except Lucene's MinHashFilter, which keeps its default of 512 buckets;
 * every seeded signer uses seed {@value #SEED}.
 */
public final class ShingleSigners {
  /** Retold's own path. */
  public static final String RETOLD = "retold";

  /** Lucene's StandardTokenizer, ShingleFilter and MinHashFilter. */
  public static final String LUCENE_MINHASH = "lucene-minhash";

  /** info.debatty java-lsh's MinHash. */
  public static final String JAVA_LSH = "java-lsh";

  /** Classic k-permutation MinHash, written in this module. */
  public static final String K_PERMUTATION = "k-permutation";

  /** hash4j's classic MinHash. */
  public static final String HASH4J_MINHASH = "hash4j-minhash";

  /** Every name, Retold's first. */
  public static final List<String> NAMES =
      List.of(RETOLD, LUCENE_MINHASH, JAVA_LSH, K_PERMUTATION, HASH4J_MINHASH);

  /** Retold's default words per shingle. */
  public static final int RETOLD_SHINGLE_SIZE = 3;

  /** Components per signature, Retold's default. */
  public static final int COMPONENTS = 128;

  /** The seed of every signer that draws hash functions. */
  public static final long SEED = 42;

  private ShingleSigners() {}

  /**
   * The signer called {@code name} (one of {@link #NAMES}) with {@code shingleSize} words per
   * shingle, at least 2 (Lucene's ShingleFilter cannot make fewer).
   */
  public static ShingleSigner named(String name, int shingleSize) {
    if (shingleSize < 2) {
      throw new IllegalArgumentException("shingleSize must be >= 2: " + shingleSize);
    }
    return switch (name) {
      case RETOLD -> new RetoldSigner(shingleSize);
      case LUCENE_MINHASH -> new LuceneMinHashSigner(shingleSize);
      case JAVA_LSH -> new JavaLshSigner(shingleSize);
      case K_PERMUTATION -> new KPermutationSigner(shingleSize, COMPONENTS, SEED);
      case HASH4J_MINHASH -> new Hash4jMinHashSigner(shingleSize);
      default -> throw new IllegalArgumentException("signer must be one of " + NAMES + ": " + name);
    };
  }
}
