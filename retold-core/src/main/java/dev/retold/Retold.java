package dev.retold;

import dev.retold.load.FolderLoader;
import dev.retold.load.JsonLinesLoader;
import dev.retold.load.ArticleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
   * Scans every file under {@code folder}, recursively, or every line of a JSON Lines file ({@code
   * .jsonl} or {@code .ndjson}: one object a line with {@code id}, {@code text} and optionally
   * {@code title}, {@code date}, {@code url}). Files or lines that cannot be read as articles are
   * reported in {@link ScanResult#skipped()} with a reason; they never end the scan.
   *
   * @throws IOException if {@code folder} is missing, not a folder, or cannot be listed
   */
  public ScanResult scan(Path folder) throws IOException {
    try (ArticleSource source = source(folder)) {
      return new ScanPipeline(settings).run(source);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // a file that changed or vanished while it was scanned
    }
  }

  /**
   * The articles of a folder or a JSON Lines file, read once for a sketch of each and again only for
   * those whose evidence is reported, so a scan holds a few kilobytes per article, not its text.
   */
  private ArticleSource source(Path folder) throws IOException {
    if (Files.isRegularFile(folder) && JsonLinesLoader.isJsonLines(folder)) {
      return new JsonLinesLoader(
              settings.maxFileBytes(),
              (done, total) -> settings.progress().progress("load", done, total),
              settings.threads())
          .source(folder);
    }
    return FolderLoader.builder()
        .maxFileBytes(settings.maxFileBytes())
        .threads(settings.threads())
        .listener((done, total) -> settings.progress().progress("load", done, total))
        .build()
        .source(folder);
  }

  /**
   * Scores each pair of articles: its relation (or none), story similarity, shingle overlap and
   * shared passages. Term statistics come from all of {@code articles}, so name every article of the
   * run even if only some are paired.
   *
   * @param articles the articles, ids unique
   * @param pairs pairs of ids from {@code articles}, scored in the order given
   * @throws IllegalArgumentException if an id is unknown or two articles share an id
   */
  public List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    return new ScanPipeline(settings).compare(articles, pairs);
  }

  /**
   * Scans a folder once and groups it into stories at each of several story thresholds, for
   * calibrating the threshold on labelled data. Costs one scan plus one clustering per threshold.
   *
   * @param folder the folder to scan
   * @param storyThresholds the story thresholds to try, each in (0, 1]
   * @return one result per threshold, in the order given
   * @throws IOException if {@code folder} is missing, not a folder, or cannot be listed
   */
  public List<ScanResult> sweep(Path folder, List<Double> storyThresholds) throws IOException {
    try (ArticleSource source = source(folder)) {
      return new ScanPipeline(settings).sweep(source, storyThresholds);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Scans articles from any {@link ArticleSource} (a database, an archive...): read once in batches,
   * then again by position for the articles whose evidence is reported. Does not close the source.
   *
   * @throws IOException if the source cannot be read, or an article reads differently the second
   *     time
   */
  public ScanResult scan(ArticleSource source) throws IOException {
    try {
      return new ScanPipeline(settings).run(source);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Scans articles the caller already has.
   *
   * @throws IllegalArgumentException if two articles share an id
   */
  public ScanResult scan(List<Article> articles) {
    try (ArticleSource source = ArticleSource.of(articles)) {
      return new ScanPipeline(settings).run(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // articles in memory are never read from a file
    }
  }
}
