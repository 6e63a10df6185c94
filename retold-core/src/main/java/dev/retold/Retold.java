package dev.retold;

import dev.retold.load.FolderLoader;
import dev.retold.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Retold's entry point: scans a folder of article files, or a list of articles, and tells which of
 * them retell the same story, with the evidence for each link.
 *
 * <pre>{@code
 * Retold retold = Retold.builder().canonicalRule(CanonicalRule.ORIGIN).build();
 * ScanResult result = retold.scan(Path.of("articles"));
 * for (Story story : result.stories()) {
 *   System.out.println(story.canonical() + " <- " + story.members());
 * }
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe; one can serve many scans. Results are deterministic:
 * the same input and settings give the same result, whatever the machine or the number of threads.
 */
public final class Retold {
  private final RetoldSettings settings;

  private Retold(RetoldSettings settings) {
    this.settings = settings;
  }

  /** A builder with every setting at its default (see {@link RetoldSettings.Builder}). */
  public static RetoldSettings.Builder builder() {
    return RetoldSettings.builder();
  }

  /** A Retold with the default settings. */
  public static Retold withDefaults() {
    return new Retold(RetoldSettings.builder().settings());
  }

  static Retold of(RetoldSettings settings) {
    return new Retold(Objects.requireNonNull(settings, "settings"));
  }

  /** The settings this instance scans with. */
  public RetoldSettings settings() {
    return settings;
  }

  /**
   * Scans every file under {@code folder}, recursively. Files that cannot be read as articles are
   * reported in {@link ScanResult#skipped()} with a reason; they never end the scan.
   *
   * @throws IOException if {@code folder} is missing, not a folder, or cannot be listed
   */
  public ScanResult scan(Path folder) throws IOException {
    LoadResult loaded =
        FolderLoader.builder()
            .maxFileBytes(settings.maxFileBytes())
            .listener((done, total) -> settings.progress().progress("load", done, total))
            .build()
            .load(folder);
    return new ScanPipeline(settings).run(loaded.articles(), loaded.skipped());
  }

  /**
   * Scans articles the caller already has.
   *
   * @throws IllegalArgumentException if two articles share an id
   */
  public ScanResult scan(List<Article> articles) {
    return new ScanPipeline(settings).run(articles, List.of());
  }
}
