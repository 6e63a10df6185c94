package dev.retold;

import java.util.Objects;

/**
 * Every setting of a scan, checked. Build one with {@link Retold#builder()}; the builder's Javadoc
 * lists the defaults.
 *
 * @param shingleSize words per shingle
 * @param minHashComponents values per MinHash signature
 * @param seed the seed of every hash and random choice
 * @param lshThreshold the Jaccard similarity the LSH bands are tuned for
 * @param nearDuplicateJaccard Jaccard from which a pair is a near-duplicate
 * @param derivedContainment containment from which a pair is derived
 * @param derivedMinShared shared shingles a derived pair needs at least
 * @param maxDocumentFrequency shingles found in more articles than this do not make candidates
 * @param passageMinWords the shortest shared passage reported, in words
 * @param maxPassages the most passages reported per pair
 * @param storyThreshold the mean story score two groups of articles need to become one story
 * @param storyMinSimilarity story similarities below this do not link articles at all
 * @param storyNeighbours how many nearest neighbours each article's neighbourhood holds
 * @param storyTopTerms how many of each article's heaviest terms make story candidates
 * @param dateWindowDays dates further apart than this count against a same-story link
 * @param canonicalRule how each story picks its canonical article
 * @param maxFileBytes files larger than this are skipped
 * @param threads how many threads a scan uses
 * @param progress told how far a scan has got
 */
public record RetoldSettings(
    int shingleSize,
    int minHashComponents,
    long seed,
    double lshThreshold,
    double nearDuplicateJaccard,
    double derivedContainment,
    int derivedMinShared,
    int maxDocumentFrequency,
    int passageMinWords,
    int maxPassages,
    double storyThreshold,
    double storyMinSimilarity,
    int storyNeighbours,
    int storyTopTerms,
    int dateWindowDays,
    CanonicalRule canonicalRule,
    long maxFileBytes,
    int threads,
    ProgressListener progress) {

  /** Checks every setting; the message names the setting and the value refused. */
  public RetoldSettings {
    positive("shingleSize", shingleSize);
    positive("minHashComponents", minHashComponents);
    fraction("lshThreshold", lshThreshold);
    fraction("nearDuplicateJaccard", nearDuplicateJaccard);
    fraction("derivedContainment", derivedContainment);
    positive("derivedMinShared", derivedMinShared);
    if (maxDocumentFrequency < 2) {
      throw new IllegalArgumentException(
          "maxDocumentFrequency must be >= 2: " + maxDocumentFrequency);
    }
    positive("passageMinWords", passageMinWords);
    positive("maxPassages", maxPassages);
    fraction("storyThreshold", storyThreshold);
    fraction("storyMinSimilarity", storyMinSimilarity);
    positive("storyNeighbours", storyNeighbours);
    positive("storyTopTerms", storyTopTerms);
    if (dateWindowDays < 0) {
      throw new IllegalArgumentException("dateWindowDays must be >= 0: " + dateWindowDays);
    }
    Objects.requireNonNull(canonicalRule, "canonicalRule");
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be > 0: " + maxFileBytes);
    }
    positive("threads", threads);
    Objects.requireNonNull(progress, "progress");
    if (derivedContainment > nearDuplicateJaccard) {
      throw new IllegalArgumentException(
          "derivedContainment must be <= nearDuplicateJaccard: "
              + derivedContainment
              + " > "
              + nearDuplicateJaccard);
    }
  }

  /** A builder at the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.shingleSize = shingleSize;
    builder.minHashComponents = minHashComponents;
    builder.seed = seed;
    builder.lshThreshold = lshThreshold;
    builder.nearDuplicateJaccard = nearDuplicateJaccard;
    builder.derivedContainment = derivedContainment;
    builder.derivedMinShared = derivedMinShared;
    builder.maxDocumentFrequency = maxDocumentFrequency;
    builder.passageMinWords = passageMinWords;
    builder.maxPassages = maxPassages;
    builder.storyThreshold = storyThreshold;
    builder.storyMinSimilarity = storyMinSimilarity;
    builder.storyNeighbours = storyNeighbours;
    builder.storyTopTerms = storyTopTerms;
    builder.dateWindowDays = dateWindowDays;
    builder.canonicalRule = canonicalRule;
    builder.maxFileBytes = maxFileBytes;
    builder.threads = threads;
    builder.progress = progress;
    return builder;
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
  }

  private static void fraction(String name, double value) {
    if (!(value > 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
    }
  }

  /**
   * Builds {@link Retold} instances. Defaults:
   *
   * <ul>
   *   <li>{@code shingleSize} 3 words: short enough that a rewrite keeps many, long enough that
   *       unrelated articles share few;
   *   <li>{@code minHashComponents} 128;
   *   <li>{@code seed} {@code 0x5EED};
   *   <li>{@code lshThreshold} 0.5: LSH candidates are tuned for Jaccard 0.5 and above;
   *   <li>{@code nearDuplicateJaccard} 0.7;
   *   <li>{@code derivedContainment} 0.15 and {@code derivedMinShared} 20 shingles;
   *   <li>{@code maxDocumentFrequency} 50 articles;
   *   <li>{@code passageMinWords} 6 and {@code maxPassages} 10;
   *   <li>{@code storyThreshold} 0.25: the mean shared-neighbour story score (see {@link
   *       dev.retold.cluster.SharedNeighbourSimilarity}) at which groups of articles merge into one
   *       story;
   *   <li>{@code storyMinSimilarity} 0.15 and {@code storyNeighbours} 8;
   *   <li>{@code storyTopTerms} 30;
   *   <li>{@code dateWindowDays} 7: dated articles further apart than a week weigh half as much
   *       towards one story;
   *   <li>{@code canonicalRule} {@link CanonicalRule#ORIGIN};
   *   <li>{@code maxFileBytes} 16 MiB;
   *   <li>{@code threads} the number of processors;
   *   <li>{@code progress} {@link ProgressListener#NONE}.
   * </ul>
   */
  public static final class Builder {
    private int shingleSize = 3;
    private int minHashComponents = 128;
    private long seed = 0x5EEDL;
    private double lshThreshold = 0.5;
    private double nearDuplicateJaccard = 0.7;
    private double derivedContainment = 0.15;
    private int derivedMinShared = 20;
    private int maxDocumentFrequency = 50;
    private int passageMinWords = 6;
    private int maxPassages = 10;
    private double storyThreshold = 0.25;
    private double storyMinSimilarity = 0.15;
    private int storyNeighbours = 8;
    private int storyTopTerms = 30;
    private int dateWindowDays = 7;
    private CanonicalRule canonicalRule = CanonicalRule.ORIGIN;
    private long maxFileBytes = 16L << 20;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** Words per shingle. */
    public Builder shingleSize(int value) {
      shingleSize = value;
      return this;
    }

    /** Values per MinHash signature. */
    public Builder minHashComponents(int value) {
      minHashComponents = value;
      return this;
    }

    /** The seed of every hash and random choice. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** The Jaccard similarity the LSH bands are tuned for. */
    public Builder lshThreshold(double value) {
      lshThreshold = value;
      return this;
    }

    /** The Jaccard similarity from which a pair is a near-duplicate. */
    public Builder nearDuplicateJaccard(double value) {
      nearDuplicateJaccard = value;
      return this;
    }

    /** The containment from which a pair is derived. */
    public Builder derivedContainment(double value) {
      derivedContainment = value;
      return this;
    }

    /** The shared shingles a derived pair needs at least. */
    public Builder derivedMinShared(int value) {
      derivedMinShared = value;
      return this;
    }

    /** Shingles found in more articles than this do not make candidates (stock phrases). */
    public Builder maxDocumentFrequency(int value) {
      maxDocumentFrequency = value;
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

    /** The mean story score two groups of articles need to become one story. */
    public Builder storyThreshold(double value) {
      storyThreshold = value;
      return this;
    }

    /** Story similarities below this do not link articles at all. */
    public Builder storyMinSimilarity(double value) {
      storyMinSimilarity = value;
      return this;
    }

    /** How many nearest neighbours each article's neighbourhood holds. */
    public Builder storyNeighbours(int value) {
      storyNeighbours = value;
      return this;
    }

    /** How many of each article's heaviest terms make story candidates. */
    public Builder storyTopTerms(int value) {
      storyTopTerms = value;
      return this;
    }

    /** Dates further apart than this many days count against a same-story link. */
    public Builder dateWindowDays(int value) {
      dateWindowDays = value;
      return this;
    }

    /** How each story picks its canonical article. */
    public Builder canonicalRule(CanonicalRule value) {
      canonicalRule = value;
      return this;
    }

    /** Files larger than this many bytes are skipped. */
    public Builder maxFileBytes(long value) {
      maxFileBytes = value;
      return this;
    }

    /** How many threads a scan uses; the result does not depend on it. */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** Told how far a scan has got. */
    public Builder progress(ProgressListener value) {
      progress = value;
      return this;
    }

    /**
     * The checked settings.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range
     */
    public RetoldSettings settings() {
      return new RetoldSettings(
          shingleSize,
          minHashComponents,
          seed,
          lshThreshold,
          nearDuplicateJaccard,
          derivedContainment,
          derivedMinShared,
          maxDocumentFrequency,
          passageMinWords,
          maxPassages,
          storyThreshold,
          storyMinSimilarity,
          storyNeighbours,
          storyTopTerms,
          dateWindowDays,
          canonicalRule,
          maxFileBytes,
          threads,
          progress);
    }

    /**
     * A Retold with these settings.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range
     */
    public Retold build() {
      return Retold.of(settings());
    }
  }
}
