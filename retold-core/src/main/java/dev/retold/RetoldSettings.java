package dev.retold;

import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of a {@link Retold}, checked, in four small groups: {@link Copies} (finding and
 * naming copies), {@link Stories} (grouping articles into stories), {@link Evidence} (the shared
 * passages reported) and {@link Loading} (reading files), plus the canonical rule, the seed and the
 * thread count. Make one with {@link Retold#builder()}, whose Javadoc lists every default; read one
 * with {@link Retold#settings()}.
 *
 * <p>Why classes and not records: a record's canonical constructor is public, so adding a setting
 * would break every caller who built one. These are built only by the builder, checked once there
 * (each group checks its own values; the message names the setting and the value refused), and can
 * grow without breaking anyone. Immutable and thread-safe.
 */
public final class RetoldSettings {
  private final Copies copies;
  private final Stories stories;
  private final Evidence evidence;
  private final Loading loading;
  private final CanonicalRule canonicalRule;
  private final long seed;
  private final int threads;

  RetoldSettings(
      Copies copies,
      Stories stories,
      Evidence evidence,
      Loading loading,
      CanonicalRule canonicalRule,
      long seed,
      int threads) {
    this.copies = Objects.requireNonNull(copies, "copies");
    this.stories = Objects.requireNonNull(stories, "stories");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.loading = Objects.requireNonNull(loading, "loading");
    this.canonicalRule = Objects.requireNonNull(canonicalRule, "canonicalRule");
    this.seed = seed;
    Check.positive("threads", threads);
    this.threads = threads;
  }

  /** The defaults, as {@link Retold#builder()} starts. */
  public static RetoldSettings defaults() {
    return Retold.builder().settings();
  }

  /** How copies are found and named. */
  public Copies copies() {
    return copies;
  }

  /** How articles are grouped into stories. */
  public Stories stories() {
    return stories;
  }

  /** Which shared passages are reported as evidence. */
  public Evidence evidence() {
    return evidence;
  }

  /** How files are read. */
  public Loading loading() {
    return loading;
  }

  /** How each story picks its canonical article. */
  public CanonicalRule canonicalRule() {
    return canonicalRule;
  }

  /** The seed of every hash and random choice. */
  public long seed() {
    return seed;
  }

  /** How many threads a scan uses; the result does not depend on it. */
  public int threads() {
    return threads;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RetoldSettings that
        && copies.equals(that.copies)
        && stories.equals(that.stories)
        && evidence.equals(that.evidence)
        && loading.equals(that.loading)
        && canonicalRule == that.canonicalRule
        && seed == that.seed
        && threads == that.threads;
  }

  @Override
  public int hashCode() {
    return Objects.hash(copies, stories, evidence, loading, canonicalRule, seed, threads);
  }

  @Override
  public String toString() {
    return "RetoldSettings["
        + copies
        + ", "
        + stories
        + ", "
        + evidence
        + ", "
        + loading
        + ", canonicalRule="
        + canonicalRule
        + ", seed=0x"
        + Long.toHexString(seed)
        + ", threads="
        + threads
        + "]";
  }

  /**
   * How copies are found and named: the word shingles compared, the MinHash signature and LSH bands
   * that find near-copies, the shingle index that finds rewrites, and the thresholds of {@link
   * Relation#NEAR_DUPLICATE} and {@link Relation#DERIVED}.
   */
  public static final class Copies {
    private final int shingleSize;
    private final int minHashComponents;
    private final double lshThreshold;
    private final double nearDuplicateJaccard;
    private final double derivedContainment;
    private final int derivedMinShared;
    private final int maxDocumentFrequency;
    private final double originAsymmetry;

    Copies(
        int shingleSize,
        int minHashComponents,
        double lshThreshold,
        double nearDuplicateJaccard,
        double derivedContainment,
        int derivedMinShared,
        int maxDocumentFrequency,
        double originAsymmetry) {
      Check.positive("shingleSize", shingleSize);
      Check.inRange("minHashComponents", minHashComponents, 1, MAX_MIN_HASH_COMPONENTS);
      if (!(lshThreshold > 0.0 && lshThreshold < 1.0)) {
        throw new IllegalArgumentException("lshThreshold must be in (0, 1): " + lshThreshold);
      }
      Check.fraction("nearDuplicateJaccard", nearDuplicateJaccard);
      Check.fraction("derivedContainment", derivedContainment);
      Check.positive("derivedMinShared", derivedMinShared);
      Check.inRange("maxDocumentFrequency", maxDocumentFrequency, 2, Integer.MAX_VALUE);
      if (!(originAsymmetry > 1.0)) {
        throw new IllegalArgumentException("originAsymmetry must be > 1: " + originAsymmetry);
      }
      if (derivedContainment > nearDuplicateJaccard) {
        throw new IllegalArgumentException(
            "derivedContainment must be <= nearDuplicateJaccard: "
                + derivedContainment
                + " > "
                + nearDuplicateJaccard);
      }
      this.shingleSize = shingleSize;
      this.minHashComponents = minHashComponents;
      this.lshThreshold = lshThreshold;
      this.nearDuplicateJaccard = nearDuplicateJaccard;
      this.derivedContainment = derivedContainment;
      this.derivedMinShared = derivedMinShared;
      this.maxDocumentFrequency = maxDocumentFrequency;
      this.originAsymmetry = originAsymmetry;
    }

    /** The most MinHash components a signature may have. */
    static final int MAX_MIN_HASH_COMPONENTS = 1 << 16;

    /** Words per shingle. */
    public int shingleSize() {
      return shingleSize;
    }

    /** Values per MinHash signature. */
    public int minHashComponents() {
      return minHashComponents;
    }

    /** The Jaccard similarity the LSH bands are tuned for. */
    public double lshThreshold() {
      return lshThreshold;
    }

    /** The Jaccard similarity from which a pair is a near-duplicate. */
    public double nearDuplicateJaccard() {
      return nearDuplicateJaccard;
    }

    /** The containment from which a pair is derived. */
    public double derivedContainment() {
      return derivedContainment;
    }

    /** The shared shingles a derived pair needs at least. */
    public int derivedMinShared() {
      return derivedMinShared;
    }

    /** Shingles found in more articles than this do not make candidates (stock phrases). */
    public int maxDocumentFrequency() {
      return maxDocumentFrequency;
    }

    /**
     * How many times larger one side's containment must be than the other's for the wording to tell
     * which article of a derived pair is the origin (else the dates tell, if they differ).
     */
    public double originAsymmetry() {
      return originAsymmetry;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Copies that
          && shingleSize == that.shingleSize
          && minHashComponents == that.minHashComponents
          && lshThreshold == that.lshThreshold
          && nearDuplicateJaccard == that.nearDuplicateJaccard
          && derivedContainment == that.derivedContainment
          && derivedMinShared == that.derivedMinShared
          && maxDocumentFrequency == that.maxDocumentFrequency
          && originAsymmetry == that.originAsymmetry;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          shingleSize,
          minHashComponents,
          lshThreshold,
          nearDuplicateJaccard,
          derivedContainment,
          derivedMinShared,
          maxDocumentFrequency,
          originAsymmetry);
    }

    @Override
    public String toString() {
      return "Copies[shingleSize="
          + shingleSize
          + ", minHashComponents="
          + minHashComponents
          + ", lshThreshold="
          + lshThreshold
          + ", nearDuplicateJaccard="
          + nearDuplicateJaccard
          + ", derivedContainment="
          + derivedContainment
          + ", derivedMinShared="
          + derivedMinShared
          + ", maxDocumentFrequency="
          + maxDocumentFrequency
          + ", originAsymmetry="
          + originAsymmetry
          + "]";
    }
  }

  /**
   * How articles are grouped into stories: the story score (the lexical score, blended with a
   * sentence embedding's when there is an {@link #embedder()}), the neighbourhood it is judged
   * against, the threshold and cohesion of the clustering, the heavy terms that make candidates,
   * and the date window.
   */
  public static final class Stories {
    private final double threshold;
    private final double cohesion;
    private final double minSimilarity;
    private final int backgroundFrom;
    private final int backgroundTo;
    private final int topTerms;
    private final int dateWindowDays;
    private final double copiedCosine;
    private final TextEmbedder embedder;
    private final int leadChars;

    Stories(
        double threshold,
        double cohesion,
        double minSimilarity,
        int backgroundFrom,
        int backgroundTo,
        int topTerms,
        int dateWindowDays,
        double copiedCosine,
        TextEmbedder embedder,
        int leadChars) {
      Check.fraction("storyThreshold", threshold);
      if (!(cohesion >= 0.0 && cohesion <= 1.0)) {
        throw new IllegalArgumentException("storyCohesion must be in [0, 1]: " + cohesion);
      }
      Check.fraction("storyMinSimilarity", minSimilarity);
      Check.positive("storyBackgroundFrom", backgroundFrom);
      if (backgroundTo < backgroundFrom) {
        throw new IllegalArgumentException(
            "storyBackgroundTo must be >= storyBackgroundFrom: "
                + backgroundTo
                + " < "
                + backgroundFrom);
      }
      Check.positive("storyTopTerms", topTerms);
      Check.inRange("dateWindowDays", dateWindowDays, 0, Integer.MAX_VALUE);
      if (!(copiedCosine >= 0.0 && copiedCosine <= 1.0)) {
        throw new IllegalArgumentException("copiedCosine must be in [0, 1]: " + copiedCosine);
      }
      Check.positive("leadChars", leadChars);
      if (embedder != null && embedder.dimensions() < 1) {
        throw new IllegalArgumentException(
            "embedder must have dimensions > 0: " + embedder.dimensions());
      }
      this.threshold = threshold;
      this.cohesion = cohesion;
      this.minSimilarity = minSimilarity;
      this.backgroundFrom = backgroundFrom;
      this.backgroundTo = backgroundTo;
      this.topTerms = topTerms;
      this.dateWindowDays = dateWindowDays;
      this.copiedCosine = copiedCosine;
      this.embedder = embedder;
      this.leadChars = leadChars;
    }

    /**
     * The mean relative story score (an article pair's score above the background of their
     * neighbourhoods) two groups of articles need to become one story.
     */
    public double threshold() {
      return threshold;
    }

    /**
     * The least ratio of two grown groups' mean relative cross score to the lesser of their own
     * mean relative internal scores for them to become one story (0: no such rule): two events of
     * one storyline, each tight inside, stay two stories although their similarity reaches the
     * threshold.
     */
    public double cohesion() {
      return cohesion;
    }

    /** Story scores below this never make a reported same-story pair. */
    public double minSimilarity() {
      return minSimilarity;
    }

    /**
     * The first of the neighbour ranks whose mean score is an article's background: what an article
     * close to it, but not on its story, scores.
     */
    public int backgroundFrom() {
      return backgroundFrom;
    }

    /** The last of the neighbour ranks of the background (a rank without a neighbour scores 0). */
    public int backgroundTo() {
      return backgroundTo;
    }

    /** How many of each article's heaviest terms make story candidates. */
    public int topTerms() {
      return topTerms;
    }

    /** Dated articles further apart than this many days never join one story, unless copied. */
    public int dateWindowDays() {
      return dateWindowDays;
    }

    /**
     * The lexical cosine from which two articles dated further apart than the window may still join
     * one story: their wording is copied.
     */
    public double copiedCosine() {
      return copiedCosine;
    }

    /** The sentence embedder whose score the story score blends in, if any. */
    public Optional<TextEmbedder> embedder() {
      return Optional.ofNullable(embedder);
    }

    /** How much of an article (its title, then its body) the embedder reads, in characters. */
    public int leadChars() {
      return leadChars;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Stories that
          && threshold == that.threshold
          && cohesion == that.cohesion
          && minSimilarity == that.minSimilarity
          && backgroundFrom == that.backgroundFrom
          && backgroundTo == that.backgroundTo
          && topTerms == that.topTerms
          && dateWindowDays == that.dateWindowDays
          && copiedCosine == that.copiedCosine
          && Objects.equals(embedder, that.embedder)
          && leadChars == that.leadChars;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          threshold,
          cohesion,
          minSimilarity,
          backgroundFrom,
          backgroundTo,
          topTerms,
          dateWindowDays,
          copiedCosine,
          embedder,
          leadChars);
    }

    @Override
    public String toString() {
      return "Stories[threshold="
          + threshold
          + ", cohesion="
          + cohesion
          + ", minSimilarity="
          + minSimilarity
          + ", background="
          + backgroundFrom
          + "-"
          + backgroundTo
          + ", topTerms="
          + topTerms
          + ", dateWindowDays="
          + dateWindowDays
          + ", copiedCosine="
          + copiedCosine
          + ", embedder="
          + (embedder == null ? "none" : embedder.name())
          + ", leadChars="
          + leadChars
          + "]";
    }
  }

  /** Which shared passages a reported pair carries as its evidence. */
  public static final class Evidence {
    private final int passageMinWords;
    private final int maxPassages;

    Evidence(int passageMinWords, int maxPassages) {
      Check.positive("passageMinWords", passageMinWords);
      Check.positive("maxPassages", maxPassages);
      this.passageMinWords = passageMinWords;
      this.maxPassages = maxPassages;
    }

    /** The shortest shared passage reported, in words. */
    public int passageMinWords() {
      return passageMinWords;
    }

    /** The most passages reported per pair. */
    public int maxPassages() {
      return maxPassages;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Evidence that
          && passageMinWords == that.passageMinWords
          && maxPassages == that.maxPassages;
    }

    @Override
    public int hashCode() {
      return Objects.hash(passageMinWords, maxPassages);
    }

    @Override
    public String toString() {
      return "Evidence[passageMinWords=" + passageMinWords + ", maxPassages=" + maxPassages + "]";
    }
  }

  /**
   * How files are read: the size limit of a file (or of a JSON Lines line), and which symbolic
   * links a folder scan follows. The one place these are checked; the loaders take them as given.
   *
   * <p>Links: by default ({@code followLinks} true, {@code followLinksOutside} false) a link whose
   * real target is inside the scanned folder is followed, and a link out of it is skipped, so that
   * a link planted in a folder cannot make a scan read (and report passages of) files elsewhere on
   * the machine. With {@code followLinksOutside} every link is followed; with {@code followLinks}
   * false none is. Loops are never followed.
   */
  public static final class Loading {
    /** The largest file a Java array can hold, and so the largest limit. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private final long maxFileBytes;
    private final boolean followLinks;
    private final boolean followLinksOutside;

    Loading(long maxFileBytes, boolean followLinks, boolean followLinksOutside) {
      Check.inRange("maxFileBytes", maxFileBytes, 1, MAX_FILE_BYTES);
      if (followLinksOutside && !followLinks) {
        throw new IllegalArgumentException(
            "followLinksOutside needs followLinks: followLinksOutside=true, followLinks=false");
      }
      this.maxFileBytes = maxFileBytes;
      this.followLinks = followLinks;
      this.followLinksOutside = followLinksOutside;
    }

    /** Files (and JSON Lines lines) with more bytes than this are skipped as too large. */
    public long maxFileBytes() {
      return maxFileBytes;
    }

    /** Whether a folder scan follows symbolic links (default: true, those inside the folder). */
    public boolean followLinks() {
      return followLinks;
    }

    /**
     * Whether a folder scan also follows links whose real target is outside the folder (default:
     * false; never without {@link #followLinks()}).
     */
    public boolean followLinksOutside() {
      return followLinksOutside;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Loading that
          && maxFileBytes == that.maxFileBytes
          && followLinks == that.followLinks
          && followLinksOutside == that.followLinksOutside;
    }

    @Override
    public int hashCode() {
      return Objects.hash(maxFileBytes, followLinks, followLinksOutside);
    }

    @Override
    public String toString() {
      return "Loading[maxFileBytes="
          + maxFileBytes
          + ", followLinks="
          + followLinks
          + ", followLinksOutside="
          + followLinksOutside
          + "]";
    }
  }

  /** The checks, one message shape for each rule: the setting's name, the rule, the value. */
  private static final class Check {
    private Check() {}

    static void positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be > 0: " + value);
      }
    }

    static void inRange(String name, long value, long min, long max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name
                + (max == Integer.MAX_VALUE
                    ? " must be >= " + min
                    : " must be in [" + min + ", " + max + "]")
                + ": "
                + value);
      }
    }

    static void fraction(String name, double value) {
      if (!(value > 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
      }
    }
  }
}
