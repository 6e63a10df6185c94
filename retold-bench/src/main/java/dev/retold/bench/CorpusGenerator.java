package dev.retold.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates a labelled corpus of English-like news articles, deterministically from a seed, as a
 * stream: a million articles of 600 words come out with a heap of a few megabytes.
 *
 * <p>The corpus is made of units. A unit is either an {@link GeneratedArticle#UNRELATED} singleton
 * or a story: an {@link GeneratedArticle#ORIGINAL} article written around the story's facts (3 to 6
 * names, 2 to 4 numbers, a place, a date) and members planted from it: near-duplicates (word edits
 * at a known rate), derived articles (a condensed rewrite keeping 30-60% of the sentences, some
 * lightly edited, or an excerpt spanning a contiguous 20-40%), and same-story retellings (new
 * sentences around the same facts, sharing almost no word 3-shingles with the original). Each unit
 * is generated from the seed and its own index alone, then its articles wait in a bounded mixing
 * pool, so a story's articles are spread through the output instead of sitting together.
 *
 * <p>Text is drawn from real English words in proportion to their counts in news text (a Zipf-like
 * distribution; the list is derived from the ECB+ corpus, CC BY 3.0): sentences of 8 to 30 words,
 * capitalised and ended with a period, in paragraphs of 2 to 6 sentences separated by blank lines,
 * with made-up proper nouns and numbers sprinkled in.
 *
 * <p>The same settings always give the same articles in the same order, byte for byte, on any JVM.
 * Immutable and thread-safe; each {@link #iterator()} or {@link #stream()} starts from the
 * beginning.
 */
public final class CorpusGenerator implements Iterable<GeneratedArticle> {
  private final CorpusSettings settings;
  private final StoryPlanter planter;

  private CorpusGenerator(CorpusSettings settings) {
    this.settings = settings;
    this.planter = new StoryPlanter(settings, new TextComposer(Vocabulary.english()));
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many articles the corpus holds. */
  public long articles() {
    return settings.articles();
  }

  /** The seed every random choice derives from. */
  public long seed() {
    return settings.seed();
  }

  /** The articles, generated as they are asked for. */
  @Override
  public Iterator<GeneratedArticle> iterator() {
    return new ArticleIterator();
  }

  /** The articles as a sequential, ordered stream, generated as they are consumed. */
  public Stream<GeneratedArticle> stream() {
    Spliterator<GeneratedArticle> spliterator =
        Spliterators.spliterator(
            iterator(), settings.articles(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false);
  }

  /** Draws units into the mixing pool and hands articles out of it at random. */
  private final class ArticleIterator implements Iterator<GeneratedArticle> {
    private final List<GeneratedArticle> pool = new ArrayList<>();
    private final SplitMix64 mixing = SplitMix64.forPart(settings.seed(), -1);
    private long created;
    private long unit;

    @Override
    public boolean hasNext() {
      refill();
      return !pool.isEmpty();
    }

    @Override
    public GeneratedArticle next() {
      refill();
      if (pool.isEmpty()) {
        throw new NoSuchElementException(
            "all " + settings.articles() + " articles were handed out");
      }
      int pick = mixing.nextInt(pool.size());
      int last = pool.size() - 1;
      GeneratedArticle article = pool.get(pick);
      pool.set(pick, pool.get(last));
      pool.remove(last);
      return article;
    }

    private void refill() {
      while (pool.size() < settings.mixingWindow() && created < settings.articles()) {
        List<GeneratedArticle> planted =
            planter.plant(unit, settings.articles() - created, created);
        unit++;
        created += planted.size();
        pool.addAll(planted);
      }
    }
  }

  /**
   * Settings of a {@link CorpusGenerator}. The defaults:
   *
   * <ul>
   *   <li>{@code seed} 42: every random choice derives from it;
   *   <li>{@code articles} 1,000: how many articles the corpus holds, at least 1;
   *   <li>{@code meanWords} 600: mean article length in words; each length is drawn uniformly from
   *       half to one and a half times this (whole sentences, so a little more), at least 8;
   *   <li>{@code singletonShare} 0.5: the share of articles that are unrelated singletons, in [0,
   *       1]; the rest are in stories (the last story may be cut short to end at {@code articles});
   *   <li>{@code minStorySize} 2 and {@code maxStorySize} 10: a story's article count, original
   *       included, drawn uniformly between them; 2 &lt;= min &lt;= max &lt;= 1000;
   *   <li>{@code nearDuplicateWeight}, {@code derivedWeight}, {@code sameStoryWeight} 1, 1, 1: how
   *       a story's members (all but its original) are shared among the three relations; weights
   *       &gt;= 0, not all zero; derived members are condensed rewrites or excerpts with equal
   *       chance;
   *   <li>{@code minEditRate} 0.01 and {@code maxEditRate} 0.05: a near-duplicate's word edit rate
   *       (edits divided by the original's words) is drawn uniformly between them; 0 &lt; min &lt;=
   *       max &lt;= 0.5;
   *   <li>{@code firstDate} 2015-01-01 and {@code dateSpanDays} 3653: singletons and story events
   *       are dated uniformly over that span; a story's articles follow its event by up to 6 days;
   *   <li>{@code mixingWindow} 1,000: how many articles wait in the pool that spreads stories
   *       through the output; memory grows with it; 1 keeps units in order (a story's articles
   *       still come out shuffled among themselves).
   * </ul>
   *
   * <p>{@link #build()} checks every setting and names the one it refuses with its value.
   */
  public static final class Builder {
    private long seed = 42;
    private long articles = 1_000;
    private int meanWords = 600;
    private double singletonShare = 0.5;
    private int minStorySize = 2;
    private int maxStorySize = 10;
    private double nearDuplicateWeight = 1;
    private double derivedWeight = 1;
    private double sameStoryWeight = 1;
    private double minEditRate = 0.01;
    private double maxEditRate = 0.05;
    private LocalDate firstDate = LocalDate.of(2015, 1, 1);
    private int dateSpanDays = 3653;
    private int mixingWindow = 1_000;

    private Builder() {}

    /** The seed every random choice derives from; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many articles; default 1,000. */
    public Builder articles(long articles) {
      this.articles = articles;
      return this;
    }

    /** Mean article length in words; default 600. */
    public Builder meanWords(int meanWords) {
      this.meanWords = meanWords;
      return this;
    }

    /** Share of articles that are unrelated singletons; default 0.5. */
    public Builder singletonShare(double singletonShare) {
      this.singletonShare = singletonShare;
      return this;
    }

    /** Smallest and largest story, original included; default 2 and 10. */
    public Builder storySizes(int minStorySize, int maxStorySize) {
      this.minStorySize = minStorySize;
      this.maxStorySize = maxStorySize;
      return this;
    }

    /** Relative weights of near-duplicate, derived and same-story members; default 1, 1, 1. */
    public Builder relationWeights(
        double nearDuplicateWeight, double derivedWeight, double sameStoryWeight) {
      this.nearDuplicateWeight = nearDuplicateWeight;
      this.derivedWeight = derivedWeight;
      this.sameStoryWeight = sameStoryWeight;
      return this;
    }

    /** Bounds of a near-duplicate's word edit rate; default 0.01 and 0.05. */
    public Builder editRates(double minEditRate, double maxEditRate) {
      this.minEditRate = minEditRate;
      this.maxEditRate = maxEditRate;
      return this;
    }

    /** The first date and how many days dates span; default 2015-01-01 and 3653. */
    public Builder dates(LocalDate firstDate, int dateSpanDays) {
      this.firstDate = Objects.requireNonNull(firstDate, "firstDate");
      this.dateSpanDays = dateSpanDays;
      return this;
    }

    /** How many articles the mixing pool holds; default 1,000. */
    public Builder mixingWindow(int mixingWindow) {
      this.mixingWindow = mixingWindow;
      return this;
    }

    /** The generator; throws {@link IllegalArgumentException} naming a refused setting. */
    public CorpusGenerator build() {
      return new CorpusGenerator(
          new CorpusSettings(
              seed,
              articles,
              meanWords,
              singletonShare,
              minStorySize,
              maxStorySize,
              nearDuplicateWeight,
              derivedWeight,
              sameStoryWeight,
              minEditRate,
              maxEditRate,
              firstDate,
              dateSpanDays,
              mixingWindow));
    }
  }
}
