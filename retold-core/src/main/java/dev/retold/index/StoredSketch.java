package dev.retold.index;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a story index keeps of an article to match new articles against it without reading it again:
 * its story terms (hashes, sorted) with their unit-length TF-IDF weights as the index's term
 * statistics stood when it was added, its heaviest terms (the story candidates' key), a sample of
 * its shingles (the copy candidates' key), its lead's embedding (empty without an embedder), and
 * its background (the mean story score of its neighbours ranked as the scan ranks them). The arrays
 * are kept, not copied: do not change them.
 *
 * @param terms distinct story-term hashes, increasing (signed order)
 * @param weights each term's weight, in the order of {@code terms}; unit length
 * @param top the heaviest terms, heaviest first
 * @param shingles sampled shingle hashes, increasing
 * @param embedding the lead's embedding quantized as a scan quantizes it, or an empty array
 * @param background the article's background when it was added
 */
public record StoredSketch(
    long[] terms,
    float[] weights,
    long[] top,
    long[] shingles,
    byte[] embedding,
    double background) {

  /** Checks that every term has one weight. */
  public StoredSketch {
    if (terms.length != weights.length) {
      throw new IllegalArgumentException(
          "one weight per term: " + terms.length + " terms, " + weights.length + " weights");
    }
  }

  /** The cosine of the two story vectors, in [0, 1]. */
  public double cosine(StoredSketch other) {
    long[] otherTerms = other.terms;
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < terms.length && j < otherTerms.length) {
      if (terms[i] == otherTerms[j]) {
        dot += (double) weights[i++] * other.weights[j++];
      } else if (terms[i] < otherTerms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, Math.max(0.0, dot));
  }

  /** The sketch as bytes, for {@link #decode}. */
  public byte[] encode() {
    ByteBuffer out =
        ByteBuffer.allocate(
            4 * Integer.BYTES
                + Double.BYTES
                + (terms.length + top.length + shingles.length) * Long.BYTES
                + weights.length * Float.BYTES
                + embedding.length);
    out.putInt(terms.length).putInt(top.length).putInt(shingles.length).putInt(embedding.length);
    out.putDouble(background);
    Arrays.stream(terms).forEach(out::putLong);
    for (float weight : weights) {
      out.putFloat(weight);
    }
    Arrays.stream(top).forEach(out::putLong);
    Arrays.stream(shingles).forEach(out::putLong);
    out.put(embedding);
    return out.array();
  }

  /** The sketch {@link #encode} wrote at {@code offset} of {@code bytes}. */
  public static StoredSketch decode(byte[] bytes, int offset, int length) {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    long[] terms = new long[in.getInt()];
    long[] top = new long[in.getInt()];
    long[] shingles = new long[in.getInt()];
    byte[] embedding = new byte[in.getInt()];
    double background = in.getDouble();
    float[] weights = new float[terms.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = in.getLong();
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.getFloat();
    }
    for (int i = 0; i < top.length; i++) {
      top[i] = in.getLong();
    }
    for (int i = 0; i < shingles.length; i++) {
      shingles[i] = in.getLong();
    }
    in.get(embedding);
    return new StoredSketch(terms, weights, top, shingles, embedding, background);
  }
}
