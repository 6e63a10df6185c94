package dev.retold;

import dev.retold.cluster.StoryBuilder;
import dev.retold.fingerprint.MinHashSignature;
import dev.retold.fingerprint.MinHasher;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.index.SharedShingleCandidate;
import dev.retold.index.SharedShingleIndex;
import dev.retold.similarity.OriginRule;
import dev.retold.similarity.RelationClassifier;
import dev.retold.similarity.SharedPassageFinder;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.WordRun;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One scan, stage by stage: analyse every article (normalise, tokenise, shingle, sign), gather
 * candidate pairs (MinHash LSH for copies, the shared-shingle index for rewrites), verify each
 * candidate on the exact shingle sets, then group the verified pairs into stories.
 *
 * <p>Work inside a stage runs on {@code settings.threads()} threads; each result lands at its input's
 * index, so the output does not depend on the thread count.
 */
final class ScanPipeline {
  private final RetoldSettings settings;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final MinHasher minHasher;
  private final RelationClassifier classifier;
  private final OriginRule originRule = new OriginRule(1.2);
  private final SharedPassageFinder passageFinder;

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
  }

  ScanResult run(List<Article> input, List<SkippedFile> skipped) {
    List<Article> articles = new ArrayList<>(input);
    articles.sort(Comparator.comparing(Article::id));
    checkUniqueIds(articles);
    AnalyzedArticle[] analysed =
        inParallel("analyse", articles.size(), i -> analyse(articles.get(i)))
            .toArray(AnalyzedArticle[]::new);
    List<CandidatePair> candidates = candidates(analysed);
    List<ArticlePair> pairs =
        inParallel(
                "compare",
                candidates.size(),
                i -> verify(analysed[candidates.get(i).a()], analysed[candidates.get(i).b()]))
            .stream()
            .flatMap(Optional::stream)
            .toList();
    List<Story> stories = new StoryBuilder(settings.canonicalRule()).build(articles, pairs);
    List<SkippedFile> sortedSkipped = new ArrayList<>(skipped);
    sortedSkipped.sort(Comparator.comparing(SkippedFile::path));
    int groups = (int) stories.stream().filter(story -> story.size() > 1).count();
    ScanSummary summary =
        new ScanSummary(
            articles.size() + skipped.size(),
            articles.size(),
            skipped.size(),
            groups,
            pairs.size());
    return new ScanResult(articles, stories, pairs, sortedSkipped, summary);
  }

  List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      if (index.put(articles.get(i).id(), i) != null) {
        throw new IllegalArgumentException("two articles share the id " + articles.get(i).id());
      }
    }
    AnalyzedArticle[] analysed =
        inParallel("analyse", articles.size(), i -> analyse(articles.get(i)))
            .toArray(AnalyzedArticle[]::new);
    List<Comparison> comparisons = new ArrayList<>();
    for (IdPair pair : pairs) {
      comparisons.add(compare(analysed[indexOf(index, pair.a())], analysed[indexOf(index, pair.b())]));
    }
    return comparisons;
  }

  List<ScanResult> sweep(
      List<Article> articles, List<SkippedFile> skipped, List<Double> storyThresholds) {
    List<ScanResult> results = new ArrayList<>();
    for (int i = 0; i < storyThresholds.size(); i++) {
      results.add(run(articles, skipped));
    }
    return results;
  }

  private static int indexOf(java.util.Map<String, Integer> index, String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no article with the id " + id);
    }
    return i;
  }

  private Comparison compare(AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = ShingleOverlap.of(a.shingleSet(), b.shingleSet());
    boolean sameText = Arrays.equals(a.termHashes(), b.termHashes());
    Relation relation = classifier.classify(overlap, sameText).orElse(null);
    List<Passage> passages = new ArrayList<>();
    for (WordRun run : passageFinder.find(a.termHashes(), b.termHashes())) {
      passages.add(passage(run, a, b));
    }
    return new Comparison(
        a.article().id(),
        b.article().id(),
        relation,
        0.0,
        overlap.jaccard(),
        overlap.containmentAInB(),
        overlap.containmentBInA(),
        passages);
  }

  private AnalyzedArticle analyse(Article article) {
    NormalizedText normalized = TextNormalizer.normalize(article.body());
    Tokens tokens = tokenizer.tokenize(normalized.text());
    long[] termHashes = new long[tokens.size()];
    for (int i = 0; i < termHashes.length; i++) {
      termHashes[i] = tokens.termHash(i);
    }
    long[] shingleSet =
        Shingles.distinctSorted(Shingles.hashes(termHashes, settings.shingleSize()));
    MinHashSignature signature = minHasher.sign(shingleSet);
    return new AnalyzedArticle(article, normalized, tokens, termHashes, shingleSet, signature);
  }

  /** Candidate pairs from both sources, each once, sorted. */
  private List<CandidatePair> candidates(AnalyzedArticle[] analysed) {
    LshParameters parameters =
        LshParameters.optimal(settings.lshThreshold(), settings.minHashComponents(), 0.5, 0.5);
    BandedLshIndex lsh = new BandedLshIndex(parameters);
    SharedShingleIndex shared =
        SharedShingleIndex.builder()
            .maxDocumentFrequency(settings.maxDocumentFrequency())
            .minSharedShingles(settings.derivedMinShared())
            .build();
    for (int i = 0; i < analysed.length; i++) {
      lsh.add(i, analysed[i].signature());
      shared.add(i, analysed[i].shingleSet());
    }
    Set<CandidatePair> union = new HashSet<>(lsh.candidates());
    for (SharedShingleCandidate candidate : shared.candidates()) {
      union.add(candidate.pair());
    }
    List<CandidatePair> sorted = new ArrayList<>(union);
    sorted.sort(Comparator.comparingInt(CandidatePair::a).thenComparingInt(CandidatePair::b));
    return sorted;
  }

  /** Scores a candidate exactly; a pair is reported only if a relation holds. */
  private Optional<ArticlePair> verify(AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = ShingleOverlap.of(a.shingleSet(), b.shingleSet());
    boolean sameText = Arrays.equals(a.termHashes(), b.termHashes());
    Optional<Relation> relation = classifier.classify(overlap, sameText);
    if (relation.isEmpty()) {
      return Optional.empty();
    }
    String origin =
        switch (originRule.origin(
            relation.get(), overlap, a.article().date(), b.article().date())) {
          case A -> a.article().id();
          case B -> b.article().id();
          case UNKNOWN -> null;
        };
    List<Passage> passages = new ArrayList<>();
    for (WordRun run : passageFinder.find(a.termHashes(), b.termHashes())) {
      passages.add(passage(run, a, b));
    }
    return Optional.of(
        new ArticlePair(
            a.article().id(),
            b.article().id(),
            relation.get(),
            origin,
            overlap.jaccard(),
            overlap.containmentAInB(),
            overlap.containmentBInA(),
            passages));
  }

  private static Passage passage(WordRun run, AnalyzedArticle a, AnalyzedArticle b) {
    int[] spanA = a.sourceSpan(run.startA(), run.endA());
    int[] spanB = b.sourceSpan(run.startB(), run.endB());
    return new Passage(
        run.length(), spanA[0], spanA[1], spanB[0], spanB[1], a.normalizedText(run.startA(), run.endA()));
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

  private static void checkUniqueIds(List<Article> sortedArticles) {
    for (int i = 1; i < sortedArticles.size(); i++) {
      if (sortedArticles.get(i).id().equals(sortedArticles.get(i - 1).id())) {
        throw new IllegalArgumentException("two articles share the id " + sortedArticles.get(i).id());
      }
    }
  }
}
