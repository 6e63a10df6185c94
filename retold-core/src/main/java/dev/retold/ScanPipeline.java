package dev.retold;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.SharedNeighbourSimilarity;
import dev.retold.cluster.StoryBuilder;
import dev.retold.cluster.UnionFind;
import dev.retold.fingerprint.MinHasher;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import dev.retold.load.ArticleSource;
import dev.retold.parallel.ParallelTasks;
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
import dev.retold.text.TermDictionary;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * One scan, in two passes over an {@link ArticleSource}.
 *
 * <p>The first pass reads every article once, a batch at a time, and keeps only a sketch of each
 * ({@link ArticleSketch}): metadata, MinHash LSH band keys, a sample of its shingles, and its story
 * terms as dictionary ids. From the sketches: copy candidates (LSH and the shared-shingle index),
 * story vectors, story candidates (articles sharing heavy terms) with their scores.
 *
 * <p>The second pass reads again only the articles of candidate and reported pairs, a block of
 * related articles at a time, to verify each copy candidate on the exact shingle sets and to find
 * the shared passages of each reported pair. Then stories: shared-neighbour re-scoring and average
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

  /** Articles indexed with every shingle; each doubling past this samples half as many. */
  static final int EXACT_SHINGLE_INDEX_ARTICLES = 8192;

  private final int exactShingleIndexArticles;

  /** The sparsest shingle sample: 1 in 2^4. */
  private static final int MAX_SAMPLE_BITS = 4;

  /** Articles read again and held together in the second pass, by one thread. */
  private static final int BLOCK_ARTICLES = 256;

  private final RetoldSettings settings;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
  private final MinHasher minHasher;
  private final RelationClassifier classifier;
  private final OriginRule originRule = new OriginRule(1.2);
  private final SharedPassageFinder passageFinder;
  private final StoryScorer storyScorer;

  ScanPipeline(RetoldSettings settings) {
    this(settings, EXACT_SHINGLE_INDEX_ARTICLES);
  }

  /** For tests: sampling shingles from a smaller corpus on. */
  ScanPipeline(RetoldSettings settings, int exactShingleIndexArticles) {
    this.settings = settings;
    this.exactShingleIndexArticles = exactShingleIndexArticles;
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
    this.passageFinder =
        new SharedPassageFinder(settings.passageMinWords(), settings.maxPassages());
    this.storyScorer = new StoryScorer(settings.dateWindowDays(), 0.5);
  }

  ScanResult run(ArticleSource source) throws IOException {
    return sweep(source, List.of(settings.storyThreshold())).get(0);
  }

  List<ScanResult> sweep(ArticleSource source, List<Double> storyThresholds) throws IOException {
    Sketches sketches = sketchAll(source);
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
      sketches = sketchAll(ArticleSource.of(articles));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // articles in memory are never read from a file
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sketches.size(); i++) {
      index.put(sketches.infos[i].id(), i);
    }
    List<Job> asked = new ArrayList<>();
    for (IdPair pair : pairs) {
      asked.add(new Job(indexOf(index, pair.a()), indexOf(index, pair.b())));
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
    return inBlocks(
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
  // First pass: sketches

  /** Every article's sketch, in id order, with the source positions to read them again. */
  private static final class Sketches {
    ArticleInfo[] infos;
    long[] bodyHashes;
    long[][] sampledShingles;
    int[][] termIds;
    float[][] termCounts;
    /** The source position of each article, in id order. */
    int[] positions;
    /** Candidate pairs from the LSH index, in id order. */
    long[] lshPairs;
    int sampleBits;
    int vocabulary;
    TermStatistics termStatistics;
    List<SkippedFile> skipped;
    ArticleSource source;

    int size() {
      return infos.length;
    }
  }

  private Sketches sketchAll(ArticleSource source) throws IOException {
    LshParameters parameters =
        LshParameters.optimal(settings.lshThreshold(), settings.minHashComponents(), 0.5, 0.5);
    BandedLshIndex lsh = new BandedLshIndex(parameters);
    TermDictionary dictionary = new TermDictionary();
    List<ArticleSketch> sketches = new ArrayList<>();
    int[] sampleBits = {0};
    List<SkippedFile> skipped =
        source.read(
            batch -> {
              int bits = sampleBits[0];
              List<ArticleSketch> sketched =
                  inParallel(null, batch.size(), i -> sketch(batch.get(i), bits, dictionary));
              for (ArticleSketch sketch : sketched) {
                lsh.add(sketches.size(), sketch.signature());
                sketches.add(withoutSignature(sketch));
              }
              settings.progress().progress("analyse", sketches.size(), source.size());
              while (sampleBits[0] < MAX_SAMPLE_BITS
                  && sketches.size() > (long) exactShingleIndexArticles << sampleBits[0]) {
                sampleBits[0]++;
              }
              if (sampleBits[0] != bits) {
                for (int i = 0; i < sketches.size(); i++) {
                  ArticleSketch sketch = sketches.get(i);
                  sketches.set(
                      i,
                      new ArticleSketch(
                          sketch.info(),
                          sketch.bodyHash(),
                          null,
                          sample(sketch.sampledShingles(), sampleBits[0]),
                          sketch.termIds(),
                          sketch.termCounts()));
                }
              }
            });
    int n = sketches.size();
    Integer[] byId = new Integer[n];
    Arrays.setAll(byId, i -> i);
    String[] ids = new String[n];
    Arrays.setAll(ids, i -> sketches.get(i).info().id());
    Arrays.parallelSort(byId, Comparator.comparing(i -> ids[i]));
    int[] rank = new int[n];
    Sketches result = new Sketches();
    result.infos = new ArticleInfo[n];
    result.bodyHashes = new long[n];
    result.sampledShingles = new long[n][];
    result.termIds = new int[n][];
    result.termCounts = new float[n][];
    result.positions = new int[n];
    int[] ranks = dictionary.ranks();
    for (int k = 0; k < n; k++) {
      int position = byId[k];
      ArticleSketch sketch = sketches.get(position);
      sketches.set(position, null);
      if (k > 0 && sketch.info().id().equals(result.infos[k - 1].id())) {
        throw new IllegalArgumentException("two articles share the id " + sketch.info().id());
      }
      rank[position] = k;
      result.positions[k] = position;
      result.infos[k] = sketch.info();
      result.bodyHashes[k] = sketch.bodyHash();
      result.sampledShingles[k] = sketch.sampledShingles();
      result.termIds[k] = sketch.termIds();
      result.termCounts[k] = sketch.termCounts();
    }
    inParallel(
        "terms",
        n,
        k -> {
          sortByFinalId(result.termIds[k], result.termCounts[k], ranks);
          return null;
        });
    List<CandidatePair> lshPairs = lsh.candidates();
    long[] keys = new long[lshPairs.size()];
    for (int i = 0; i < keys.length; i++) {
      CandidatePair pair = lshPairs.get(i);
      int a = rank[pair.a()];
      int b = rank[pair.b()];
      keys[i] = key(Math.min(a, b), Math.max(a, b));
    }
    Arrays.sort(keys);
    result.lshPairs = keys;
    result.sampleBits = sampleBits[0];
    result.vocabulary = dictionary.size();
    result.skipped = skipped;
    result.source = source;
    return result;
  }

  /** The first pass over one article: everything later stages need, nothing of the body itself. */
  private ArticleSketch sketch(Article article, int sampleBits, TermDictionary dictionary) {
    String body = article.body();
    NormalizedText normalized = TextNormalizer.normalize(body);
    Tokens tokens = tokenizer.tokenize(normalized);
    long[] shingleSet = Shingles.distinctSorted(Shingles.hashes(tokens, settings.shingleSize()));
    Tokens titleTokens =
        article.title() == null
            ? Tokens.empty()
            : tokenizer.tokenize(TextNormalizer.normalize(article.title()));
    TermCounts terms = weigher.weigh(body, normalized, tokens, titleTokens);
    long[] hashes = new long[terms.size()];
    float[] counts = new float[terms.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = terms.term(i);
      counts[i] = (float) terms.weight(i);
    }
    return new ArticleSketch(
        article.info(),
        bodyHash(body),
        minHasher.sign(shingleSet),
        sample(shingleSet, sampleBits),
        dictionary.intern(hashes, hashes.length),
        counts);
  }

  private static ArticleSketch withoutSignature(ArticleSketch sketch) {
    return new ArticleSketch(
        sketch.info(),
        sketch.bodyHash(),
        null,
        sketch.sampledShingles(),
        sketch.termIds(),
        sketch.termCounts());
  }

  private static long bodyHash(String body) {
    return Hashing.komihash5_0().hashCharsToLong(body);
  }

  /**
   * The shingles whose hash, scrambled, has its top {@code bits} bits clear: 1 in 2^bits of them,
   * the same ones in every article, so two articles keep the same sample of what they share.
   */
  static long[] sample(long[] sortedShingles, int bits) {
    if (bits == 0) {
      return sortedShingles;
    }
    int kept = 0;
    long[] sample = new long[sortedShingles.length];
    for (long shingle : sortedShingles) {
      if ((shingle * 0x9E3779B97F4A7C15L) >>> (64 - bits) == 0) {
        sample[kept++] = shingle;
      }
    }
    return Arrays.copyOf(sample, kept);
  }

  /** Renumbers provisional term ids to final ones and sorts both arrays by them, in place. */
  private static void sortByFinalId(int[] ids, float[] counts, int[] ranks) {
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      packed[i] = ((long) ranks[ids[i]] << 32) | (Float.floatToRawIntBits(counts[i]) & 0xFFFFFFFFL);
    }
    Arrays.sort(packed);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) (packed[i] >>> 32);
      counts[i] = Float.intBitsToFloat((int) packed[i]);
    }
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
        inBlocks(
            "compare",
            sketches,
            Job.of(copyCandidates),
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

    List<CandidatePair> storyCandidates = storyCandidates(sketches, vectors);
    List<ScoredEdge> storyEdges =
        inParallel(
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
    List<Job> missing = new ArrayList<>();
    for (ScoredEdge edge : prepared.storyEdges()) {
      long key = key(edge.a(), edge.b());
      if (edge.score() >= settings.storyMinSimilarity()
          && storyOf[edge.a()] == storyOf[edge.b()]
          && !prepared.copyPairs().containsKey(key)) {
        linked.add(edge);
        if (!prepared.sameStoryPairs().containsKey(key)) {
          missing.add(new Job(edge.a(), edge.b()));
        }
      }
    }
    // the evidence of each same-story pair is found once, whichever thresholds of a sweep link it
    Map<Long, Double> scores = new HashMap<>();
    for (ScoredEdge edge : linked) {
      scores.put(key(edge.a(), edge.b()), edge.score());
    }
    List<ArticlePair> found =
        inBlocks(
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
        inParallel(
                "weigh",
                sketches.size(),
                k ->
                    StoryVector.of(sketches.termIds[k], sketches.termCounts[k], statistics)
                        .keepTerms(term -> statistics.documentFrequency(term) > 1))
            .toArray(StoryVector[]::new);
    Arrays.fill(sketches.termIds, null); // the vectors hold the terms and weights now
    Arrays.fill(sketches.termCounts, null);
    sketches.termStatistics = statistics;
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
  private List<CandidatePair> storyCandidates(Sketches sketches, StoryVector[] vectors) {
    TermStatistics statistics = sketches.termStatistics;
    SharedHashIndex topTerms =
        SharedHashIndex.builder()
            .maxDocumentFrequency(STORY_MAX_TERM_FREQUENCY)
            .threads(settings.threads())
            .minSharedHashes(STORY_MIN_SHARED_TERMS)
            .build();
    List<long[]> tops =
        inParallel(
            "top",
            vectors.length,
            k -> {
              int[] top =
                  vectors[k].topTerms(
                      settings.storyTopTerms(), term -> statistics.documentFrequency(term) > 1);
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

  // ---------------------------------------------------------------------------------------------
  // Second pass: evidence

  /** Two articles, by their index in id order, in the order a task wants them. */
  private record Job(int a, int b) {
    static List<Job> of(List<CandidatePair> pairs) {
      List<Job> jobs = new ArrayList<>(pairs.size());
      for (CandidatePair pair : pairs) {
        jobs.add(new Job(pair.a(), pair.b()));
      }
      return jobs;
    }
  }

  /** Work on a pair of articles read again in full. */
  @FunctionalInterface
  private interface PairTask<T> {
    T apply(Job job, AnalyzedArticle a, AnalyzedArticle b);
  }

  /** Pairs {@code order[from, to)} and the articles they name, read and worked together. */
  private record Block(int from, int to, int[] members) {}

  /**
   * Runs {@code task} on every pair, reading its articles again. Pairs are taken a connected group
   * at a time (a story's articles together), packed into blocks of at most {@value
   * #BLOCK_ARTICLES} articles; blocks are worked in parallel, each by one thread that reads its
   * articles once and then works its pairs, so only a few blocks of articles are in memory at once.
   * Results are in the order of {@code pairs}.
   */
  private <T> List<T> inBlocks(String stage, Sketches sketches, List<Job> pairs, PairTask<T> task) {
    int count = pairs.size();
    if (count == 0) {
      return List.of();
    }
    UnionFind groups = new UnionFind(sketches.size());
    for (Job pair : pairs) {
      groups.union(pair.a(), pair.b());
    }
    long[] order = new long[count];
    for (int i = 0; i < count; i++) {
      order[i] = ((long) groups.find(pairs.get(i).a()) << 32) | i;
    }
    Arrays.sort(order);
    int[] blockOf = new int[sketches.size()];
    Arrays.fill(blockOf, -1);
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    while (from < count) {
      int block = blocks.size();
      int[] members = new int[Math.min(BLOCK_ARTICLES, 2 * count)];
      int size = 0;
      int to = from;
      while (to < count) {
        Job pair = pairs.get((int) order[to]);
        int fresh = (blockOf[pair.a()] == block ? 0 : 1) + (blockOf[pair.b()] == block ? 0 : 1);
        if (size + fresh > members.length && to > from) {
          break;
        }
        for (int article : new int[] {pair.a(), pair.b()}) {
          if (blockOf[article] != block) {
            blockOf[article] = block;
            members[size++] = article;
          }
        }
        to++;
      }
      int[] sorted = Arrays.copyOf(members, size);
      Arrays.sort(sorted);
      blocks.add(new Block(from, to, sorted));
      from = to;
    }
    AtomicLong done = new AtomicLong();
    List<List<T>> worked =
        inParallel(
            null,
            blocks.size(),
            b -> {
              Block block = blocks.get(b);
              AnalyzedArticle[] analysed = new AnalyzedArticle[block.members().length];
              for (int i = 0; i < analysed.length; i++) {
                analysed[i] = reread(sketches, block.members()[i]);
              }
              List<T> results = new ArrayList<>(block.to() - block.from());
              for (int i = block.from(); i < block.to(); i++) {
                Job pair = pairs.get((int) order[i]);
                results.add(
                    task.apply(
                        pair,
                        analysed[Arrays.binarySearch(block.members(), pair.a())],
                        analysed[Arrays.binarySearch(block.members(), pair.b())]));
              }
              settings.progress().progress(stage, done.addAndGet(results.size()), count);
              return results;
            });
    List<T> results = new ArrayList<>(java.util.Collections.nCopies(count, null));
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      for (int i = block.from(); i < block.to(); i++) {
        results.set((int) order[i], worked.get(b).get(i - block.from()));
      }
    }
    return results;
  }

  private AnalyzedArticle reread(Sketches sketches, int k) {
    Article article;
    try {
      article = sketches.source.reread(sketches.positions[k]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!article.id().equals(sketches.infos[k].id())
        || bodyHash(article.body()) != sketches.bodyHashes[k]) {
      throw new UncheckedIOException(
          new IOException(sketches.infos[k].id() + " changed while it was scanned"));
    }
    return analyse(article);
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
    long[] shingles = Shingles.hashes(termHashes, settings.shingleSize());
    return new AnalyzedArticle(
        article, termHashes, wordStarts, wordEnds, shingles, Shingles.distinctSorted(shingles));
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
      Sketches sketches, StoryVector[] vectors, Job job, AnalyzedArticle a, AnalyzedArticle b) {
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

  /**
   * {@code task(0..count-1)} on {@code settings.threads()} threads, results in index order; tells
   * the progress listener about {@code stage} unless it is null.
   */
  private <T> List<T> inParallel(String stage, int count, IntFunction<T> task) {
    AtomicLong done = new AtomicLong();
    ProgressListener progress = stage == null ? ProgressListener.NONE : settings.progress();
    progress.progress(stage, 0, count);
    Object[] results = new Object[count];
    ParallelTasks.run(
        settings.threads(),
        count,
        () -> null,
        (i, none) -> {
          results[i] = task.apply(i);
          progress.progress(stage, done.incrementAndGet(), count);
        });
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
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
