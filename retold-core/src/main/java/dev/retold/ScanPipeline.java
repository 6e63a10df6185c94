package dev.retold;

import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.SharedNeighbourSimilarity;
import dev.retold.cluster.StoryBuilder;
import dev.retold.cluster.UnionFind;
import dev.retold.fingerprint.MinHashSignature;
import dev.retold.fingerprint.MinHasher;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import dev.retold.similarity.OriginRule;
import dev.retold.similarity.RelationClassifier;
import dev.retold.similarity.SharedPassageFinder;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import dev.retold.similarity.TermStatistics;
import dev.retold.similarity.WordRun;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.StoryTermWeigher;
import dev.retold.text.TermCounts;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One scan, stage by stage: analyse every article (normalise, tokenise, shingle, sign, weigh story
 * terms); find copies (MinHash LSH and the shared-shingle index give candidates, each verified on the
 * exact shingle sets); score story candidates (articles sharing heavy terms) by weighted-term
 * similarity; re-score them by shared neighbours; then cluster with average linkage, starting from
 * the copy groups, so copies always nest inside one story.
 *
 * <p>Work inside a stage runs on {@code settings.threads()} threads; each result lands at its input's
 * index, so the output does not depend on the thread count.
 */
final class ScanPipeline {
  /** Story candidates must share at least this many of their heaviest terms. */
  private static final int STORY_MIN_SHARED_TERMS = 2;

  /** A heavy term found among this many articles' heaviest does not make candidates alone. */
  private static final int STORY_MAX_TERM_FREQUENCY = 1000;

  private final RetoldSettings settings;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
  private final MinHasher minHasher;
  private final RelationClassifier classifier;
  private final OriginRule originRule = new OriginRule(1.2);
  private final SharedPassageFinder passageFinder;
  private final StoryScorer storyScorer;

  ScanPipeline(RetoldSettings settings) {
    this.settings = settings;
    this.minHasher =
        MinHasher.builder()
            .numberOfComponents(settings.minHashComponents())
            .seed(settings.seed())
            .build();
    this.classifier =
        new RelationClassifier(
            settings.nearDuplicateJaccard(),
            settings.derivedContainment(),
            settings.derivedMinShared());
    this.passageFinder = new SharedPassageFinder(settings.passageMinWords(), settings.maxPassages());
    this.storyScorer = new StoryScorer(settings.dateWindowDays(), 0.5);
  }

  ScanResult run(List<Article> input, List<SkippedFile> skipped) {
    return sweep(input, skipped, List.of(settings.storyThreshold())).get(0);
  }

  List<ScanResult> sweep(
      List<Article> input, List<SkippedFile> skipped, List<Double> storyThresholds) {
    Prepared prepared = prepare(input);
    List<SkippedFile> sortedSkipped = new ArrayList<>(skipped);
    sortedSkipped.sort(Comparator.comparing(SkippedFile::path));
    List<ScanResult> results = new ArrayList<>();
    for (double threshold : storyThresholds) {
      results.add(assemble(prepared, sortedSkipped, threshold));
    }
    return results;
  }

  List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      if (index.put(articles.get(i).id(), i) != null) {
        throw new IllegalArgumentException("two articles share the id " + articles.get(i).id());
      }
    }
    for (IdPair pair : pairs) {
      indexOf(index, pair.a());
      indexOf(index, pair.b());
    }
    AnalyzedArticle[] analysed = analyseAll(articles);
    StoryVector[] vectors = storyVectors(analysed, termStatistics(analysed));
    List<ScoredEdge> edges = new ArrayList<>();
    for (int a = 0; a < analysed.length; a++) {
      for (int b = a + 1; b < analysed.length; b++) {
        edges.add(new ScoredEdge(a, b, storyScore(analysed, vectors, a, b)));
      }
    }
    Map<Long, Double> neighbourScores = new HashMap<>();
    for (ScoredEdge edge : neighbourSimilarity().rescore(analysed.length, edges)) {
      neighbourScores.put(key(edge.a(), edge.b()), edge.score());
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (IdPair pair : pairs) {
      int a = indexOf(index, pair.a());
      int b = indexOf(index, pair.b());
      double similarity = storyScore(analysed, vectors, a, b);
      boolean sameStory =
          neighbourScores.getOrDefault(key(Math.min(a, b), Math.max(a, b)), 0.0)
              >= settings.storyThreshold();
      Verdict verdict = verdict(analysed[a], analysed[b]);
      Relation relation = verdict.relation().orElse(sameStory ? Relation.SAME_STORY : null);
      comparisons.add(
          new Comparison(
              pair.a(),
              pair.b(),
              relation,
              similarity,
              verdict.overlap().jaccard(),
              verdict.overlap().containmentAInB(),
              verdict.overlap().containmentBInA(),
              passages(analysed[a], analysed[b])));
    }
    return comparisons;
  }

  /**
   * Everything that does not depend on the story threshold, and a cache of the same-story pairs
   * (with their passages) that the thresholds of a sweep report.
   */
  private record Prepared(
      List<Article> articles,
      AnalyzedArticle[] analysed,
      Map<Long, ArticlePair> copyPairs,
      List<ScoredEdge> storyEdges,
      List<ScoredEdge> neighbourEdges,
      int[] copyGroups,
      Map<Long, ArticlePair> sameStoryPairs) {}

  private Prepared prepare(List<Article> input) {
    List<Article> articles = new ArrayList<>(input);
    articles.sort(Comparator.comparing(Article::id));
    checkUniqueIds(articles);
    AnalyzedArticle[] analysed = analyseAll(articles);
    TermStatistics statistics = termStatistics(analysed);
    StoryVector[] vectors = storyVectors(analysed, statistics);

    List<CandidatePair> copyCandidates = copyCandidates(analysed);
    List<Optional<ArticlePair>> verified =
        inParallel(
            "compare",
            copyCandidates.size(),
            i -> {
              CandidatePair pair = copyCandidates.get(i);
              return copyPair(analysed, vectors, pair.a(), pair.b());
            });
    Map<Long, ArticlePair> copyPairs = new TreeMap<>();
    UnionFind copies = new UnionFind(articles.size());
    for (int i = 0; i < copyCandidates.size(); i++) {
      if (verified.get(i).isPresent()) {
        CandidatePair pair = copyCandidates.get(i);
        copyPairs.put(key(pair.a(), pair.b()), verified.get(i).get());
        copies.union(pair.a(), pair.b());
      }
    }
    int[] copyGroups = new int[articles.size()];
    Arrays.setAll(copyGroups, copies::find);

    List<CandidatePair> storyCandidates = storyCandidates(vectors, statistics);
    List<ScoredEdge> storyEdges =
        inParallel(
            "story",
            storyCandidates.size(),
            i -> {
              CandidatePair pair = storyCandidates.get(i);
              return new ScoredEdge(
                  pair.a(), pair.b(), storyScore(analysed, vectors, pair.a(), pair.b()));
            });
    List<ScoredEdge> neighbourEdges = neighbourSimilarity().rescore(articles.size(), storyEdges);
    return new Prepared(
        articles, analysed, copyPairs, storyEdges, neighbourEdges, copyGroups, new HashMap<>());
  }

  private ScanResult assemble(Prepared prepared, List<SkippedFile> skipped, double threshold) {
    List<Article> articles = prepared.articles();
    int[] storyOf =
        new AverageLinkClusterer(threshold)
            .cluster(articles.size(), prepared.neighbourEdges(), prepared.copyGroups());
    List<ArticlePair> pairs = new ArrayList<>(prepared.copyPairs().values());
    for (ScoredEdge edge : prepared.storyEdges()) {
      boolean linked =
          edge.score() >= settings.storyMinSimilarity() && storyOf[edge.a()] == storyOf[edge.b()];
      long key = key(edge.a(), edge.b());
      if (linked && !prepared.copyPairs().containsKey(key)) {
        // built once, whichever thresholds of a sweep link the pair
        pairs.add(
            prepared
                .sameStoryPairs()
                .computeIfAbsent(key, k -> sameStoryPair(prepared.analysed(), edge)));
      }
    }
    pairs.sort(Comparator.comparing(ArticlePair::a).thenComparing(ArticlePair::b));
    List<Story> stories = new StoryBuilder(settings.canonicalRule()).build(articles, pairs);
    int groups = (int) stories.stream().filter(story -> story.size() > 1).count();
    ScanSummary summary =
        new ScanSummary(
            articles.size() + skipped.size(),
            articles.size(),
            skipped.size(),
            groups,
            pairs.size());
    return new ScanResult(articles, stories, pairs, skipped, summary);
  }

  private AnalyzedArticle[] analyseAll(List<Article> articles) {
    return inParallel("analyse", articles.size(), i -> analyse(articles.get(i)))
        .toArray(AnalyzedArticle[]::new);
  }

  private AnalyzedArticle analyse(Article article) {
    NormalizedText normalized = TextNormalizer.normalize(article.body());
    Tokens tokens = tokenizer.tokenize(normalized);
    long[] termHashes = new long[tokens.size()];
    int[] wordStarts = new int[tokens.size()];
    int[] wordEnds = new int[tokens.size()];
    for (int i = 0; i < termHashes.length; i++) {
      termHashes[i] = tokens.termHash(i);
      wordStarts[i] = normalized.originalOffset(tokens.start(i));
      wordEnds[i] = normalized.originalEnd(tokens.end(i));
    }
    long[] shingleSet =
        Shingles.distinctSorted(Shingles.hashes(termHashes, settings.shingleSize()));
    MinHashSignature signature = minHasher.sign(shingleSet);
    Tokens titleTokens =
        article.title() == null
            ? Tokens.empty()
            : tokenizer.tokenize(TextNormalizer.normalize(article.title()));
    TermCounts storyTerms = weigher.weigh(article.body(), normalized, tokens, titleTokens);
    return new AnalyzedArticle(
        article, termHashes, wordStarts, wordEnds, shingleSet, signature, storyTerms);
  }

  private StoryVector[] storyVectors(AnalyzedArticle[] analysed, TermStatistics statistics) {
    return inParallel(
            "weigh", analysed.length, i -> StoryVector.of(analysed[i].storyTerms(), statistics))
        .toArray(StoryVector[]::new);
  }

  private static TermStatistics termStatistics(AnalyzedArticle[] analysed) {
    List<TermCounts> counts = new ArrayList<>(analysed.length);
    for (AnalyzedArticle article : analysed) {
      counts.add(article.storyTerms());
    }
    return TermStatistics.of(counts);
  }

  /** Copy candidates from both sources, each once, sorted. */
  private List<CandidatePair> copyCandidates(AnalyzedArticle[] analysed) {
    LshParameters parameters =
        LshParameters.optimal(settings.lshThreshold(), settings.minHashComponents(), 0.5, 0.5);
    BandedLshIndex lsh = new BandedLshIndex(parameters);
    SharedHashIndex shared =
        SharedHashIndex.builder()
            .maxDocumentFrequency(settings.maxDocumentFrequency())
            .minSharedHashes(settings.derivedMinShared())
            .threads(settings.threads())
            .build();
    for (int i = 0; i < analysed.length; i++) {
      lsh.add(i, analysed[i].signature());
      shared.add(i, analysed[i].shingleSet());
    }
    TreeSet<CandidatePair> union = new TreeSet<>(lsh.candidates());
    for (SharedHashCandidate candidate : shared.candidates()) {
      union.add(candidate.pair());
    }
    return new ArrayList<>(union);
  }

  /**
   * Story candidates: pairs sharing at least two of their heaviest terms, among the terms some other
   * article has too (a term no other article has cannot make a pair). The shared-hash index that
   * finds shared shingles works on any sorted hash sets, here each article's top terms.
   */
  private List<CandidatePair> storyCandidates(StoryVector[] vectors, TermStatistics statistics) {
    SharedHashIndex topTerms =
        SharedHashIndex.builder()
            .maxDocumentFrequency(STORY_MAX_TERM_FREQUENCY)
            .minSharedHashes(STORY_MIN_SHARED_TERMS)
            .threads(settings.threads())
            .build();
    for (int i = 0; i < vectors.length; i++) {
      long[] top =
          vectors[i].topTerms(
              settings.storyTopTerms(), term -> statistics.documentFrequency(term) > 1);
      Arrays.sort(top);
      topTerms.add(i, top);
    }
    List<CandidatePair> candidates = new ArrayList<>();
    for (SharedHashCandidate candidate : topTerms.candidates()) {
      candidates.add(candidate.pair());
    }
    return candidates;
  }

  private SharedNeighbourSimilarity neighbourSimilarity() {
    return new SharedNeighbourSimilarity(settings.storyNeighbours(), settings.storyMinSimilarity());
  }

  private double storyScore(AnalyzedArticle[] analysed, StoryVector[] vectors, int a, int b) {
    return storyScorer.score(
        vectors[a], vectors[b], analysed[a].article().date(), analysed[b].article().date());
  }

  /** The exact overlap of two articles and the copy relation it implies, if any. */
  private record Verdict(ShingleOverlap overlap, Optional<Relation> relation) {}

  private Verdict verdict(AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = ShingleOverlap.of(a.shingleSet(), b.shingleSet());
    boolean sameText = Arrays.equals(a.termHashes(), b.termHashes());
    return new Verdict(overlap, classifier.classify(overlap, sameText));
  }

  /** The shared passages: the evidence, looked for only once a pair is to be reported. */
  private List<Passage> passages(AnalyzedArticle a, AnalyzedArticle b) {
    List<Passage> passages = new ArrayList<>();
    for (WordRun run : passageFinder.find(a.termHashes(), b.termHashes())) {
      passages.add(passage(run, a, b));
    }
    return passages;
  }

  /** A copy candidate, verified: reported only if a copy relation holds. */
  private Optional<ArticlePair> copyPair(
      AnalyzedArticle[] analysed, StoryVector[] vectors, int i, int j) {
    AnalyzedArticle a = analysed[i];
    AnalyzedArticle b = analysed[j];
    Verdict verdict = verdict(a, b);
    ShingleOverlap overlap = verdict.overlap();
    Optional<Relation> relation = verdict.relation();
    if (relation.isEmpty()) {
      return Optional.empty(); // most candidates end here: no passages needed
    }
    String origin =
        switch (originRule.origin(
            relation.get(), overlap, a.article().date(), b.article().date())) {
          case A -> a.article().id();
          case B -> b.article().id();
          case UNKNOWN -> null;
        };
    return Optional.of(
        pair(
            a,
            b,
            relation.get(),
            origin,
            storyScore(analysed, vectors, i, j),
            overlap,
            passages(a, b)));
  }

  private ArticlePair sameStoryPair(AnalyzedArticle[] analysed, ScoredEdge edge) {
    AnalyzedArticle a = analysed[edge.a()];
    AnalyzedArticle b = analysed[edge.b()];
    return pair(
        a,
        b,
        Relation.SAME_STORY,
        null,
        edge.score(),
        verdict(a, b).overlap(),
        passages(a, b));
  }

  private static ArticlePair pair(
      AnalyzedArticle a,
      AnalyzedArticle b,
      Relation relation,
      String origin,
      double similarity,
      ShingleOverlap overlap,
      List<Passage> passages) {
    return new ArticlePair(
        a.article().id(),
        b.article().id(),
        relation,
        origin,
        similarity,
        overlap.jaccard(),
        overlap.containmentAInB(),
        overlap.containmentBInA(),
        passages);
  }

  private static Passage passage(WordRun run, AnalyzedArticle a, AnalyzedArticle b) {
    int[] spanA = a.sourceSpan(run.startA(), run.endA());
    int[] spanB = b.sourceSpan(run.startB(), run.endB());
    return new Passage(
        run.length(),
        spanA[0],
        spanA[1],
        spanB[0],
        spanB[1],
        a.bodyText(run.startA(), run.endA()));
  }

  private <T> List<T> inParallel(String stage, int count, IntFunction<T> task) {
    AtomicLong done = new AtomicLong();
    ProgressListener progress = settings.progress();
    progress.progress(stage, 0, count);
    IntFunction<T> reporting =
        i -> {
          T result = task.apply(i);
          progress.progress(stage, done.incrementAndGet(), count);
          return result;
        };
    if (settings.threads() == 1 || count < 2) {
      return IntStream.range(0, count).mapToObj(reporting).toList();
    }
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(reporting).toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static long key(int a, int b) {
    return CandidatePair.key(a, b);
  }

  private static int indexOf(Map<String, Integer> index, String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no article with the id " + id);
    }
    return i;
  }

  private static void checkUniqueIds(List<Article> sortedArticles) {
    for (int i = 1; i < sortedArticles.size(); i++) {
      if (sortedArticles.get(i).id().equals(sortedArticles.get(i - 1).id())) {
        throw new IllegalArgumentException(
            "two articles share the id " + sortedArticles.get(i).id());
      }
    }
  }
}
