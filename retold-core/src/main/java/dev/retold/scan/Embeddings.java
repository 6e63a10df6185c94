package dev.retold.scan;

import dev.retold.index.VectorNeighbours;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Every article's lead embedding, quantized to one signed byte a component (each vector scaled so
 * its largest component is 127), and the cosine of any two. Quantized for two reasons: a million
 * articles' 384-component vectors are 384 MB as bytes and 1.5 GB as floats; and the cosine of two
 * byte vectors is integer arithmetic, the same on every machine, so that a model's last-bit
 * differences between CPUs rarely reach a score (they change a byte only when a component lies at a
 * rounding boundary). The cosine is rounded to four decimals for the same reason. Immutable.
 */
final class Embeddings {
  private final byte[][] vectors;
  private final double[] norms;

  /** Takes the vectors, which its caller gives up: one per article, all of one length. */
  Embeddings(byte[][] vectors) {
    this.vectors = vectors;
    this.norms = new double[vectors.length];
    for (int k = 0; k < vectors.length; k++) {
      if (vectors[k].length != vectors[0].length) {
        throw new IllegalArgumentException("embeddings differ in length at " + k);
      }
      norms[k] = Math.sqrt(dot(vectors[k], vectors[k]));
    }
  }

  /** {@code vector} quantized: scaled so its largest component is 127 in size, rounded. */
  static byte[] quantize(float[] vector) {
    float largest = 0;
    for (float component : vector) {
      largest = Math.max(largest, Math.abs(component));
    }
    byte[] quantized = new byte[vector.length];
    if (largest == 0 || !Float.isFinite(largest)) {
      return quantized;
    }
    for (int i = 0; i < vector.length; i++) {
      quantized[i] = (byte) Math.round(vector[i] / largest * 127);
    }
    return quantized;
  }

  /** How many articles. */
  int size() {
    return vectors.length;
  }

  /** The cosine of articles {@code a} and {@code b}'s embeddings, clamped to [0, 1], 4 decimals. */
  double cosine(int a, int b) {
    return cosine(dot(vectors[a], vectors[b]), norms[a] * norms[b]);
  }

  /** The cosine of two quantized embeddings, as {@link #cosine(int, int)} gives it. */
  static double cosine(byte[] x, byte[] y) {
    return cosine(dot(x, y), Math.sqrt(dot(x, x)) * Math.sqrt(dot(y, y)));
  }

  private static double cosine(long dot, double norm) {
    if (norm == 0) {
      return 0;
    }
    double cosine = dot / norm;
    return Math.round(Math.min(1, Math.max(0, cosine)) * 10_000) / 10_000.0;
  }

  /**
   * The search for each article's nearest articles by embedding ({@link VectorNeighbours}): exact
   * up to {@code exactUpTo} articles (every article looked at, a cost of the articles times the
   * dimensions a search), through an HNSW graph built here past it, {@code linked} told how it
   * grows ({@link VectorNeighbours#of(java.util.List, int, IntConsumer)}).
   */
  VectorNeighbours neighbours(int exactUpTo, IntConsumer linked) {
    return VectorNeighbours.of(Arrays.asList(vectors), exactUpTo, linked);
  }

  private static long dot(byte[] x, byte[] y) {
    return VectorNeighbours.dot(x, y);
  }
}
