package dev.retold;

import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.SharedNeighbourSimilarity;
import dev.retold.cluster.StoryBuilder;
import dev.retold.cluster.UnionFind;
import dev.retold.index.CandidatePair;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import dev.retold.load.ArticleSource;
import dev.retold.similarity.OriginRule;
import dev.retold.similarity.RelationClassifier;
import dev.retold.similarity.SharedPassageFinder;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import dev.retold.similarity.TermStatistics;
import dev.retold.similarity.WordRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scan, in two passes over an {@link ArticleSource}.
 *
 * <p>The {@link FirstPass} reads every article once, a batch at a time, and keeps only a sketch of
 * each ({@link Sketches}): metadata, MinHash LSH band keys, a sample of its shingles, and its story
 * terms as dictionary ids. From the sketches: copy candidates (LSH and the shared-hash index over
 * sampled shingles), story vectors, story candidates (articles sharing heavy terms) with their
 * scores.
 *
 * <p>The {@link SecondPass} reads again only the articles of candidate and reported pairs, a block
 * of related articles at a time, to verify each copy candidate on the exact shingle sets and to
 * find the shared passages of each reported pair. Then stories: shared-neighbour re-scoring and average
 * linkage starting from the copy groups, so copies always nest inside one story.
 *
 * <p>Work inside a stage runs on {@code settings.threads()} threads; each result lands at its
 * input's index, so the output does not depend on the thread count.
 */
final class ScanPipeline {
  /** Story candidates must share at least this many of their heaviest terms. */
  private static final int STORY_MIN_SHARED_TERMS = 2;

  /** A heavy term found among this many articles' heaviest does not make candidates alone. */
  private static final int STORY_MAX_TERM_FREQUENCY = 128;

  private final RetoldSettings settings;
  private final StageRunner stages;
  private final FirstPass firstPass;
  private final SecondPass secondPass;
  private final RelationClassifier classifier;
  private final OriginRule originRule = new OriginRule(1.2);
  private final SharedPassageFinder passageFinder;
  private final StoryScorer storyScorer;

  ScanPipeline(RetoldSettings settings) {
    this(settings, FirstPass.EXACT_SHINGLE_INDEX_ARTICLES);
  }

  /** For tests: sampling shingles from a smaller corpus on. */
  ScanPipeline(RetoldSettings settings, int exactShingleIndexArticles) {
    this.settings = settings;
    this.stages = new StageRunner(settings);
    this.firstPass = new FirstPass(settings, stages, exactShingleIndexArticles);
    this.secondPass = new SecondPass(settings, stages);
    this.classifier =
        new RelationClassifier(
            settings.nearDuplicateJaccard(),
            settings.derivedContainment(),
            settings.derivedMinShared());
    this.passageFinder =
        new SharedPassageFinder(settings.passageMinWords(), settings.maxPassages());
    this.storyScorer = new StoryScorer(settings.dateWindowDays(), 0.5);
  }

  ScanResult run(ArticleSource source) throws IOException {
    return sweep(source, List.of(settings.storyThreshold())).get(0);
  }

  List<ScanResult> sweep(ArticleSource source, List<Double> storyThresholds) throws IOException {
    Sketches sketches = firstPass.read(source);
    Prepared prepared = prepare(sketches);
    List<SkippedFile> sortedSkipped = new ArrayList<>(sketches.skipped);
    sortedSkipped.sort(Comparator.comparing(SkippedFile::path));
    List<ScanResult> results = new ArrayList<>();
    for (double threshold : storyThresholds) {
      results.add(assemble(prepared, sortedSkipped, threshold));
    }
    return results;
  }

  List<Comparison> compare(List<Article> articles, List<IdPair> pairs) {
    Sketches sketches;
    try {
      sketches = firstPass.read(ArticleSource.of(articles));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // articles in memory are never read from a file
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sketches.size(); i++) {
      index.put(sketches.infos[i].id(), i);
    }
    List<SecondPass.Job> asked = new ArrayList<>();
    for (IdPair pair : pairs) {
      asked.add(new SecondPass.Job(indexOf(index, pair.a()), indexOf(index, pair.b())));
    }
    StoryVector[] vectors = storyVectors(sketches);
    List<ScoredEdge> edges = new ArrayList<>();
    for (int a = 0; a < sketches.size(); a++) {
      for (int b = a + 1; b < sketches.size(); b++) {
        edges.add(new ScoredEdge(a, b, storyScore(sketches, vectors, a, b)));
      }
    }
    Map<Long, Double> neighbourScores = new HashMap<>();
    for (ScoredEdge edge : neighbourSimilarity().rescore(sketches.size(), edges)) {
      neighbourScores.put(key(edge.a(), edge.b()), edge.score());
    }
    return secondPass.inBlocks(
        "compare",
        sketches,
        asked,
        (job, a, b) -> {
              int i = job.a();
              int j = job.b();
              double similarity = storyScore(sketches, vectors, i, j);
              boolean sameStory =
                  neighbourScores.getOrDefault(key(Math.min(i, j), Math.max(i, j)), 0.0)
                      >= settings.storyThreshold();
              Verdict verdict = verdict(a, b);
              Relation relation = verdict.relation().orElse(sameStory ? Relation.SAME_STORY : null);
              return new Comparison(
                  a.article().id(),
                  b.article().id(),
                  relation,
                  similarity,
                  verdict.overlap().jaccard(),
                  verdict.overlap().containmentAInB(),
                  verdict.overlap().containmentBInA(),
                  passages(a, b, verdict.overlap()));
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Candidates, verification and stories

  /**
   * Everything that does not depend on the story threshold, and a cache of the same-story pairs
   * (with their passages) that the thresholds of a sweep report.
   */
  private record Prepared(
      Sketches sketches,
      StoryVector[] vectors,
      Map<Long, ArticlePair> copyPairs,
      List<ScoredEdge> storyEdges,
      List<ScoredEdge> neighbourEdges,
      int[] copyGroups,
      Map<Long, ArticlePair> sameStoryPairs) {}

  private Prepared prepare(Sketches sketches) {
    int n = sketches.size();
    StoryVector[] vectors = storyVectors(sketches);
    List<CandidatePair> copyCandidates = copyCandidates(sketches);
    List<Optional<ArticlePair>> verified =
        secondPass.inBlocks(
            "compare",
            sketches,
            SecondPass.Job.of(copyCandidates),
            (job, a, b) -> copyPair(sketches, vectors, job, a, b));
    Map<Long, ArticlePair> copyPairs = new HashMap<>();
    UnionFind copies = new UnionFind(n);
    for (int i = 0; i < copyCandidates.size(); i++) {
      if (verified.get(i).isPresent()) {
        CandidatePair pair = copyCandidates.get(i);
        copyPairs.put(pair.key(), verified.get(i).get());
        copies.union(pair.a(), pair.b());
      }
    }
    int[] copyGroups = new int[n];
    Arrays.setAll(copyGroups, copies::find);

    List<CandidatePair> storyCandidates = storyCandidates(vectors);
    List<ScoredEdge> storyEdges =
        stages.inParallel(
            "story",
            storyCandidates.size(),
            i -> {
              CandidatePair pair = storyCandidates.get(i);
              return new ScoredEdge(
                  pair.a(), pair.b(), storyScore(sketches, vectors, pair.a(), pair.b()));
            });
    List<ScoredEdge> neighbourEdges = neighbourSimilarity().rescore(n, storyEdges);
    return new Prepared(
        sketches, vectors, copyPairs, storyEdges, neighbourEdges, copyGroups, new HashMap<>());
  }

  private ScanResult assemble(Prepared prepared, List<SkippedFile> skipped, double threshold) {
    Sketches sketches = prepared.sketches();
    int[] storyOf =
        new AverageLinkClusterer(threshold)
            .cluster(sketches.size(), prepared.neighbourEdges(), prepared.copyGroups());
    List<ScoredEdge> linked = new ArrayList<>();
    List<SecondPass.Job> missing = new ArrayList<>();
    for (ScoredEdge edge : prepared.storyEdges()) {
      long key = key(edge.a(), edge.b());
      if (edge.score() >= settings.storyMinSimilarity()
          && storyOf[edge.a()] == storyOf[edge.b()]
          && !prepared.copyPairs().containsKey(key)) {
        linked.add(edge);
        if (!prepared.sameStoryPairs().containsKey(key)) {
          missing.add(new SecondPass.Job(edge.a(), edge.b()));
        }
      }
    }
    // the evidence of each same-story pair is found once, whichever thresholds of a sweep link it
    Map<Long, Double> scores = new HashMap<>();
    for (ScoredEdge edge : linked) {
      scores.put(key(edge.a(), edge.b()), edge.score());
    }
    List<ArticlePair> found =
        secondPass.inBlocks(
            "evidence",
            sketches,
            missing,
            (job, a, b) -> {
              ShingleOverlap overlap = ShingleOverlap.of(a.shingleSet(), b.shingleSet());
              return pair(
                  a,
                  b,
                  Relation.SAME_STORY,
                  null,
                  scores.get(key(job.a(), job.b())),
                  overlap,
                  passages(a, b, overlap));
            });
    for (int i = 0; i < missing.size(); i++) {
      prepared.sameStoryPairs().put(key(missing.get(i).a(), missing.get(i).b()), found.get(i));
    }
    // articles are numbered in id order, so sorting the pairs' index keys sorts them by ids
    long[] keys = new long[prepared.copyPairs().size() + linked.size()];
    int size = 0;
    for (long key : prepared.copyPairs().keySet()) {
      keys[size++] = key;
    }
    for (ScoredEdge edge : linked) {
      keys[size++] = key(edge.a(), edge.b());
    }
    Arrays.parallelSort(keys);
    List<ArticlePair> pairs = new ArrayList<>(keys.length);
    for (long key : keys) {
      ArticlePair pair = prepared.copyPairs().get(key);
      pairs.add(pair != null ? pair : prepared.sameStoryPairs().get(key));
    }
    List<ArticleInfo> articles = Arrays.asList(sketches.infos);
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

  private StoryVector[] storyVectors(Sketches sketches) {
    TermStatistics statistics = TermStatistics.count(sketches.termIds, sketches.vocabulary);
    StoryVector[] vectors =
        stages.inParallel(
                "weigh",
                sketches.size(),
                k ->
                    StoryVector.of(sketches.termIds[k], sketches.termCounts[k], statistics)
                        .keepTerms(term -> statistics.documentFrequency(term) > 1))
            .toArray(StoryVector[]::new);
    Arrays.fill(sketches.termIds, null); // the vectors hold the terms and weights now
    Arrays.fill(sketches.termCounts, null);
    return vectors;
  }

  /**
   * Copy candidates from both sources, each once, sorted. With every shingle indexed, a candidate
   * must share {@code derivedMinShared} of them, as a derived pair must; with 1 in 2^b sampled, a
   * pair sharing that many shares about {@code derivedMinShared / 2^b} sampled ones, so half that is
   * asked for, and never fewer than 2 (one shared shingle pairs too much by chance).
   */
  private List<CandidatePair> copyCandidates(Sketches sketches) {
    int bits = sketches.sampleBits;
    int minShared =
        bits == 0
            ? settings.derivedMinShared()
            : Math.max(2, settings.derivedMinShared() >> (bits + 1));
    SharedHashIndex shared =
        SharedHashIndex.builder()
            .maxDocumentFrequency(settings.maxDocumentFrequency())
            .threads(settings.threads())
            .minSharedHashes(minShared)
            .build();
    for (int k = 0; k < sketches.size(); k++) {
      shared.add(k, sketches.sampledShingles[k]);
      sketches.sampledShingles[k] = null; // the index has them now
    }
    List<SharedHashCandidate> sharedPairs = shared.candidates();
    long[] keys = Arrays.copyOf(sketches.lshPairs, sketches.lshPairs.length + sharedPairs.size());
    int size = sketches.lshPairs.length;
    for (SharedHashCandidate candidate : sharedPairs) {
      keys[size++] = candidate.pair().key();
    }
    Arrays.sort(keys);
    List<CandidatePair> union = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        union.add(CandidatePair.ofKey(keys[i]));
      }
    }
    return union;
  }

  /**
   * Story candidates: pairs sharing at least two of their heaviest terms, among the terms some other
   * article has too (a term no other article has cannot make a pair). The shared-hash index that
   * finds shared shingles works on any sorted hash sets, here each article's top terms.
   */
  private List<CandidatePair> storyCandidates(StoryVector[] vectors) {
    SharedHashIndex topTerms =
        SharedHashIndex.builder()
            .maxDocumentFrequency(STORY_MAX_TERM_FREQUENCY)
            .threads(settings.threads())
            .minSharedHashes(STORY_MIN_SHARED_TERMS)
            .build();
    List<long[]> tops =
        stages.inParallel(
            "top",
            vectors.length,
            k -> {
              // the vectors hold only terms some other article has too (see storyVectors)
              int[] top = vectors[k].topTerms(settings.storyTopTerms(), term -> true);
              long[] sorted = new long[top.length];
              for (int i = 0; i < top.length; i++) {
                sorted[i] = top[i];
              }
              Arrays.sort(sorted);
              return sorted;
            });
    for (int k = 0; k < vectors.length; k++) {
      topTerms.add(k, tops.get(k));
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

  private double storyScore(Sketches sketches, StoryVector[] vectors, int a, int b) {
    return storyScorer.score(
        vectors[a], vectors[b], sketches.infos[a].date(), sketches.infos[b].date());
  }

  /** The exact overlap of two articles and the copy relation it implies, if any. */
  private record Verdict(ShingleOverlap overlap, Optional<Relation> relation) {}

  private Verdict verdict(AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = ShingleOverlap.of(a.shingleSet(), b.shingleSet());
    boolean sameText = Arrays.equals(a.termHashes(), b.termHashes());
    return new Verdict(overlap, classifier.classify(overlap, sameText));
  }

  /**
   * The shared passages: the evidence, looked for only once a pair is to be reported. A passage of
   * at least as many words as a shingle shares a shingle, so two articles sharing none (most
   * retellings of one event in other words) have none, and are not searched.
   */
  private List<Passage> passages(AnalyzedArticle a, AnalyzedArticle b, ShingleOverlap overlap) {
    if (overlap.shared() == 0 && settings.passageMinWords() >= settings.shingleSize()) {
      return List.of();
    }
    List<WordRun> runs =
        settings.passageMinWords() >= settings.shingleSize()
            ? passageFinder.find(
                a.termHashes(),
                a.shingles(),
                b.termHashes(),
                b.shingles(),
                ShingleOverlap.sharedHashes(a.shingleSet(), b.shingleSet()))
            : passageFinder.find(a.termHashes(), b.termHashes());
    List<Passage> passages = new ArrayList<>();
    for (WordRun run : runs) {
      passages.add(passage(run, a, b));
    }
    return passages;
  }

  /** A copy candidate, verified: reported only if a copy relation holds. */
  private Optional<ArticlePair> copyPair(
      Sketches sketches,
      StoryVector[] vectors,
      SecondPass.Job job,
      AnalyzedArticle a,
      AnalyzedArticle b) {
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
    double similarity = storyScore(sketches, vectors, job.a(), job.b());
    return Optional.of(
        pair(a, b, relation.get(), origin, similarity, overlap, passages(a, b, overlap)));
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
}
