package dev.retold.bench.jmh;

import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The batch every benchmark signs: the bodies of the first {@code articles} articles that {@link
 * CorpusGenerator} makes from {@code seed} with its default settings. The generator is
 * deterministic, so each forked JVM and the process that converts operations to MB/s hold the same
 * texts, byte for byte. Immutable.
 */
public final class BenchmarkCorpus {
  private final int articles;
  private final long seed;
  private final String[] texts;
  private final long utf8Bytes;

  private BenchmarkCorpus(int articles, long seed, String[] texts) {
    this.articles = articles;
    this.seed = seed;
    this.texts = texts;
    long bytes = 0;
    for (String text : texts) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    this.utf8Bytes = bytes;
  }

  /** The bodies of {@code articles} generated articles, at least 1, from {@code seed}. */
  public static BenchmarkCorpus generate(int articles, long seed) {
    if (articles <= 0) {
      throw new IllegalArgumentException("articles must be > 0: " + articles);
    }
    String[] texts =
        CorpusGenerator.builder().articles(articles).seed(seed).build().stream()
            .map(GeneratedArticle::text)
            .toArray(String[]::new);
    return new BenchmarkCorpus(articles, seed, texts);
  }

  /** How many articles. */
  public int articles() {
    return articles;
  }

  /** The generator's seed. */
  public long seed() {
    return seed;
  }

  /** The texts, in the generator's order. */
  public List<String> texts() {
    return Arrays.asList(texts.clone());
  }

  /** The texts' total size in UTF-8, the bytes one benchmark operation processes. */
  public long utf8Bytes() {
    return utf8Bytes;
  }

  /** The texts without a copy, for the benchmark loop; not to be changed. */
  String[] array() {
    return texts;
  }
}
