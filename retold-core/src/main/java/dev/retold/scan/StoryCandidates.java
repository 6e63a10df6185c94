package dev.retold.scan;

import dev.retold.RetoldSettings;
import dev.retold.cluster.BackgroundSimilarity;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import dev.retold.index.VectorNeighbours;
import dev.retold.similarity.StoryVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan's story candidates: pairs sharing at least {@value #MIN_SHARED_TERMS} of their heaviest
 * terms (never all pairs: the shared-hash index that finds shared shingles works on any sorted hash
 * sets, here each article's top terms), each scored ({@link StoryScores}) and re-scored by how far
 * it stands above its two articles' backgrounds ({@link BackgroundSimilarity}).
 *
 * <p>The story vectors hold only terms some other article has too, so every top term can pair. A
 * term among more than {@value #MAX_TERM_FREQUENCY} articles' heaviest pairs nothing alone, which
 * keeps the work linear in the articles.
 */
final class StoryCandidates {
  /** Story candidates must share at least this many of their heaviest terms. */
  static final int MIN_SHARED_TERMS = 2;

  /** A heavy term found among this many articles' heaviest does not make candidates alone. */
  static final int MAX_TERM_FREQUENCY = 128;

  /** The score, for the clustering, of two articles dated too far apart to be one story. */
  static final double APART = -10;

  /** How many nearest articles by embedding each article's neighbourhood takes in. */
  static final int SEMANTIC_NEIGHBOURS = 50;

  /**
   * The most articles whose nearest neighbours by embedding are searched exactly (every pair's dot
   * product, about 0.33 us for 384 components here: 4,096 articles take 5.5 s of one core); past it
   * they are searched in an HNSW graph ({@link VectorNeighbours}), whose cost grows with the
   * logarithm of the articles, not with the articles (about 0.8 ms a vector, building and
   * searching, at 8,500 news leads), and which finds 99 % of the exact neighbours there.
   */
  static final int EXACT_NEIGHBOUR_ARTICLES = 4_096;

  private final RetoldSettings.Stories stories;
  private final StageRunner stages;

  StoryCandidates(RetoldSettings.Stories stories, StageRunner stages) {
    this.stories = stories;
    this.stages = stages;
  }

  /**
   * The scored story candidates of every article {@code scores} knows. In an article's background
   * its own copy group ({@code copyGroups}, each article's group) counts as one neighbour, its
   * closest copy: a text copied fifty times would otherwise have a background near 1, which nothing
   * else it relates to could stand above, and leaving its copies out altogether would make the
   * background of every article with one copy lower than that of the same article without.
   */
  StoryGraph find(StoryScores scores, int[] copyGroups) {
    return find(scores, copyGroups, null);
  }

  /**
   * {@link #find(StoryScores, int[])} with the lexical candidates found elsewhere (a distributed
   * scan's join on the articles' {@link #heaviest} terms): the same graph when {@code lexical} are
   * the pairs sharing at least {@value #MIN_SHARED_TERMS} of them, counting only terms among at
   * most {@value #MAX_TERM_FREQUENCY} articles' heaviest, each once, in any order; {@code null} to
   * find them here.
   *
   * @param lexical pair keys ({@link CandidatePair#key}) of article indexes, or {@code null}
   */
  StoryGraph find(StoryScores scores, int[] copyGroups, long[] lexical) {
    long[] keys = lexical == null ? sharingHeavyTerms(scores) : distinct(lexical.clone());
    long[] candidates = withSemanticNeighbours(scores, keys);
    List<ScoredEdge> edges =
        stages.inParallel(
            "story",
            candidates.length,
            i -> {
              CandidatePair pair = CandidatePair.ofKey(candidates[i]);
              return new ScoredEdge(pair.a(), pair.b(), scores.score(pair.a(), pair.b()));
            });
    return graph(scores, edges, copyGroups);
  }

  /** The pairs sharing heavy terms, found in a shared-hash index of them: sorted keys. */
  private long[] sharingHeavyTerms(StoryScores scores) {
    int count = stories.topTerms();
    List<long[]> tops =
        stages.inParallel("top", scores.size(), k -> heaviest(scores.vector(k), count));
    SharedHashIndex.Builder topTerms =
        SharedHashIndex.builder()
            .maxDocumentFrequency(MAX_TERM_FREQUENCY)
            .threads(stages.threads())
            .minSharedHashes(MIN_SHARED_TERMS);
    for (int k = 0; k < tops.size(); k++) {
      topTerms.add(k, tops.get(k));
    }
    List<SharedHashCandidate> lexical = topTerms.build().candidates();
    long[] keys = new long[lexical.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = lexical.get(i).pair().key();
    }
    return keys;
  }

  /**
   * The ids of {@code vector}'s {@code count} heaviest terms ({@link StoryVector#topTerms}), in
   * increasing order: what story candidates share.
   */
  static long[] heaviest(StoryVector vector, int count) {
    int[] top = vector.topTerms(count, term -> true);
    long[] sorted = new long[top.length];
    for (int i = 0; i < top.length; i++) {
      sorted[i] = top[i];
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** {@code keys} sorted, each once (a new array when some repeat). */
  private static long[] distinct(long[] keys) {
    Arrays.sort(keys);
    int distinct = 0;
    for (int i = 0; i < keys.length; i++) {
      if (i == 0 || keys[i] != keys[distinct - 1]) {
        keys[distinct++] = keys[i];
      }
    }
    return distinct == keys.length ? keys : Arrays.copyOf(keys, distinct);
  }

  /**
   * The lexical candidates (sorted keys) and, when the scores blend in embeddings, each article's
   * {@value #SEMANTIC_NEIGHBOURS} nearest by embedding (exactly up to {@value
   * #EXACT_NEIGHBOUR_ARTICLES} articles, approximately past it): sorted, each once. They matter
   * less as candidates (the lexical ones hold nearly every pair of one story) than as neighbours:
   * they are what an article's background is made of.
   */
  private long[] withSemanticNeighbours(StoryScores scores, long[] lexical) {
    if (!scores.semantic()) {
      return lexical;
    }
    // Told against all articles while it grows: those whose leads embed to zeros are left out of
    // the graph, known once it is built.
    stages.progress("neighbour graph", 0, scores.size());
    VectorNeighbours search =
        scores.semanticNeighbours(
            EXACT_NEIGHBOUR_ARTICLES,
            linked -> stages.progress("neighbour graph", linked, scores.size()));
    stages.progress("neighbour graph", search.directed(), search.directed());
    List<int[]> nearest =
        stages.inParallel("neighbours", scores.size(), k -> search.nearest(k, SEMANTIC_NEIGHBOURS));
    int total = lexical.length;
    for (int[] near : nearest) {
      total += near.length;
    }
    long[] keys = Arrays.copyOf(lexical, total);
    int size = lexical.length;
    for (int a = 0; a < nearest.size(); a++) {
      for (int b : nearest.get(a)) {
        keys[size++] = CandidatePair.key(Math.min(a, b), Math.max(a, b));
      }
    }
    return distinct(keys);
  }

  /** Every pair of the articles, scored: for {@code compare}, whose articles are few. */
  StoryGraph allPairs(StoryScores scores) {
    List<ScoredEdge> edges = new ArrayList<>();
    for (int a = 0; a < scores.size(); a++) {
      for (int b = a + 1; b < scores.size(); b++) {
        edges.add(new ScoredEdge(a, b, scores.score(a, b)));
      }
    }
    return graph(scores, edges, null);
  }

  /**
   * The graph of the scored candidates: each article's background, and the edges the clustering
   * reads: the scores as they are, but {@value #APART} for the pairs dated too far apart, so that
   * average linkage never puts them in one story.
   */
  private StoryGraph graph(StoryScores scores, List<ScoredEdge> edges, int[] copyGroups) {
    long[] apart = new long[edges.size()];
    int apartCount = 0;
    List<ScoredEdge> clusterEdges = new ArrayList<>(edges.size());
    for (ScoredEdge edge : edges) {
      if (scores.apart(edge.a(), edge.b())) {
        apart[apartCount++] = CandidatePair.key(edge.a(), edge.b());
        clusterEdges.add(new ScoredEdge(edge.a(), edge.b(), APART));
      } else {
        clusterEdges.add(edge);
      }
    }
    return new StoryGraph(
        edges,
        clusterEdges,
        background().backgrounds(scores.size(), edges, copyGroups),
        Arrays.copyOf(apart, apartCount));
  }

  private BackgroundSimilarity background() {
    return new BackgroundSimilarity(stories.backgroundFrom(), stories.backgroundTo());
  }
}
