package dev.retold.index;

import dev.retold.TextEmbedder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence embedder that answers from the embeddings a story index keeps, and asks its model only
 * for texts it has not embedded before: a scan of the whole index then costs the model only its new
 * articles. Kept by the hash of the model's name and the text, so another model never answers from
 * them. As thread-safe and deterministic as the model (an embedding of one text is the same
 * whenever it is computed, so a kept one is the one the model would give).
 */
public final class KeptEmbeddings implements TextEmbedder {
  private final TextEmbedder model;
  private final Map<String, float[]> kept;
  private final Map<String, float[]> computed = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /** Answers from {@code kept} (by {@link #key}), else from {@code model}. */
  public KeptEmbeddings(TextEmbedder model, Map<String, float[]> kept) {
    this.model = model;
    this.kept = new HashMap<>(kept);
  }

  /** The key the embedding of {@code text} by {@code model} is kept under. */
  public static String key(TextEmbedder model, String text) {
    return ArticleStore.textHash(model.name() + "\n" + text);
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[] embed(String text) {
    String key = key(model, text);
    used.add(key);
    float[] vector = kept.get(key);
    if (vector == null) {
      vector = computed.computeIfAbsent(key, k -> model.embed(text));
    }
    return vector.clone();
  }

  /** The embeddings the model computed, by key: to keep. */
  public Map<String, float[]> computed() {
    return Map.copyOf(computed);
  }

  /** The keys of the kept embeddings nothing asked for: to drop after a scan of every article. */
  public Set<String> unused() {
    Set<String> unused = new HashSet<>(kept.keySet());
    unused.removeAll(used);
    return unused;
  }
}
