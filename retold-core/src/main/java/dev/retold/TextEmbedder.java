package dev.retold;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Turns a text into a sentence embedding: a vector whose cosine with another text's says how alike
 * their meanings are, whatever their words. Retold's story stage blends it with its lexical score
 * (names, numbers and content words), because outlets that retell one event in their own words
 * share its meaning more than its words.
 *
 * <p>The core ships none: a model is tens of megabytes and native code. The {@code retold-semantic}
 * module provides one (all-MiniLM-L6-v2, bundled, never downloaded), found through {@link
 * #installed()} when it is on the class path; give it to {@link Retold.Builder#embedder}.
 *
 * <p>The contract: {@link #embed} is thread-safe (a scan calls it from every thread) and
 * deterministic: the same text gives the same vector, alone or among others, on any number of
 * threads. Vectors have {@link #dimensions()} components; they need not be unit length (Retold
 * normalises them).
 */
public interface TextEmbedder {
  /** The model's name, as reports and logs show it. */
  String name();

  /** How many components each vector has. */
  int dimensions();

  /** The embedding of {@code text}. */
  float[] embed(String text);

  /** The first embedder a module on the class path provides (a {@link ServiceLoader} service). */
  static Optional<TextEmbedder> installed() {
    return ServiceLoader.load(TextEmbedder.class).findFirst();
  }
}
