package dev.retold.scan;

import dev.retold.Article;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.BackgroundSimilarity;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.UnionFind;
import dev.retold.index.ArticleStore;
import dev.retold.index.ArticleStore.Candidate;
import dev.retold.index.LongCounts;
import dev.retold.index.StableStoryIds;
import dev.retold.index.StoredSketch;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import dev.retold.similarity.TermStatistics;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.TermCounts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Places new articles among a story index's stories one at a time, by the scan's rules applied to
 * one article against stories that stand: its story vector weighed by the index's term statistics
 * (each term's document frequency is Lucene's), its candidates the stored articles sharing {@value
 * StoryCandidates#MIN_SHARED_TERMS} of its heaviest terms (the {@value #STORY_CANDIDATES} sharing
 * the most) or sampled shingles, each scored as a scan scores a pair ({@link StoryScores}: the
 * lexical cosine, blended with the leads' embeddings when there are any; dates too far apart rule a
 * pair out) and copies verified on the exact shingle sets ({@link PairEvidence}). It joins the
 * story of a duplicate or near-duplicate, as a copy group nests in one story; else the story whose
 * mean link with it, relative to the backgrounds, is highest and reaches the threshold, as average
 * linkage would merge it ({@link dev.retold.cluster.AverageLinkClusterer}: a member without an edge
 * counts as 0, a derived pair at least {@value ClusterStories#DERIVED_FLOOR}); else it starts a
 * story. The story it joins (of fewer than {@value #SETTLE_LIMIT} members) is then clustered again
 * with it as a scan would cluster them ({@link #settle}): when they fall apart, the part with the
 * story's canonical article keeps the story, and the others become stories of their own. Stories
 * are never merged: two stories an article bridges stay two (a regroup of the index is a scan of
 * it).
 *
 * <p>Articles of one call are placed in their order, each seeing those before it: its stored
 * candidates are found by its sketch as the index's commit alone weighs it, those placed before it
 * in the call by its sketch as the commit and they weigh it together. What the commit alone decides
 * of an article (its analysis, embedding, stored candidates and their stories) is made ahead, on
 * {@code settings.threads()} threads, while earlier ones are placed; what is placed does not depend
 * on threads. Thread-safe: it keeps nothing between calls.
 */
public final class IndexMatcher {
  /** The most stored articles sharing heavy terms that one article is scored against. */
  static final int STORY_CANDIDATES = 100;

  /** The most stored articles sharing sampled shingles that one article is verified against. */
  static final int COPY_CANDIDATES = 20;

  /** The most articles of a call prepared ahead of the one being placed. */
  static final int LOOKAHEAD = 64;

  /** A stored article's shingles are sampled 1 in 2^this. */
  static final int SAMPLE_BITS = 3;

  /**
   * The most members a story may hold for a new article joining it to be settled by clustering them
   * again ({@link #settle}): every pair of them is scored.
   */
  static final int SETTLE_LIMIT = 32;

  /** The relation name of a story's canonical article. */
  public static final String CANONICAL = "CANONICAL";

  private final RetoldSettings settings;
  private final ArticleSketcher sketcher;
  private final PairEvidence evidence;
  private final StoryScorer scorer;
  private final BackgroundSimilarity background;

  /** A matcher by the rules of {@code settings}. */
  public IndexMatcher(RetoldSettings settings) {
    this.settings = settings;
    this.sketcher = new ArticleSketcher(settings);
    this.evidence = new PairEvidence(settings);
    this.scorer =
        new StoryScorer(settings.stories().dateWindowDays(), settings.stories().copiedCosine());
    this.background =
        new BackgroundSimilarity(
            settings.stories().backgroundFrom(), settings.stories().backgroundTo());
  }

  /**
   * Where one new article stands.
   *
   * @param article the article
   * @param sketch what the index keeps to match others against it
   * @param story its story's id
   * @param relation its relation to the story's canonical article, or {@link #CANONICAL}
   * @param canonical the story's canonical article's id
   * @param similarity its highest story score with a member of the story (0 for a new story)
   * @param newStory whether it starts the story
   */
  public record Placed(
      Article article,
      StoredSketch sketch,
      String story,
      String relation,
      String canonical,
      double similarity,
      boolean newStory) {}

  /**
   * Places {@code articles}, in their order, among the stories of {@code index}.
   *
   * @param index the index's last commit
   * @param excluded ids whose stored articles do not count (they are being replaced or removed)
   * @param newStory the id of each new story, asked once a story starts
   */
  public Placing place(
      List<Article> articles,
      ArticleStore.Snapshot index,
      Set<String> excluded,
      Supplier<String> newStory)
      throws IOException {
    Batch batch = new Batch(index, excluded);
    Set<String> excludedAtStart = Set.copyOf(excluded);
    int documents = batch.documents();
    if (articles.size() == 1) { // nothing to prepare ahead of (a query)
      batch.add(
          placeOne(
              prepare(articles.get(0), index, excludedAtStart, documents, true), batch, newStory));
      return batch.placing();
    }
    ExecutorService ahead = Executors.newFixedThreadPool(settings.threads(), IndexMatcher::daemon);
    try {
      Deque<Future<Prepared>> preparing = new ArrayDeque<>();
      int submitted = 0;
      for (int i = 0; i < articles.size(); i++) {
        while (submitted < articles.size() && submitted < i + LOOKAHEAD) {
          Article article = articles.get(submitted++);
          preparing.add(
              ahead.submit(() -> prepare(article, index, excludedAtStart, documents, true)));
        }
        batch.add(placeOne(done(preparing.remove()), batch, newStory));
      }
    } finally {
      ahead.shutdownNow();
    }
    return batch.placing();
  }

  /**
   * What one call placed: each article where it stands once the call is done (an article placed
   * early in the call may have moved to another story since, when a later one split its story), in
   * the order given; and the stored articles that moved to another story, by id.
   *
   * @param placed the call's articles, as placed
   * @param moved each stored article that moved: its new story and relation
   */
  public record Placing(List<Placed> placed, Map<String, Moved> moved) {
    /** Copies the lists. */
    public Placing {
      placed = List.copyOf(placed);
      moved = Collections.unmodifiableMap(new TreeMap<>(moved));
    }
  }

  /**
   * A stored article's new place, when the story it was in split.
   *
   * @param story its new story's id
   * @param relation its relation to that story's canonical article, or {@link #CANONICAL}
   */
  public record Moved(String story, String relation) {}

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "retold-index-prepare");
    thread.setDaemon(true);
    return thread;
  }

  /** The value of a preparation, its exception thrown as it was. */
  private static Prepared done(Future<Prepared> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while placing articles");
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * The sketch of {@code article} made against {@code index} as it stands (its stored version, if
   * any, left out): to make an index's sketches again once its term statistics and neighbourhoods
   * have grown.
   */
  public StoredSketch sketch(Article article, ArticleStore.Snapshot index) throws IOException {
    Set<String> excluded = Set.of(article.id());
    Batch batch = new Batch(index, excluded);
    return compared(prepare(article, index, excluded, batch.documents(), false), batch, false)
        .sketch;
  }

  /**
   * What comparing one article needs that the index's commit alone gives, made ahead of placing it
   * (on other threads, while earlier articles are placed): its analysis, story terms and lead
   * embedding; its stored candidates, found by its sketch as the commit alone weighs it; their
   * stories' stored members; and the analyses of its stored copy candidates.
   */
  private static final class Prepared {
    final Article article;
    final BodyAnalysis analysis;
    final TermCounts counts;
    final byte[] embedding;
    final Map<String, AnalyzedArticle> analysed = new HashMap<>();
    final Map<String, List<Candidate>> members = new HashMap<>();
    List<Candidate> storyHits = List.of();
    List<Candidate> copyHits = List.of();

    Prepared(Article article, BodyAnalysis analysis, TermCounts counts, byte[] embedding) {
      this.article = article;
      this.analysis = analysis;
      this.counts = counts;
      this.embedding = embedding;
    }
  }

  /**
   * The article prepared against {@code index}, which counts {@code documents} articles less the
   * {@code excluded} ones: its stored story candidates are the stored articles sharing {@value
   * StoryCandidates#MIN_SHARED_TERMS} of its heaviest terms stored articles hold (weighed by the
   * commit's frequencies, of which fewer than {@value StoryCandidates#MAX_TERM_FREQUENCY} hold
   * each), its stored copy candidates those sharing its sampled shingles (of which few enough hold
   * each), as the commit answers; articles placed earlier in the call are matched on the sketch
   * placing makes. Without {@code verify}, for its sketch alone, its candidates' stories and its
   * copy candidates' texts are not read (a sketch needs their story scores, not their stories or
   * copy relations).
   */
  private Prepared prepare(
      Article article,
      ArticleStore.Snapshot index,
      Set<String> excluded,
      int documents,
      boolean verify)
      throws IOException {
    BodyAnalysis analysis = sketcher.analyse(article.body());
    Prepared prepared =
        new Prepared(
            article, analysis, sketcher.storyTerms(article, analysis), sketcher.embedding(article));
    StoredSketch stored = sketch(prepared, index::frequencies, documents);
    prepared.storyHits =
        index.sharing(
            ArticleStore.TOP_TERMS,
            stored.top(),
            StoryCandidates.MAX_TERM_FREQUENCY,
            StoryCandidates.MIN_SHARED_TERMS,
            STORY_CANDIDATES);
    prepared.copyHits =
        index.sharing(
            ArticleStore.SHINGLES,
            stored.shingles(),
            settings.copies().maxDocumentFrequency(),
            copyMinShared(),
            COPY_CANDIDATES);
    for (List<Candidate> hits :
        verify ? List.of(prepared.storyHits, prepared.copyHits) : List.<List<Candidate>>of()) {
      for (Candidate hit : hits) {
        if (!prepared.members.containsKey(hit.story())) {
          prepared.members.put(hit.story(), index.story(hit.story()));
        }
      }
    }
    for (Candidate hit : verify ? prepared.copyHits : List.<Candidate>of()) {
      if (!excluded.contains(hit.id())) {
        Article other =
            index.article(hit.id()).orElseThrow(() -> new IOException("no article " + hit.id()));
        prepared.analysed.put(hit.id(), AnalyzedArticle.of(other, sketcher.analyse(other.body())));
      }
    }
    return prepared;
  }

  /** How many articles hold each of some terms of a field. */
  @FunctionalInterface
  private interface Frequencies {
    int[] of(String field, long[] terms) throws IOException;
  }

  /** The article sketched and compared with its neighbours. */
  private record Compared(StoredSketch sketch, List<Neighbour> neighbours) {}

  private Placed placeOne(Prepared prepared, Batch batch, Supplier<String> newStory)
      throws IOException {
    Article article = prepared.article;
    Compared compared = compared(prepared, batch, true);
    StoredSketch sketch = compared.sketch;
    List<Neighbour> neighbours = compared.neighbours;
    Optional<Joined> joined = join(neighbours, sketch.background(), prepared, batch);
    if (joined.isEmpty()) {
      return alone(article, sketch, batch, newStory);
    }
    Joined story = joined.get();
    if (story.members.size() < SETTLE_LIMIT && story.canonical != null) {
      return settle(article, sketch, neighbours, story, batch, newStory);
    }
    return joining(article, sketch, story, neighbours);
  }

  /** The article as a member of {@code story}, which is not clustered again. */
  private static Placed joining(
      Article article, StoredSketch sketch, Joined story, List<Neighbour> neighbours) {
    return new Placed(
        article,
        sketch,
        story.story,
        relation(story.relations, neighbours).name(),
        story.canonical,
        story.similarity,
        false);
  }

  private static Placed alone(
      Article article, StoredSketch sketch, Batch batch, Supplier<String> newStory) {
    String story = batch.mint(newStory);
    return new Placed(article, sketch, story, CANONICAL, article.id(), 0, true);
  }

  /**
   * The article placed in {@code joined} as the scan would cluster that story's members and it
   * alone: average linkage with the cohesion rule over every pair's story score relative to the
   * backgrounds, the copy groups kept whole (its members' copy relations to the canonical article,
   * its own verified copies), a derived pair at least {@value ClusterStories#DERIVED_FLOOR}. One
   * part is all of them: it joins the story. Else the part that holds the story's canonical article
   * keeps the story and its id; each other part becomes a story of its own, its earliest dated
   * member (then the smallest id) its canonical article, its other members {@link
   * Relation#SAME_STORY} of it (or their verified copy relation, when the article is that canonical
   * article) until a regroup. So an article placed before the articles of its own story arrive, and
   * joined to a story it only resembles (as one article alone may, by the threshold), leaves that
   * story with them once they come: what a scan of all of them would have found, as far as one
   * story's members and the article tell it.
   */
  private Placed settle(
      Article article,
      StoredSketch sketch,
      List<Neighbour> neighbours,
      Joined joined,
      Batch batch,
      Supplier<String> newStory) {
    List<Candidate> members = new ArrayList<>(joined.members);
    members.sort(Comparator.comparing(Candidate::id));
    int self = members.size();
    Map<String, Neighbour> byId = new HashMap<>();
    neighbours.forEach(neighbour -> byId.put(neighbour.candidate.id(), neighbour));
    List<List<Integer>> parts = parts(members, article, sketch, byId);
    if (parts.size() == 1) {
      return joining(article, sketch, joined, neighbours);
    }
    Placed placed = null;
    for (List<Integer> together : parts) {
      boolean mine = together.contains(self);
      double similarity = 0; // the article's highest score with a member of its part
      for (int i : mine ? together : List.<Integer>of()) {
        Neighbour neighbour = i == self ? null : byId.get(members.get(i).id());
        similarity = neighbour == null ? similarity : Math.max(similarity, neighbour.score);
      }
      if (together.stream()
          .anyMatch(i -> i < self && CANONICAL.equals(members.get(i).relation()))) {
        if (mine) { // the part that keeps the story
          Map<String, String> staying = new HashMap<>();
          together.stream()
              .filter(i -> i < self)
              .forEach(i -> staying.put(members.get(i).id(), members.get(i).relation()));
          placed =
              new Placed(
                  article,
                  sketch,
                  joined.story,
                  relation(staying, neighbours).name(),
                  joined.canonical,
                  similarity,
                  false);
        }
        continue;
      }
      if (together.size() == 1 && mine) {
        placed = alone(article, sketch, batch, newStory);
        continue;
      }
      String story = batch.mint(newStory);
      Comparator<Integer> earliest =
          Comparator.comparing(
                  (Integer i) -> i == self ? article.date() : members.get(i).date(),
                  Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
              .thenComparing(i -> i == self ? article.id() : members.get(i).id());
      int first = Collections.min(together, earliest);
      String canonical = first == self ? article.id() : members.get(first).id();
      for (int i : together) {
        if (i != self) {
          Relation copy = first == self ? copyOf(byId.get(members.get(i).id())) : null;
          String relation =
              i == first ? CANONICAL : (copy == null ? Relation.SAME_STORY : copy).name();
          batch.move(members.get(i), story, relation, canonical);
        }
      }
      if (mine) {
        Relation copy = first == self ? null : copyOf(byId.get(canonical));
        String relation =
            first == self ? CANONICAL : (copy == null ? Relation.SAME_STORY : copy).name();
        placed = new Placed(article, sketch, story, relation, canonical, similarity, true);
      }
    }
    return placed;
  }

  /**
   * The parts {@code members} (by id) and the article (index {@code members.size()}) fall into,
   * clustered as the scan clusters: each part's indexes, in increasing order, the parts by their
   * smallest.
   */
  private List<List<Integer>> parts(
      List<Candidate> members, Article article, StoredSketch sketch, Map<String, Neighbour> byId) {
    int items = members.size() + 1;
    int self = members.size();
    StoredSketch[] sketches = new StoredSketch[items];
    LocalDate[] dates = new LocalDate[items];
    double[] backgrounds = new double[items];
    Relation[] toCanonical = new Relation[items]; // null for the canonical article and the article
    int canonical = -1;
    for (int i = 0; i < items; i++) {
      sketches[i] = i == self ? sketch : members.get(i).sketch();
      dates[i] = i == self ? article.date() : members.get(i).date();
      backgrounds[i] = sketches[i].background();
      if (i < self) {
        toCanonical[i] = relationOf(members.get(i).relation());
        canonical = toCanonical[i] == null ? i : canonical;
      }
    }
    UnionFind copies = new UnionFind(items);
    List<ScoredEdge> edges = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      for (int j = i + 1; j < items; j++) {
        Relation copy; // what is known of the pair's copy relation
        if (j == self) {
          copy = copyOf(byId.get(members.get(i).id()));
        } else {
          copy = i == canonical ? toCanonical[j] : j == canonical ? toCanonical[i] : null;
        }
        if (copy != null && copy.atLeast(Relation.NEAR_DUPLICATE)) {
          copies.union(i, j);
        }
        double lexical = sketches[i].cosine(sketches[j]);
        double score =
            scorer.apart(lexical, dates[i], dates[j])
                ? StoryCandidates.APART
                : score(lexical, sketches[i], sketches[j]);
        if (copy == Relation.DERIVED) {
          score = Math.max(score, ClusterStories.DERIVED_FLOOR);
        }
        if (score != 0) {
          edges.add(new ScoredEdge(i, j, score));
        }
      }
    }
    int[] initial = new int[items];
    for (int i = 0; i < items; i++) {
      initial[i] = copies.find(i);
    }
    int[] part =
        new AverageLinkClusterer(settings.stories().threshold(), settings.stories().cohesion())
            .cluster(items, edges, initial, backgrounds);
    Map<Integer, List<Integer>> parts = new TreeMap<>();
    for (int i = 0; i < items; i++) {
      parts.computeIfAbsent(part[i], p -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(parts.values());
  }

  /** The copy relation the article's comparison found with {@code neighbour}, if any. */
  private static Relation copyOf(Neighbour neighbour) {
    return neighbour == null ? null : neighbour.copy;
  }

  /** The relation a stored name gives, or null for {@link #CANONICAL}. */
  private static Relation relationOf(String name) {
    return CANONICAL.equals(name) ? null : Relation.valueOf(name);
  }

  /**
   * The article's sketch, with its background: each candidate scored (and, if it shares sampled
   * shingles and {@code verify}, verified as a copy).
   */
  private Compared compared(Prepared prepared, Batch batch, boolean verify) throws IOException {
    Article article = prepared.article;
    StoredSketch unplaced = sketch(prepared, batch::frequencies, batch.documents());
    List<Neighbour> neighbours = neighbours(unplaced, prepared, batch);
    AnalyzedArticle analyzed = AnalyzedArticle.of(article, prepared.analysis);
    List<ScoredEdge> edges = new ArrayList<>();
    for (int k = 0; k < neighbours.size(); k++) {
      Neighbour neighbour = neighbours.get(k);
      double lexical = unplaced.cosine(neighbour.candidate.sketch());
      neighbour.score = score(lexical, unplaced, neighbour.candidate.sketch());
      neighbour.apart = scorer.apart(lexical, article.date(), neighbour.candidate.date());
      if (verify && neighbour.copyCandidate) {
        String id = neighbour.candidate.id();
        AnalyzedArticle otherAnalyzed =
            batch.placed(id) ? null : prepared.analysed.get(id); // a stored one made ahead
        if (otherAnalyzed == null) {
          Article other = batch.article(id);
          otherAnalyzed = AnalyzedArticle.of(other, sketcher.analyse(other.body()));
        }
        ShingleOverlap overlap = evidence.overlap(analyzed, otherAnalyzed);
        neighbour.copy = evidence.copyRelation(analyzed, otherAnalyzed, overlap).orElse(null);
      }
      edges.add(new ScoredEdge(0, k + 1, neighbour.score));
    }
    double own = background.backgrounds(neighbours.size() + 1, edges)[0];
    return new Compared(
        new StoredSketch(
            unplaced.terms(),
            unplaced.weights(),
            unplaced.top(),
            unplaced.shingles(),
            unplaced.embedding(),
            own),
        neighbours);
  }

  /** The story score of a pair, as {@link StoryScores#score} gives it. */
  private static double score(double lexical, StoredSketch a, StoredSketch b) {
    if (a.embedding().length == 0 || b.embedding().length == 0) {
      return lexical;
    }
    return Math.sqrt(lexical * Embeddings.cosine(a.embedding(), b.embedding()));
  }

  /**
   * The article's sketch, its background not yet known: its story terms weighed by {@code
   * frequencies} among {@code documents} articles and itself.
   */
  private StoredSketch sketch(Prepared prepared, Frequencies frequencies, int documents)
      throws IOException {
    TermCounts counts = prepared.counts;
    long[] terms = new long[counts.size()];
    double[] weights = new double[counts.size()];
    boolean[] shared = new boolean[counts.size()];
    double norm = 0;
    for (int i = 0; i < terms.length; i++) {
      terms[i] = counts.term(i);
    }
    int[] held = frequencies.of(ArticleStore.TERMS, terms);
    for (int i = 0; i < terms.length; i++) {
      int frequency = held[i];
      shared[i] = frequency > 0;
      weights[i] =
          StoryVector.weight(
              (float) counts.weight(i), TermStatistics.idf(documents + 1, frequency + 1));
      norm += weights[i] * weights[i];
    }
    float[] unit = new float[terms.length];
    for (int i = 0; i < terms.length; i++) {
      unit[i] = (float) (weights[i] / Math.sqrt(norm));
    }
    byte[] embedding = prepared.embedding;
    return new StoredSketch(
        terms,
        unit,
        topTerms(terms, unit, shared, settings.stories().topTerms()),
        ArticleSketcher.sample(prepared.analysis.shingleSet(), SAMPLE_BITS),
        embedding == null ? new byte[0] : embedding,
        0);
  }

  /**
   * The {@code count} heaviest of the terms another article holds too, heaviest first (ties: the
   * smaller hash), as {@link StoryVector#topTerms} picks them.
   */
  private static long[] topTerms(long[] terms, float[] weights, boolean[] shared, int count) {
    Integer[] order = new Integer[terms.length];
    int size = 0;
    for (int i = 0; i < terms.length; i++) {
      if (shared[i]) {
        order[size++] = i;
      }
    }
    Arrays.sort(
        order,
        0,
        size,
        (x, y) ->
            weights[x] != weights[y]
                ? Float.compare(weights[y], weights[x])
                : Long.compare(terms[x], terms[y]));
    long[] top = new long[Math.min(count, size)];
    for (int i = 0; i < top.length; i++) {
      top[i] = terms[order[i]];
    }
    return top;
  }

  /**
   * The article's stored candidates (as prepared) and the articles placed earlier in the call
   * sharing heavy terms or sampled shingles with {@code sketch}.
   */
  private List<Neighbour> neighbours(StoredSketch sketch, Prepared prepared, Batch batch)
      throws IOException {
    Map<String, Neighbour> neighbours = new TreeMap<>();
    for (Candidate candidate :
        batch.sharing(
            prepared.storyHits,
            ArticleStore.TOP_TERMS,
            storyTerms(sketch, batch::frequencies),
            StoryCandidates.MIN_SHARED_TERMS)) {
      neighbours.put(candidate.id(), new Neighbour(candidate));
    }
    for (Candidate candidate :
        batch.sharing(
            prepared.copyHits,
            ArticleStore.SHINGLES,
            copyTerms(sketch, batch::frequencies),
            copyMinShared())) {
      neighbours.computeIfAbsent(candidate.id(), id -> new Neighbour(candidate)).copyCandidate =
          true;
    }
    return new ArrayList<>(neighbours.values());
  }

  /** The heavy terms a story candidate shares: those few enough articles hold. */
  private static long[] storyTerms(StoredSketch sketch, Frequencies frequencies)
      throws IOException {
    return rarer(
        ArticleStore.TOP_TERMS, sketch.top(), StoryCandidates.MAX_TERM_FREQUENCY, frequencies);
  }

  /** The sampled shingles a copy candidate shares: those few enough articles hold. */
  private long[] copyTerms(StoredSketch sketch, Frequencies frequencies) throws IOException {
    return rarer(
        ArticleStore.SHINGLES,
        sketch.shingles(),
        settings.copies().maxDocumentFrequency(),
        frequencies);
  }

  private int copyMinShared() {
    return CopyCandidates.minSampledShared(settings.copies().derivedMinShared(), SAMPLE_BITS);
  }

  /**
   * The terms fewer than {@code max} articles hold in {@code field}, so with one more at most max.
   */
  private static long[] rarer(String field, long[] terms, int max, Frequencies frequencies)
      throws IOException {
    long[] kept = new long[terms.length];
    int size = 0;
    int[] held = frequencies.of(field, terms);
    for (int i = 0; i < terms.length; i++) {
      if (held[i] < max) {
        kept[size++] = terms[i];
      }
    }
    return Arrays.copyOf(kept, size);
  }

  /** The story the article joins, if any. */
  private Optional<Joined> join(
      List<Neighbour> neighbours, double own, Prepared prepared, Batch batch) throws IOException {
    Neighbour copy = null;
    for (Neighbour neighbour : neighbours) {
      if (neighbour.copy != null
          && neighbour.copy.atLeast(Relation.NEAR_DUPLICATE)
          && (copy == null || neighbour.copy.compareTo(copy.copy) < 0)) {
        copy = neighbour; // the strongest, then the smallest id (neighbours are by id)
      }
    }
    Map<String, List<Neighbour>> byStory = new TreeMap<>(StableStoryIds::compare);
    for (Neighbour neighbour : neighbours) {
      byStory
          .computeIfAbsent(neighbour.candidate.story(), story -> new ArrayList<>())
          .add(neighbour);
    }
    Joined best = null;
    for (Map.Entry<String, List<Neighbour>> entry : byStory.entrySet()) {
      if (copy != null && !entry.getKey().equals(copy.candidate.story())) {
        continue;
      }
      List<Candidate> members = batch.story(entry.getKey(), prepared.members);
      if (members.isEmpty()) {
        continue;
      }
      double sum = 0;
      double similarity = 0;
      for (Neighbour neighbour : entry.getValue()) {
        similarity = Math.max(similarity, neighbour.score);
        if (neighbour.copy == Relation.DERIVED) {
          sum += Math.max(neighbour.score, ClusterStories.DERIVED_FLOOR);
        } else {
          sum += neighbour.apart ? StoryCandidates.APART : neighbour.score;
        }
      }
      double backgrounds = 0;
      String canonical = null;
      Map<String, String> relations = new HashMap<>();
      for (Candidate member : members) {
        backgrounds += member.sketch().background();
        relations.put(member.id(), member.relation());
        if (CANONICAL.equals(member.relation())) {
          canonical = member.id();
        }
      }
      double mean = sum / members.size() - (own + backgrounds / members.size()) / 2;
      if (copy != null
          || (mean >= settings.stories().threshold() && (best == null || mean > best.mean))) {
        best = new Joined(entry.getKey(), canonical, relations, members, mean, similarity);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The article's relation to its story's canonical article: their copy relation, if they were
   * verified as one; else the weaker of its copy relation with a member and that member's relation
   * to the canonical article, the strongest such; else {@link Relation#SAME_STORY}.
   */
  private static Relation relation(Map<String, String> relations, List<Neighbour> neighbours) {
    Relation best = Relation.SAME_STORY;
    for (Neighbour neighbour : neighbours) {
      String memberRelation = relations.get(neighbour.candidate.id());
      if (neighbour.copy == null || memberRelation == null) {
        continue;
      }
      Relation viaMember =
          CANONICAL.equals(memberRelation)
              ? neighbour.copy
              : weaker(neighbour.copy, Relation.valueOf(memberRelation));
      if (viaMember.compareTo(best) < 0) {
        best = viaMember;
      }
    }
    return best;
  }

  private static Relation weaker(Relation a, Relation b) {
    return a.atLeast(b) ? b : a;
  }

  /** A story the article joins. */
  private record Joined(
      String story,
      String canonical,
      Map<String, String> relations,
      List<Candidate> members,
      double mean,
      double similarity) {}

  /** A candidate with what the article's comparison with it found. */
  private static final class Neighbour {
    final Candidate candidate;
    boolean copyCandidate;
    double score;
    boolean apart;
    Relation copy;

    Neighbour(Candidate candidate) {
      this.candidate = candidate;
    }
  }

  /**
   * The index's commit and the articles of this call placed so far: frequencies and stories are the
   * commit's (less the excluded ids) and the batch's together.
   */
  private static final class Batch {
    private final ArticleStore.Snapshot index;
    private final Set<String> excluded;
    private final int excludedStored;
    private final List<Placed> placed = new ArrayList<>();
    private final Map<String, Integer> placedIds = new HashMap<>();
    private final Map<String, LongCounts> counts = new HashMap<>();
    private final Map<String, Map<Long, List<Integer>>> postings = new HashMap<>();
    private final Map<String, List<Integer>> stories = new HashMap<>();
    private final Map<String, Candidate> moved = new HashMap<>();
    private final Map<String, Set<String>> movedInto = new HashMap<>();
    private final Set<String> minted = new HashSet<>();

    Batch(ArticleStore.Snapshot index, Set<String> excluded) throws IOException {
      this.index = index;
      this.excluded = new HashSet<>(excluded);
      int stored = 0;
      for (String id : excluded) {
        if (index.holds(id)) {
          stored++;
        }
      }
      this.excludedStored = stored;
      for (String field :
          List.of(ArticleStore.TERMS, ArticleStore.TOP_TERMS, ArticleStore.SHINGLES)) {
        counts.put(field, new LongCounts());
      }
      for (String field : List.of(ArticleStore.TOP_TERMS, ArticleStore.SHINGLES)) {
        postings.put(field, new HashMap<>());
      }
    }

    int documents() throws IOException {
      return index.articles() - excludedStored + placed.size();
    }

    /** A new story's id, asked of {@code newStory}. */
    String mint(Supplier<String> newStory) {
      String story = newStory.get();
      minted.add(story);
      return story;
    }

    /**
     * Moves {@code member} (stored, or placed in this call) to {@code story}, with {@code relation}
     * to its canonical article {@code canonical}.
     */
    void move(Candidate member, String story, String relation, String canonical) {
      Integer at = placedIds.get(member.id());
      if (at != null) {
        Placed was = placed.get(at);
        stories.get(was.story()).remove(at);
        stories.computeIfAbsent(story, s -> new ArrayList<>()).add(at);
        placed.set(
            at,
            new Placed(
                was.article(),
                was.sketch(),
                story,
                relation,
                canonical,
                was.similarity(),
                minted.contains(story)));
        return;
      }
      Candidate was = moved.get(member.id());
      if (was != null) {
        movedInto.get(was.story()).remove(member.id());
      }
      moved.put(
          member.id(), new Candidate(member.id(), story, relation, member.date(), member.sketch()));
      movedInto.computeIfAbsent(story, s -> new TreeSet<>()).add(member.id());
    }

    /** What this call placed, as it stands now. */
    Placing placing() {
      Map<String, Moved> stored = new HashMap<>();
      moved.forEach((id, now) -> stored.put(id, new Moved(now.story(), now.relation())));
      return new Placing(placed, stored);
    }

    void add(Placed one) {
      int at = placed.size();
      placed.add(one);
      placedIds.put(one.article().id(), at);
      excluded.add(one.article().id()); // a stored version of it no longer counts
      StoredSketch sketch = one.sketch();
      post(ArticleStore.TERMS, sketch.terms(), at);
      post(ArticleStore.TOP_TERMS, sketch.top(), at);
      post(ArticleStore.SHINGLES, sketch.shingles(), at);
      stories.computeIfAbsent(one.story(), story -> new ArrayList<>()).add(at);
    }

    private void post(String field, long[] terms, int at) {
      LongCounts counted = counts.get(field);
      Map<Long, List<Integer>> posted = postings.get(field);
      for (long term : terms) {
        counted.increment(term);
        if (posted != null) {
          posted.computeIfAbsent(term, t -> new ArrayList<>()).add(at);
        }
      }
    }

    /**
     * How many articles hold each of {@code terms} in {@code field}, the commit's and the batch's.
     */
    int[] frequencies(String field, long[] terms) throws IOException {
      int[] frequencies = index.frequencies(field, terms);
      LongCounts counted = counts.get(field);
      for (int i = 0; i < terms.length; i++) {
        frequencies[i] += counted.count(terms[i]);
      }
      return frequencies;
    }

    /**
     * The candidates {@code stored} the commit gave (less the excluded ids) and the articles placed
     * in this call that hold at least {@code minShared} of {@code terms} in {@code field}.
     */
    List<Candidate> sharing(List<Candidate> stored, String field, long[] terms, int minShared) {
      List<Candidate> candidates = new ArrayList<>();
      for (Candidate hit : stored) {
        if (!excluded.contains(hit.id())) {
          candidates.add(moved.getOrDefault(hit.id(), hit));
        }
      }
      Map<Integer, Integer> shared = new TreeMap<>();
      for (long term : terms) {
        for (int at : postings.get(field).getOrDefault(term, List.of())) {
          shared.merge(at, 1, Integer::sum);
        }
      }
      shared.forEach(
          (at, count) -> {
            if (count >= minShared) {
              candidates.add(candidate(placed.get(at)));
            }
          });
      return candidates;
    }

    /**
     * The members of {@code story}: its stored ones (from {@code known} if it holds them, else
     * asked of the commit; less the excluded ids) and those placed in this call.
     */
    List<Candidate> story(String story, Map<String, List<Candidate>> known) throws IOException {
      List<Candidate> members = new ArrayList<>();
      List<Candidate> stored = known.get(story);
      for (Candidate member : stored == null ? index.story(story) : stored) {
        if (!excluded.contains(member.id()) && !moved.containsKey(member.id())) {
          members.add(member);
        }
      }
      for (String id : movedInto.getOrDefault(story, Set.of())) { // by id
        members.add(moved.get(id));
      }
      for (int at : stories.getOrDefault(story, List.of())) {
        members.add(candidate(placed.get(at)));
      }
      return members;
    }

    /** Whether an article of id {@code id} was placed in this call. */
    boolean placed(String id) {
      return placedIds.containsKey(id);
    }

    Article article(String id) throws IOException {
      Integer at = placedIds.get(id);
      if (at != null) {
        return placed.get(at).article();
      }
      return index.article(id).orElseThrow(() -> new IOException("no article " + id));
    }

    private static Candidate candidate(Placed one) {
      return new Candidate(
          one.article().id(), one.story(), one.relation(), one.article().date(), one.sketch());
    }
  }
}
