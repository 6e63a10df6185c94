package dev.retold.scan;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.Comparison;
import dev.retold.IdPair;
import dev.retold.ProgressListener;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.fingerprint.MinHashSignature;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.similarity.StoryVector;
import dev.retold.similarity.TermStatistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One scan, as a list of named stages, each a type of this package with one job:
 *
 * <ol>
 *   <li>{@link ReadAndSketch read and sketch}: every article read once, a batch at a time; a sketch
 *       kept of each (metadata, LSH band keys, sampled shingles, story terms), never its body;
 *   <li>{@link CopyCandidates copy candidates}: LSH pairs and pairs sharing sampled shingles, exact
 *       copies collapsed to their representative ({@link ExactCopies});
 *   <li>{@link StoryVectors story vectors}: each article's story terms weighed by the scan's term
 *       statistics;
 *   <li>{@link VerifyCopies verify copies}: each copy candidate read again and checked on the exact
 *       shingle sets;
 *   <li>{@link StoryCandidates story candidates}: pairs sharing heavy terms, scored (lexically,
 *       blended with the leads' embeddings when there is an embedder) and re-scored by how far they
 *       stand above each article's background;
 *   <li>{@link ClusterStories cluster}: average linkage from the copy groups, once per threshold;
 *   <li>{@link FindEvidence evidence}: each pair to be reported read again for its passages (of a
 *       copy group, one pair);
 *   <li>{@link AssembleResult assemble}: the pairs and stories of each threshold.
 * </ol>
 *
 * <p>Data flows one way: each stage takes what the ones before it made and hands on a value of its
 * own; what only one later stage needs is handed over once ({@link Handoff}) so that it can be let
 * go. Work inside a stage runs on {@code settings.threads()} threads, each result landing at its
 * input's index, so the output does not depend on the thread count. Immutable and thread-safe: one
 * engine may run several scans at once.
 */
public final class ScanEngine {
  private final RetoldSettings settings;
  private final int exactShingleIndexArticles;
  private final ArticleSketcher sketcher;
  private final LshParameters lsh;

  /** An engine scanning with {@code settings}. */
  public ScanEngine(RetoldSettings settings) {
    this(settings, ReadAndSketch.EXACT_SHINGLE_INDEX_ARTICLES);
  }

  /** For tests: shingles sampled from {@code exactShingleIndexArticles} articles on. */
  ScanEngine(RetoldSettings settings, int exactShingleIndexArticles) {
    this.settings = settings;
    this.exactShingleIndexArticles = exactShingleIndexArticles;
    this.sketcher = new ArticleSketcher(settings);
    this.lsh = ReadAndSketch.lshParameters(settings);
  }

  /**
   * Scans {@code source} at the settings' story threshold.
   *
   * @throws IOException if the source cannot be read, or an article reads differently the second
   *     time
   */
  public ScanResult scan(ArticleSource source, ProgressListener progress) throws IOException {
    return sweep(source, List.of(settings.stories().threshold()), progress).get(0);
  }

  /** Scans articles in memory, which cannot fail to be read. */
  public ScanResult scan(List<Article> articles, ProgressListener progress) {
    try (ArticleSource source = ArticleSource.of(articles)) {
      return scan(source, progress);
    } catch (IOException impossible) {
      throw new IllegalStateException("articles in memory failed to read", impossible);
    }
  }

  /**
   * Scans {@code source} once and groups its articles at each story threshold.
   *
   * @return one result per threshold, in their order
   * @throws IOException if the source cannot be read, or an article reads differently the second
   *     time
   */
  public List<ScanResult> sweep(
      ArticleSource source, List<Double> storyThresholds, ProgressListener progress)
      throws IOException {
    StageRunner stages = new StageRunner(settings.threads(), progress);
    return afterReading(
        firstPass(stages).read(source), null, null, source, storyThresholds, stages);
  }

  /**
   * Sketches one article as a distributed scan's workers do, for {@link #sweep(Iterator, List,
   * ArticleSource, List, ProgressListener)}: knowing nothing of the other articles. Thread-safe.
   */
  public byte[] sketch(ArticleSource.Located located) {
    return sketcher.hashed(located).encode();
  }

  /**
   * What a distributed scan joins on for the copy candidates of the article {@code sketch} is the
   * sketch of, in a scan of {@code articles} articles (its shingles sampled as such a scan samples
   * them).
   */
  public CopyKeys copyKeys(byte[] sketch, long articles) {
    HashedSketch whole = HashedSketch.decode(sketch);
    int bits = ReadAndSketch.sampleBitsFor(articles, exactShingleIndexArticles);
    return new CopyKeys(
        whole.position(),
        whole.info().id(),
        whole.wordsHash(),
        BandedLshIndex.bandKeys(lsh, whole.signature()),
        ArticleSketcher.sample(whole.shingles(), bits));
  }

  /**
   * How many sampled shingles two articles must share, in a scan of {@code articles} articles, to
   * be a copy candidate ({@link CopyKeys}).
   */
  public int minSharedShingles(long articles) {
    return CopyCandidates.minSampledShared(
        settings.copies().derivedMinShared(),
        ReadAndSketch.sampleBitsFor(articles, exactShingleIndexArticles));
  }

  /** A shingle held by more articles than this pairs none of them ({@link CopyKeys}). */
  public int maxShingleDocuments() {
    return settings.copies().maxDocumentFrequency();
  }

  /**
   * What a distributed scan joins on for the story candidates of the article {@code sketch} is the
   * sketch of ({@link StoryTermKeys}).
   *
   * @throws IllegalArgumentException if the sketch is malformed or names a term twice
   */
  public StoryTermKeys storyTerms(byte[] sketch) {
    HashedSketch whole = HashedSketch.decode(sketch);
    long[] hashes = whole.termHashes();
    float[] weights = whole.termCounts();
    Integer[] order = new Integer[hashes.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingLong(i -> hashes[i]));
    long[] terms = new long[hashes.length];
    float[] counts = new float[hashes.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = hashes[order[i]];
      counts[i] = weights[order[i]];
      if (i > 0 && terms[i] == terms[i - 1]) {
        throw new IllegalArgumentException("a sketch names the story term " + terms[i] + " twice");
      }
    }
    return new StoryTermKeys(whole.position(), whole.info().id(), terms, counts);
  }

  /**
   * The heaviest of an article's story terms, weighed as a scan of {@code articles} articles weighs
   * them ({@link StoryTermKeys}): the hashes of at most the settings' {@code topTerms}, among those
   * another article holds too, in increasing order, as the scan's own story candidates take them.
   *
   * @param terms the article's story terms
   * @param documentFrequencies how many of the scan's articles hold each of {@code terms}, in their
   *     order (this article among them)
   * @param articles how many articles the scan has
   * @throws IllegalArgumentException if the frequencies are not one per term, or one is outside
   *     {@code 1..articles}
   */
  public long[] heaviestTerms(StoryTermKeys terms, int[] documentFrequencies, long articles) {
    int n = terms.terms().length;
    if (documentFrequencies.length != n) {
      throw new IllegalArgumentException(
          "one document frequency per term: " + documentFrequencies.length + " for " + n);
    }
    int[] ids = new int[n]; // the terms' order is their hashes', as the scan numbers them
    for (int i = 0; i < n; i++) {
      if (documentFrequencies[i] < 1 || documentFrequencies[i] > articles) {
        throw new IllegalArgumentException(
            "a document frequency outside 1.." + articles + ": " + documentFrequencies[i]);
      }
      ids[i] = i;
    }
    int[] frequencies = documentFrequencies.clone();
    StoryVector vector =
        StoryVectors.vector(
            ids, terms.counts().clone(), TermStatistics.of(Math.toIntExact(articles), frequencies));
    long[] heaviest = StoryCandidates.heaviest(vector, settings.stories().topTerms());
    for (int i = 0; i < heaviest.length; i++) {
      heaviest[i] = terms.terms()[(int) heaviest[i]];
    }
    return heaviest;
  }

  /**
   * How many heavy terms two articles must share to be a story candidate ({@link StoryTermKeys}).
   */
  public int minSharedHeavyTerms() {
    return StoryCandidates.MIN_SHARED_TERMS;
  }

  /**
   * A heavy term among more articles' heaviest than this pairs none of them ({@link
   * StoryTermKeys}).
   */
  public int maxHeavyTermArticles() {
    return StoryCandidates.MAX_TERM_FREQUENCY;
  }

  /**
   * {@code sketch} without what only the copy candidates need (its signature and shingles), for a
   * sweep given the candidates ({@link #sweep(Iterator, List, ArticleSource, long[], List,
   * ProgressListener)}).
   */
  public byte[] withoutCopyKeys(byte[] sketch) {
    HashedSketch whole = HashedSketch.decode(sketch);
    return new HashedSketch(
            whole.info(),
            whole.position(),
            whole.bodyHash(),
            whole.wordsHash(),
            MinHashSignature.empty(1),
            new long[0],
            whole.termHashes(),
            whole.termCounts(),
            whole.embedding())
        .encode();
  }

  /**
   * Scans articles sketched elsewhere (retold-spark sketches them on its workers): the same results
   * as {@link #sweep(ArticleSource, List, ProgressListener)} when {@code sketches} are what {@link
   * #sketch} made of each article {@code source} hands out, in its order, and {@code skipped} are
   * the entries it skips.
   *
   * @param sketches the articles' sketches, in the order {@code source} reads them
   * @param skipped the entries {@code source} could not read as articles; read once the last sketch
   *     is taken, so it may fill as {@code sketches} are consumed
   * @param source reads articles again, by the positions in their sketches, for evidence; a {@link
   *     dev.retold.load.SlicedSource} whose slices repeat ids names the later articles' skipped
   *     entries
   * @throws IOException if an article cannot be read again, or reads differently
   * @throws IllegalArgumentException if two articles share an id (where the source does not skip
   *     the later), or a sketch is malformed
   */
  public List<ScanResult> sweep(
      Iterator<byte[]> sketches,
      List<SkippedFile> skipped,
      ArticleSource source,
      List<Double> storyThresholds,
      ProgressListener progress)
      throws IOException {
    return sweep(sketches, skipped, source, null, storyThresholds, progress);
  }

  /**
   * {@link #sweep(Iterator, List, ArticleSource, List, ProgressListener)} with the copy candidates
   * found elsewhere (retold-spark joins the workers' {@link CopyKeys}): the same results when
   * {@code copyPairs} are the pairs of articles that share a band key or enough shingles as {@link
   * CopyKeys} says, each once, in any order.
   *
   * @param sketches the articles' sketches, their signatures and shingles not needed ({@link
   *     #withoutCopyKeys}) unless {@code copyPairs} is {@code null}
   * @param copyPairs the candidate pairs, as the two articles' positions one after the other;
   *     {@code null} to find them from the sketches, which must then be whole
   * @throws IllegalArgumentException if a pair names a position no article has
   */
  public List<ScanResult> sweep(
      Iterator<byte[]> sketches,
      List<SkippedFile> skipped,
      ArticleSource source,
      long[] copyPairs,
      List<Double> storyThresholds,
      ProgressListener progress)
      throws IOException {
    return sweep(sketches, skipped, source, copyPairs, null, storyThresholds, progress);
  }

  /**
   * {@link #sweep(Iterator, List, ArticleSource, long[], List, ProgressListener)} with the story
   * candidates found elsewhere too (retold-spark joins the workers' {@link StoryTermKeys}): the
   * same results when {@code storyPairs} are the pairs of articles that share enough heavy terms as
   * {@link StoryTermKeys} says, each once, in any order.
   *
   * @param storyPairs the story candidates, as the two articles' positions one after the other;
   *     {@code null} to find them from the sketches' story terms
   * @throws IllegalArgumentException if a pair names a position no article has
   */
  public List<ScanResult> sweep(
      Iterator<byte[]> sketches,
      List<SkippedFile> skipped,
      ArticleSource source,
      long[] copyPairs,
      long[] storyPairs,
      List<Double> storyThresholds,
      ProgressListener progress)
      throws IOException {
    for (long[] pairs : new long[][] {copyPairs, storyPairs}) {
      if (pairs != null && pairs.length % 2 != 0) {
        throw new IllegalArgumentException("pairs come as two positions each");
      }
    }
    StageRunner stages = new StageRunner(settings.threads(), progress);
    Sketches taken = firstPass(stages).take(sketches, skipped, source, copyPairs == null);
    return afterReading(taken, copyPairs, storyPairs, source, storyThresholds, stages);
  }

  private ReadAndSketch firstPass(StageRunner stages) {
    return new ReadAndSketch(settings, sketcher, stages, exactShingleIndexArticles);
  }

  /**
   * Every stage after the first pass; {@code copyPairs} and {@code storyPairs} the candidates by
   * position, if given.
   */
  private List<ScanResult> afterReading(
      Sketches sketches,
      long[] copyPairs,
      long[] storyPairs,
      ArticleSource source,
      List<Double> storyThresholds,
      StageRunner stages)
      throws IOException {
    ArticleTable articles = sketches.articles();
    PairReader reader = reader(source, articles, stages);
    PairEvidence evidence = new PairEvidence(settings);

    ExactCopies exact = ExactCopies.of(articles);
    List<CandidatePair> copyCandidates =
        copyPairs == null
            ? new CopyCandidates(settings.copies(), settings.threads()).find(sketches, exact)
            : CopyCandidates.joined(copyPairs, articles, exact);
    StoryScores scores = new StoryVectors(settings.stories(), stages).weigh(sketches);
    CopyPairs copies =
        new VerifyCopies(settings, evidence, scores)
            .verify(copyCandidates, reader, articles, exact);
    StoryGraph graph =
        new StoryCandidates(settings.stories(), stages)
            .find(
                scores, copies.groups(), storyPairs == null ? null : articles.pairKeys(storyPairs));
    ClusterStories stories = new ClusterStories(settings.stories(), graph, copies);
    List<Clustering> clusterings = new ArrayList<>();
    for (double threshold : storyThresholds) {
      clusterings.add(stories.cluster(threshold));
    }
    PairTable reported = new FindEvidence(evidence, scores, copies).find(clusterings, reader);
    AssembleResult assemble = new AssembleResult(settings.canonicalRule());
    List<ScanResult> results = new ArrayList<>();
    for (Clustering clustering : clusterings) {
      results.add(assemble.assemble(articles, copies, reported, clustering, sketches.skipped()));
    }
    return results;
  }

  /**
   * Scores each of {@code pairs} whether or not it is related, with term statistics and
   * neighbourhoods from all of {@code articles} (every pair of which is scored: compare is for a
   * handful of files).
   *
   * @throws IllegalArgumentException if an id is unknown or two articles share an id
   */
  public List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    try (ArticleSource source = ArticleSource.of(articles)) {
      StageRunner stages = new StageRunner(settings.threads(), ProgressListener.NONE);
      Sketches sketches = firstPass(stages).read(source);
      ArticleTable table = sketches.articles();
      List<PairReader.Job> jobs = new ArrayList<>();
      for (IdPair pair : pairs) {
        jobs.add(new PairReader.Job(table.indexOf(pair.a()), table.indexOf(pair.b())));
      }
      StoryScores scores = new StoryVectors(settings.stories(), stages).weigh(sketches);
      StoryGraph graph = new StoryCandidates(settings.stories(), stages).allPairs(scores);
      ComparePairs work =
          new ComparePairs(
              new PairEvidence(settings), scores, graph, settings.stories().threshold());
      return reader(source, table, stages).inBlocks("compare", jobs, work);
    } catch (IOException impossible) {
      throw new IllegalStateException("articles in memory failed to read", impossible);
    }
  }

  private PairReader reader(ArticleSource source, ArticleTable articles, StageRunner stages) {
    return new PairReader(
        new Rereader(
            source, articles, settings.copies().shingleSize(), Rereader.defaultKeepBytes()),
        stages);
  }
}
