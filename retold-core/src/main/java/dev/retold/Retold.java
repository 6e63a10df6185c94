package dev.retold;

import dev.retold.load.ArticleFiles;
import dev.retold.load.PairsFile;
import dev.retold.scan.ScanEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Retold's entry point: scans a folder of article files, a JSON Lines file, or articles in memory,
 * and tells which of them retell the same story, with the evidence for each link.
 *
 * <pre>{@code
 * Retold retold = Retold.builder().canonicalRule(CanonicalRule.ORIGIN).build();
 * ScanResult result = retold.scan(Path.of("articles"));
 * for (Story story : result.stories()) {
 *   System.out.println(story.canonical() + " <- " + story.members());
 * }
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe; one can serve many scans at once. Results are
 * deterministic: the same input and settings give the same result, whatever the machine or the
 * number of threads. Progress is told per call, to the {@link ProgressListener} given to it.
 */
public final class Retold {
  private final RetoldSettings settings;

  private Retold(RetoldSettings settings) {
    this.settings = settings;
  }

  /** A builder with every setting at its default (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A Retold with the default settings. */
  public static Retold withDefaults() {
    return builder().build();
  }

  /** The settings this instance scans with. */
  public RetoldSettings settings() {
    return settings;
  }

  /** A builder that starts from this instance's settings. */
  public Builder toBuilder() {
    return new Builder(settings);
  }

  /** As {@link #scan(Path, ProgressListener)}, telling no one of its progress. */
  public ScanResult scan(Path folder) throws IOException {
    return scan(folder, ProgressListener.NONE);
  }

  /**
   * Scans every file under {@code folder}, recursively, or every line of a JSON Lines file ({@code
   * .jsonl} or {@code .ndjson}, or either gzipped: one object a line with {@code id}, {@code text}
   * and optionally {@code title}, {@code date}, {@code url}), or every page of a WARC web crawl
   * ({@code .warc}, {@code .warc.gz}: each page an article under its URI). Files, lines or records
   * that cannot be read as articles are reported in {@link ScanResult#skipped()} with a reason;
   * they never end the scan.
   *
   * @throws IOException if {@code folder} is missing, not a folder, or cannot be listed, or a file
   *     changes while it is scanned
   */
  public ScanResult scan(Path folder, ProgressListener progress) throws IOException {
    Objects.requireNonNull(progress, "progress");
    try (ArticleSource source = ArticleFiles.source(folder, settings, progress)) {
      return engine().scan(source, progress);
    }
  }

  /** As {@link #scan(ArticleSource, ProgressListener)}, telling no one of its progress. */
  public ScanResult scan(ArticleSource source) throws IOException {
    return scan(source, ProgressListener.NONE);
  }

  /**
   * Scans articles from any {@link ArticleSource} (a database, an archive...): read once in
   * batches, then again by position for the articles whose evidence is reported. Does not close the
   * source.
   *
   * @throws IOException if the source cannot be read, or an article reads differently the second
   *     time
   * @throws IllegalArgumentException if two articles share an id
   */
  public ScanResult scan(ArticleSource source, ProgressListener progress) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    return engine().scan(source, progress);
  }

  /**
   * Scans articles the caller already has.
   *
   * @throws IllegalArgumentException if two articles share an id
   */
  public ScanResult scan(List<Article> articles) {
    return engine().scan(articles, ProgressListener.NONE);
  }

  /**
   * Scans a folder (or JSON Lines file) once and groups it into stories at each of several story
   * thresholds, for calibrating the threshold on labelled data. Costs one scan plus one clustering
   * per threshold.
   *
   * @param storyThresholds the story thresholds to try, each in (0, 1]
   * @return one result per threshold, in the order given
   * @throws IllegalArgumentException if a threshold is out of range, or there is none
   * @throws IOException as {@link #scan(Path, ProgressListener)} does
   */
  public List<ScanResult> sweep(
      Path folder, List<Double> storyThresholds, ProgressListener progress) throws IOException {
    List<Double> thresholds = List.copyOf(storyThresholds);
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("storyThresholds must not be empty");
    }
    for (double threshold : thresholds) {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("storyThreshold must be in (0, 1]: " + threshold);
      }
    }
    Objects.requireNonNull(progress, "progress");
    try (ArticleSource source = ArticleFiles.source(folder, settings, progress)) {
      return engine().sweep(source, thresholds, progress);
    }
  }

  /**
   * Scores each pair of articles: its relation (or none), story similarity, shingle overlap and
   * shared passages. Term statistics come from all of {@code articles}, so name every article of
   * the run even if only some are paired.
   *
   * @param articles the articles, ids unique
   * @param pairs pairs of ids from {@code articles}, scored in the order given
   * @throws IllegalArgumentException if an id is unknown or two articles share an id
   */
  public List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    return engine().compare(articles, pairs);
  }

  /**
   * Reads each file as a scan reads an article, under its path as given ({@code file.toString()})
   * for its id, and compares the pairs as {@link #compare(List, List)} does.
   *
   * @param files the files, each once; term statistics come from all of them
   * @param pairs pairs of the files' ids, scored in the order given
   * @throws IOException if a file cannot be read, or is not an article (the message says why)
   * @throws IllegalArgumentException if an id is unknown or a file is named twice
   */
  public List<Comparison> compareFiles(List<Path> files, List<IdPair> pairs) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (Path file : files) {
      articles.add(ArticleFiles.read(file, file.toString(), settings.loading()));
    }
    return compare(articles, pairs);
  }

  /**
   * The pairs a pairs file lists: tab-separated UTF-8, {@code A<TAB>B} a line, blank lines ignored,
   * in the file's order.
   *
   * @throws IOException if the file cannot be read, or a line is not two different non-empty fields
   *     (the message names the file and the line), or it lists no pair
   */
  public static List<IdPair> readPairs(Path file) throws IOException {
    return PairsFile.read(file);
  }

  private ScanEngine engine() {
    return new ScanEngine(settings);
  }

  /**
   * Builds {@link Retold} instances; each setting is checked in {@link #build()}, which names the
   * first one out of range. Defaults:
   *
   * <ul>
   *   <li>{@code shingleSize} 3 words: short enough that a rewrite keeps many, long enough that
   *       unrelated articles share few;
   *   <li>{@code minHashComponents} 128, and {@code lshThreshold} 0.5: LSH candidates are tuned for
   *       Jaccard 0.5 and above (bands and rows chosen as datasketch does, false positives and
   *       negatives weighed alike);
   *   <li>{@code nearDuplicateJaccard} 0.7;
   *   <li>{@code derivedContainment} 0.15 and {@code derivedMinShared} 20 shingles;
   *   <li>{@code maxDocumentFrequency} 50 articles;
   *   <li>{@code originAsymmetry} 1.2: a derived article keeps at least 1.2 times the share of its
   *       shingles in its origin that the origin keeps in it;
   *   <li>{@code embedder} none: the story score is lexical only; give one (such as {@link
   *       TextEmbedder#installed()}) to blend in the meaning of each article's first {@code
   *       leadChars} 256 characters (title, then body);
   *   <li>{@code storyThreshold} 0.12, with an embedder or without: the mean relative story score
   *       (above the background of the two articles' neighbourhoods) at which groups of articles
   *       merge into one story;
   *   <li>{@code storyCohesion} 0.7: two groups that have each grown by the clustering merge only
   *       if their mean relative cross score reaches 0.7 of the lesser of their own mean relative
   *       internal scores, so two events of one storyline, each tight inside, stay two stories;
   *   <li>{@code storyBackgroundFrom} 10 and {@code storyBackgroundTo} 50: an article's background
   *       is the mean score of its 10th to 50th nearest candidates;
   *   <li>{@code storyMinSimilarity} 0.15: the least story score of a reported same-story pair;
   *   <li>{@code storyTopTerms} 30;
   *   <li>{@code dateWindowDays} 120 and {@code copiedCosine} 0.6: two dated articles further apart
   *       than 120 days never join one story (a follow-up months later is a new event of the same
   *       storyline), unless their wording is copied (lexical cosine 0.6 or more);
   *   <li>{@code passageMinWords} 6 and {@code maxPassages} 10;
   *   <li>{@code maxFileBytes} 16 MiB;
   *   <li>{@code followLinks} true and {@code followLinksOutside} false: a folder scan follows the
   *       symbolic links whose real target is inside the folder, and skips those leading out of it;
   *   <li>{@code canonicalRule} {@link CanonicalRule#ORIGIN};
   *   <li>{@code seed} {@code 0x5EED};
   *   <li>{@code threads} the number of processors.
   * </ul>
   *
   * <p>Not thread-safe; each {@link #build()} returns an independent, immutable {@link Retold}.
   */
  public static final class Builder {
    private int shingleSize = 3;
    private int minHashComponents = 128;
    private double lshThreshold = 0.5;
    private double nearDuplicateJaccard = 0.7;
    private double derivedContainment = 0.15;
    private int derivedMinShared = 20;
    private int maxDocumentFrequency = 50;
    private double originAsymmetry = 1.2;
    private double storyThreshold = 0.12;
    private double storyCohesion = 0.7;
    private double storyMinSimilarity = 0.15;
    private int storyBackgroundFrom = 10;
    private int storyBackgroundTo = 50;
    private TextEmbedder embedder;
    private int leadChars = 256;
    private int storyTopTerms = 30;
    private int dateWindowDays = 120;
    private double copiedCosine = 0.6;
    private int passageMinWords = 6;
    private int maxPassages = 10;
    private long maxFileBytes = 16L << 20;
    private boolean followLinks = true;
    private boolean followLinksOutside;
    private CanonicalRule canonicalRule = CanonicalRule.ORIGIN;
    private long seed = 0x5EEDL;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    private Builder(RetoldSettings settings) {
      RetoldSettings.Copies copies = settings.copies();
      shingleSize = copies.shingleSize();
      minHashComponents = copies.minHashComponents();
      lshThreshold = copies.lshThreshold();
      nearDuplicateJaccard = copies.nearDuplicateJaccard();
      derivedContainment = copies.derivedContainment();
      derivedMinShared = copies.derivedMinShared();
      maxDocumentFrequency = copies.maxDocumentFrequency();
      originAsymmetry = copies.originAsymmetry();
      RetoldSettings.Stories stories = settings.stories();
      storyThreshold = stories.threshold();
      storyCohesion = stories.cohesion();
      storyMinSimilarity = stories.minSimilarity();
      storyBackgroundFrom = stories.backgroundFrom();
      storyBackgroundTo = stories.backgroundTo();
      embedder = stories.embedder().orElse(null);
      leadChars = stories.leadChars();
      storyTopTerms = stories.topTerms();
      dateWindowDays = stories.dateWindowDays();
      copiedCosine = stories.copiedCosine();
      passageMinWords = settings.evidence().passageMinWords();
      maxPassages = settings.evidence().maxPassages();
      maxFileBytes = settings.loading().maxFileBytes();
      followLinks = settings.loading().followLinks();
      followLinksOutside = settings.loading().followLinksOutside();
      canonicalRule = settings.canonicalRule();
      seed = settings.seed();
      threads = settings.threads();
    }

    /** Words per shingle. */
    public Builder shingleSize(int value) {
      shingleSize = value;
      return this;
    }

    /** Values per MinHash signature, 1 to 65,536. */
    public Builder minHashComponents(int value) {
      minHashComponents = value;
      return this;
    }

    /** The Jaccard similarity the LSH bands are tuned for, in (0, 1). */
    public Builder lshThreshold(double value) {
      lshThreshold = value;
      return this;
    }

    /** The Jaccard similarity from which a pair is a near-duplicate. */
    public Builder nearDuplicateJaccard(double value) {
      nearDuplicateJaccard = value;
      return this;
    }

    /** The containment from which a pair is derived; at most {@code nearDuplicateJaccard}. */
    public Builder derivedContainment(double value) {
      derivedContainment = value;
      return this;
    }

    /** The shared shingles a derived pair needs at least. */
    public Builder derivedMinShared(int value) {
      derivedMinShared = value;
      return this;
    }

    /** Shingles found in more articles than this do not make candidates (stock phrases); >= 2. */
    public Builder maxDocumentFrequency(int value) {
      maxDocumentFrequency = value;
      return this;
    }

    /** How much larger one containment must be than the other to tell a derived pair's origin. */
    public Builder originAsymmetry(double value) {
      originAsymmetry = value;
      return this;
    }

    /** The mean relative story score two groups of articles need to become one story. */
    public Builder storyThreshold(double value) {
      storyThreshold = value;
      return this;
    }

    /**
     * The least ratio of two grown groups' mean relative cross score to the lesser of their mean
     * relative internal scores for them to become one story; 0 turns the rule off.
     */
    public Builder storyCohesion(double value) {
      storyCohesion = value;
      return this;
    }

    /** Story similarities below this do not link articles at all. */
    public Builder storyMinSimilarity(double value) {
      storyMinSimilarity = value;
      return this;
    }

    /** The first neighbour rank of an article's background. */
    public Builder storyBackgroundFrom(int value) {
      storyBackgroundFrom = value;
      return this;
    }

    /** The last neighbour rank of an article's background. */
    public Builder storyBackgroundTo(int value) {
      storyBackgroundTo = value;
      return this;
    }

    /** The sentence embedder to blend into the story score; null for the lexical score alone. */
    public Builder embedder(TextEmbedder value) {
      embedder = value;
      return this;
    }

    /** How many characters of an article (title, then body) the embedder reads. */
    public Builder leadChars(int value) {
      leadChars = value;
      return this;
    }

    /** How many of each article's heaviest terms make story candidates. */
    public Builder storyTopTerms(int value) {
      storyTopTerms = value;
      return this;
    }

    /** Dated articles further apart than this many days never join one story, unless copied. */
    public Builder dateWindowDays(int value) {
      dateWindowDays = value;
      return this;
    }

    /** The lexical cosine from which articles dated far apart may still join one story. */
    public Builder copiedCosine(double value) {
      copiedCosine = value;
      return this;
    }

    /** The shortest shared passage reported, in words. */
    public Builder passageMinWords(int value) {
      passageMinWords = value;
      return this;
    }

    /** The most passages reported per pair. */
    public Builder maxPassages(int value) {
      maxPassages = value;
      return this;
    }

    /** Files (and JSON Lines lines) larger than this many bytes are skipped; 1 to 2^31 - 9. */
    public Builder maxFileBytes(long value) {
      maxFileBytes = value;
      return this;
    }

    /** Whether a folder scan follows symbolic links (inside the folder, unless also outside). */
    public Builder followLinks(boolean value) {
      followLinks = value;
      return this;
    }

    /**
     * Whether a folder scan also follows symbolic links whose real target is outside the folder;
     * needs {@link #followLinks(boolean)}.
     */
    public Builder followLinksOutside(boolean value) {
      followLinksOutside = value;
      return this;
    }

    /** How each story picks its canonical article. */
    public Builder canonicalRule(CanonicalRule value) {
      canonicalRule = value;
      return this;
    }

    /** The seed of every hash and random choice. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** How many threads a scan uses; the result does not depend on it. */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /**
     * A Retold with these settings.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range, and its value
     */
    public Retold build() {
      return new Retold(settings());
    }

    /** The checked settings. */
    RetoldSettings settings() {
      return new RetoldSettings(
          new RetoldSettings.Copies(
              shingleSize,
              minHashComponents,
              lshThreshold,
              nearDuplicateJaccard,
              derivedContainment,
              derivedMinShared,
              maxDocumentFrequency,
              originAsymmetry),
          new RetoldSettings.Stories(
              storyThreshold,
              storyCohesion,
              storyMinSimilarity,
              storyBackgroundFrom,
              storyBackgroundTo,
              storyTopTerms,
              dateWindowDays,
              copiedCosine,
              embedder,
              leadChars),
          new RetoldSettings.Evidence(passageMinWords, maxPassages),
          new RetoldSettings.Loading(maxFileBytes, followLinks, followLinksOutside),
          Objects.requireNonNull(canonicalRule, "canonicalRule"),
          seed,
          threads);
    }
  }
}
