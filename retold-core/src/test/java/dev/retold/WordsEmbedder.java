package dev.retold;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a sentence embedder, for tests: each word of a text hashed into one
 * of 64 components; it counts its calls.
 */
public final class WordsEmbedder implements TextEmbedder {
  /** How many texts it has embedded. */
  public final AtomicInteger calls = new AtomicInteger();

  /** An embedder that has embedded nothing yet. */
  public WordsEmbedder() {}

  @Override
  public String name() {
    return "words-64";
  }

  @Override
  public int dimensions() {
    return 64;
  }

  @Override
  public float[] embed(String text) {
    calls.incrementAndGet();
    float[] vector = new float[64];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      vector[Math.floorMod(word.hashCode(), 64)] += 1;
    }
    return vector;
  }
}
