package dev.retold;

import dev.retold.index.ArticleStore;
import dev.retold.index.ArticleStore.IdState;
import dev.retold.index.ArticleStore.Stored;
import dev.retold.index.KeptEmbeddings;
import dev.retold.index.StableStoryIds;
import dev.retold.index.StoredSketch;
import dev.retold.load.ArticleFiles;
import dev.retold.parallel.ParallelTasks;
import dev.retold.scan.IndexMatcher;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A story index that lasts: articles are added as they arrive, and each joins the story it retells
 * or starts one, under a story id that never changes. "Is this new article a story we already have,
 * and which one?" is {@link #query}; {@link #add} answers it and keeps the article.
 *
 * <p>Matching is the scan's own, in one of two ways by the index's size. While the index holds at
 * most {@link #regroupUpTo()} articles (by default any number), each change regroups them all: the
 * index then holds the stories that one {@link Retold#scan(List)} of its articles gives, whatever
 * order they were added in, and an add costs a scan of the index. Past that size each new article
 * is placed among the stories as they stand, by the scan's rules applied to it alone (its
 * candidates found in the Lucene index by its heaviest terms and sampled shingles, scored with the
 * index's term statistics; see docs/PERFORMANCE.md), and the story it joins is clustered again with
 * it, which may split it (the part with its canonical article keeps its id): two stories a new
 * article bridges stay two and a story keeps its canonical article (unless that leaves the index),
 * until a regroup. An add that finds the index at least twice as large as at its last regroup
 * regroups it once more, while it holds at most {@link #REGROUP_DOUBLED_UP_TO} articles; {@link
 * #rebuild} regroups every article as one scan at any size.
 *
 * <p>Story ids are stable: a story keeps the id it got when it was first seen as it grows; when a
 * regroup merges two stories, the merged story keeps the older id and the other becomes an alias
 * that {@link #resolve} still answers.
 *
 * <p>Durable: each {@link #add} and {@link #remove} is one Lucene commit, on disk when the call
 * returns, all or nothing if the process dies before. An article's identity is its id: adding an
 * unchanged article again changes nothing; a changed one (other text, title, date or metadata)
 * replaces its old version. Thread-safe: writes are serialised, and reads ({@link #query}, {@link
 * #stories}) see the last commit, also while another process adds. Close it when done.
 */
public final class StoryIndex implements Closeable {
  /**
   * The default most articles an index regroups on every change: all of them. Placing new articles
   * among the stories as they stand (a smaller {@code regroupUpTo}, see {@link #open(Path, Retold,
   * int)}) is faster and comes close to a regroup's stories, not to the same (docs/PERFORMANCE.md),
   * so it is asked for.
   */
  public static final int REGROUP_UP_TO = Integer.MAX_VALUE;

  /**
   * Past {@link #regroupUpTo()}, an add that finds the index (with its new articles) at least twice
   * as large as when its sketches were last made regroups it, and makes every sketch again, while
   * it holds at most this many articles: the stories and the term statistics, backgrounds and
   * heaviest terms of the articles placed while the index was half its size or less are then the
   * scan's. Each such regroup costs about a scan and a placing of the index, at least half of it
   * new since the last one, so the work per article at most triples; past this size the statistics
   * barely move and articles are only placed.
   */
  public static final int REGROUP_DOUBLED_UP_TO = 1 << 14;

  private static final String CANONICAL = IndexMatcher.CANONICAL;

  /**
   * One article of an {@link #add}: where it now stands.
   *
   * @param id the article's id
   * @param story its story's id
   * @param relation its relation to the story's canonical article, or {@code null} when it is the
   *     canonical article
   * @param newStory whether this add started the story
   * @param unchanged whether the index held the article already, unchanged (nothing was done)
   */
  public record Added(
      String id, String story, Relation relation, boolean newStory, boolean unchanged) {
    /** The relation's name, or {@code CANONICAL}. */
    public String relationName() {
      return relation == null ? CANONICAL : relation.name();
    }
  }

  /**
   * The story an article retells, as {@link #query} finds it.
   *
   * @param id the queried article's id
   * @param story the story's id
   * @param canonical the story's canonical article, were the queried article added (it may be the
   *     queried article itself)
   * @param relation the queried article's relation to the canonical article, {@code null} when it
   *     would be the canonical article
   * @param similarity its highest story similarity with a member of the story, in [0, 1]
   */
  public record Match(
      String id, String story, String canonical, Relation relation, double similarity) {
    /** The relation's name, or {@code CANONICAL}. */
    public String relationName() {
      return relation == null ? CANONICAL : relation.name();
    }
  }

  /**
   * What an {@link #add} did.
   *
   * @param articles each article added, in the order read
   * @param skipped the files that could not be read as articles, and the articles dated before the
   *     retention window, with their reasons
   * @param expired the ids of the articles that left the index because they were dated before the
   *     retention window, by id
   */
  public record Update(List<Added> articles, List<SkippedFile> skipped, List<String> expired) {
    /** Copies the lists. */
    public Update {
      articles = List.copyOf(articles);
      skipped = List.copyOf(skipped);
      expired = List.copyOf(expired);
    }
  }

  private final ArticleStore store;
  private final Retold retold;
  private final int regroupUpTo;
  private final int regroupDoubledUpTo;

  private StoryIndex(ArticleStore store, Retold retold, int regroupUpTo, int regroupDoubledUpTo) {
    this.store = store;
    this.retold = retold;
    this.regroupUpTo = regroupUpTo;
    this.regroupDoubledUpTo = regroupDoubledUpTo;
  }

  /** Opens (or creates) the index in {@code folder}, matching with the default settings. */
  public static StoryIndex open(Path folder) throws IOException {
    return open(folder, Retold.withDefaults());
  }

  /**
   * Opens (or creates) the index in {@code folder}, matching as {@code retold} scans. Use the same
   * settings (and embedder) every time: the index does not record them.
   */
  public static StoryIndex open(Path folder, Retold retold) throws IOException {
    return open(folder, retold, REGROUP_UP_TO);
  }

  /**
   * Opens (or creates) the index in {@code folder}, matching as {@code retold} scans, regrouping
   * every article on each change while it holds at most {@code regroupUpTo} (see the class comment:
   * 0 places every new article among the stories as they stand).
   */
  public static StoryIndex open(Path folder, Retold retold, int regroupUpTo) throws IOException {
    return open(folder, retold, regroupUpTo, REGROUP_DOUBLED_UP_TO);
  }

  /**
   * {@link #open(Path, Retold, int)} with the size up to which an index that has doubled regroups
   * ({@link #REGROUP_DOUBLED_UP_TO}): 0 never (for tests of placing alone).
   */
  static StoryIndex open(Path folder, Retold retold, int regroupUpTo, int regroupDoubledUpTo)
      throws IOException {
    Objects.requireNonNull(retold, "retold");
    if (regroupUpTo < 0) {
      throw new IllegalArgumentException("regroupUpTo must be >= 0: " + regroupUpTo);
    }
    return new StoryIndex(ArticleStore.open(folder), retold, regroupUpTo, regroupDoubledUpTo);
  }

  /** The most articles this index regroups on every change. */
  public int regroupUpTo() {
    return regroupUpTo;
  }

  /**
   * Adds the articles under {@code path} as a scan reads them (a folder, a JSON Lines or WARC file,
   * or one file). An article's id is its path ({@code path} joined with its path under it, for a
   * folder), or its record's id in a JSON Lines or WARC file.
   */
  public Update add(Path path) throws IOException {
    return addFiles(List.of(path));
  }

  /**
   * Adds the articles under each of {@code paths} (as {@link #add(Path)} reads one) in one commit.
   */
  public Update addFiles(List<Path> paths) throws IOException {
    return addFiles(paths, null, ProgressListener.NONE);
  }

  /** Adds {@code articles} (of one id, the last counts) in one commit; see the class comment. */
  public Update add(List<Article> articles) throws IOException {
    return add(articles, List.of(), null, ProgressListener.NONE);
  }

  /**
   * Adds the articles under each of {@code paths} as {@link #addFiles(List)} does, keeping only
   * articles dated {@code keepFrom} or later: older ones the index holds leave it in the same
   * commit, and older ones read are not added (they are listed as skipped, with their date).
   * Undated articles are always kept. Progress is told as a scan tells it.
   *
   * @param keepFrom the first day of the retention window, or {@code null} to keep every article
   */
  public Update addFiles(List<Path> paths, LocalDate keepFrom, ProgressListener progress)
      throws IOException {
    List<Article> articles = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (Path path : paths) {
      skipped.addAll(read(path, articles));
    }
    return add(articles, skipped, keepFrom, progress);
  }

  private synchronized Update add(
      List<Article> articles,
      List<SkippedFile> skippedFiles,
      LocalDate keepFrom,
      ProgressListener progress)
      throws IOException {
    List<SkippedFile> skipped = new ArrayList<>(skippedFiles);
    Map<String, Article> incoming = new LinkedHashMap<>();
    for (Article article : articles) {
      if (expired(article, keepFrom)) {
        skipped.add(
            new SkippedFile(
                article.id(),
                "dated "
                    + article.date()
                    + ", before the retention window (from "
                    + keepFrom
                    + ")"));
      } else {
        incoming.put(article.id(), article);
      }
    }
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      long total = snapshot.articles() + incoming.size();
      if (total <= regroupUpTo) {
        return regroup(incoming, skipped, keepFrom, snapshot, progress);
      }
      if (total <= regroupDoubledUpTo && total >= 2 * store.idState().sketchedAt()) {
        // grown twofold since the last regroup: once more, and every sketch made again
        Update update = regroup(incoming, skipped, keepFrom, snapshot, progress);
        if (!update.articles().stream().allMatch(Added::unchanged) || !update.expired().isEmpty()) {
          resketch(progress);
        }
        return update;
      }
      return place(incoming, skipped, keepFrom, snapshot);
    }
  }

  /** An add that regroups every article of the index with the new ones. */
  private Update regroup(
      Map<String, Article> incoming,
      List<SkippedFile> skipped,
      LocalDate keepFrom,
      ArticleStore.Snapshot snapshot,
      ProgressListener progress)
      throws IOException {
    Map<String, Stored> stored = new HashMap<>(store.articles());
    List<String> expired = new ArrayList<>();
    for (Stored kept : stored.values()) {
      if (expired(kept.article(), keepFrom)) {
        expired.add(kept.article().id());
      }
    }
    Collections.sort(expired);
    expired.forEach(stored::remove);
    Map<String, Article> all = new HashMap<>();
    stored.forEach((id, kept) -> all.put(id, kept.article()));
    Set<String> unchanged = new HashSet<>();
    for (Article article : incoming.values()) {
      Stored kept = stored.get(article.id());
      if (kept != null && kept.hash().equals(ArticleStore.hash(article))) {
        unchanged.add(article.id());
      } else {
        all.put(article.id(), article);
      }
    }
    if (unchanged.size() == incoming.size() && expired.isEmpty()) {
      List<Added> same = new ArrayList<>();
      for (String id : incoming.keySet()) {
        Stored kept = stored.get(id);
        same.add(new Added(id, kept.story(), relation(kept.relation()), false, true));
      }
      return new Update(same, skipped, List.of());
    }
    Assigned assigned = assign(all, stored, store.idState(), progress);
    long added = snapshot.generation() + 1;
    Map<String, StoredSketch> sketches = new HashMap<>();
    List<Article> fresh = new ArrayList<>();
    for (Article article : incoming.values()) {
      if (!unchanged.contains(article.id())) {
        fresh.add(article);
      }
    }
    Set<String> replaced = new HashSet<>(expired);
    fresh.forEach(article -> replaced.add(article.id()));
    for (IndexMatcher.Placed placed :
        new IndexMatcher(assigned.scanner().settings())
            .place(byId(fresh), snapshot, replaced, () -> "")
            .placed()) {
      sketches.put(placed.article().id(), placed.sketch());
    }
    List<Stored> changed = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : assigned.placed().entrySet()) {
      String id = entry.getKey();
      Stored kept = stored.get(id);
      String story = entry.getValue()[0];
      String relation = entry.getValue()[1];
      boolean isFresh = sketches.containsKey(id);
      if (isFresh) {
        changed.add(Stored.of(all.get(id), story, relation, added, sketches.get(id)));
      } else if (!kept.story().equals(story) || !kept.relation().equals(relation)) {
        changed.add(kept.placed(story, relation));
      }
    }
    assigned.commit(store, changed, expired);
    List<Added> result = new ArrayList<>();
    for (Article article : incoming.values()) {
      String[] placed = assigned.placed().get(article.id());
      result.add(
          new Added(
              article.id(),
              placed[0],
              relation(placed[1]),
              !unchanged.contains(article.id()) && assigned.ids().minted().contains(placed[0]),
              unchanged.contains(article.id())));
    }
    return new Update(result, skipped, expired);
  }

  /**
   * An add that places each new article among the stories as they stand ({@link IndexMatcher}), in
   * id order; a story whose canonical article leaves the index (replaced, or dated before the
   * window) takes its earliest member as canonical ({@link #promote}).
   */
  private Update place(
      Map<String, Article> incoming,
      List<SkippedFile> skipped,
      LocalDate keepFrom,
      ArticleStore.Snapshot snapshot)
      throws IOException {
    Map<String, Added> unchanged = new HashMap<>();
    Map<String, Stored> former = new HashMap<>();
    List<Article> fresh = new ArrayList<>();
    for (Article article : incoming.values()) {
      Optional<Stored> kept = snapshot.stored(article.id());
      if (kept.isPresent() && kept.get().hash().equals(ArticleStore.hash(article))) {
        unchanged.put(
            article.id(),
            new Added(
                article.id(), kept.get().story(), relation(kept.get().relation()), false, true));
      } else {
        fresh.add(article);
        kept.ifPresent(stored -> former.put(article.id(), stored));
      }
    }
    if (regroupUpTo > 0
        && !fresh.isEmpty()
        && snapshot.articles() > 0
        && store.idState().sketchedAt() == 0) {
      // the first add past the regroups: the sketches made while the index was small, again
      resketch(ProgressListener.NONE);
      try (ArticleStore.Snapshot grown = store.snapshot()) {
        return placeIn(incoming, unchanged, former, fresh, skipped, keepFrom, grown);
      }
    }
    return placeIn(incoming, unchanged, former, fresh, skipped, keepFrom, snapshot);
  }

  private Update placeIn(
      Map<String, Article> incoming,
      Map<String, Added> unchanged,
      Map<String, Stored> former,
      List<Article> fresh,
      List<SkippedFile> skipped,
      LocalDate keepFrom,
      ArticleStore.Snapshot snapshot)
      throws IOException {
    List<String> expired = new ArrayList<>();
    LeftStories leftStories = new LeftStories();
    if (keepFrom != null) {
      for (ArticleStore.Candidate old : snapshot.datedBefore(keepFrom)) {
        expired.add(old.id());
        leftStories.left(old.story(), old.relation());
      }
    }
    if (fresh.isEmpty() && expired.isEmpty()) {
      return new Update(new ArrayList<>(unchanged.values()), skipped, List.of());
    }
    former.values().forEach(old -> leftStories.left(old.story(), old.relation()));
    Set<String> excluded = new HashSet<>(expired);
    excluded.addAll(former.keySet());
    IdState state = store.idState();
    long[] next = {state.next()};
    Matching matching = matching(false);
    KeptEmbeddings kept = matching.kept();
    IndexMatcher.Placing placing =
        new IndexMatcher(matching.retold().settings())
            .place(byId(fresh), snapshot, excluded, () -> StableStoryIds.mint(next[0]++));
    long added = snapshot.generation() + 1;
    Map<String, Stored> changed = new LinkedHashMap<>();
    for (Map.Entry<String, IndexMatcher.Moved> moved : placing.moved().entrySet()) {
      Stored was =
          snapshot
              .stored(moved.getKey())
              .orElseThrow(() -> new IOException("no article " + moved.getKey()));
      changed.put(
          moved.getKey(), was.placed(moved.getValue().story(), moved.getValue().relation()));
    }
    Map<String, Added> placedAdded = new HashMap<>();
    for (IndexMatcher.Placed one : placing.placed()) {
      Article article = one.article();
      changed.put(
          article.id(), Stored.of(article, one.story(), one.relation(), added, one.sketch()));
      placedAdded.put(
          article.id(),
          new Added(article.id(), one.story(), relation(one.relation()), one.newStory(), false));
    }
    leftStories.promote(snapshot, excluded, changed);
    Collections.sort(expired);
    store.commit(
        changed.values(),
        expired,
        state.with(next[0], state.aliases()),
        kept == null ? Map.of() : kept.computed(),
        List.of());
    List<Added> result = new ArrayList<>();
    for (String id : incoming.keySet()) {
      Added one = unchanged.containsKey(id) ? unchanged.get(id) : placedAdded.get(id);
      Stored now = changed.get(id);
      result.add(
          now == null
              ? one
              : new Added(
                  id, now.story(), relation(now.relation()), one.newStory(), one.unchanged()));
    }
    return new Update(result, skipped, expired);
  }

  /** The stories articles leave in one change, and whether a canonical article left each. */
  private final class LeftStories {
    private final Map<String, Boolean> canonicalLeft = new HashMap<>();

    /** An article with relation {@code relation} left story {@code story}. */
    void left(String story, String relation) {
      canonicalLeft.merge(story, CANONICAL.equals(relation), Boolean::logicalOr);
    }

    /** Gives each story whose canonical article left it a new canonical article. */
    void promote(ArticleStore.Snapshot snapshot, Set<String> excluded, Map<String, Stored> changed)
        throws IOException {
      for (Map.Entry<String, Boolean> story : canonicalLeft.entrySet()) {
        if (story.getValue()) {
          StoryIndex.this.promote(story.getKey(), snapshot, excluded, changed);
        }
      }
    }
  }

  /**
   * Gives story {@code story}, whose canonical article left it, a new one: its earliest dated
   * member (undated ones last), then the smallest id; the others keep their relations until a
   * {@link #rebuild}. A story left empty is gone.
   */
  private void promote(
      String story,
      ArticleStore.Snapshot snapshot,
      Set<String> excluded,
      Map<String, Stored> changed)
      throws IOException {
    List<Stored> members = new ArrayList<>();
    for (ArticleStore.Candidate member : snapshot.story(story)) {
      if (!excluded.contains(member.id()) && !changed.containsKey(member.id())) {
        members.add(snapshot.stored(member.id()).orElseThrow());
      }
    }
    for (Stored member : changed.values()) {
      if (member.story().equals(story)) {
        members.add(member);
      }
    }
    if (members.stream().anyMatch(member -> CANONICAL.equals(member.relation()))) {
      return; // a new version of the canonical article is in it again
    }
    members.stream()
        .min(
            Comparator.comparing(
                    (Stored member) -> member.article().date(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(member -> member.article().id()))
        .ifPresent(first -> changed.put(first.article().id(), first.placed(story, CANONICAL)));
  }

  private IndexMatcher matcher() {
    return new IndexMatcher(retold.settings());
  }

  private static List<Article> byId(Collection<Article> articles) {
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(Comparator.comparing(Article::id));
    return sorted;
  }

  private static boolean expired(Article article, LocalDate keepFrom) {
    return keepFrom != null && article.date() != null && article.date().isBefore(keepFrom);
  }

  /**
   * The story {@code article} retells among the index's, without adding it: what {@link #add} would
   * answer, were the article a member of a story of more than itself; else empty.
   */
  public Optional<Match> query(Article article) throws IOException {
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      if (snapshot.articles() + 1 > regroupUpTo) {
        IndexMatcher.Placed placed =
            matcher()
                .place(List.of(article), snapshot, Set.of(article.id()), () -> "")
                .placed()
                .get(0);
        return placed.newStory()
            ? Optional.empty()
            : Optional.of(
                new Match(
                    article.id(),
                    placed.story(),
                    placed.canonical(),
                    relation(placed.relation()),
                    placed.similarity()));
      }
    }
    Map<String, Stored> stored = store.articles();
    Map<String, Article> all = new HashMap<>();
    stored.forEach((id, kept) -> all.put(id, kept.article()));
    all.put(article.id(), article);
    Map<String, Stored> others = new HashMap<>(stored);
    others.remove(article.id());
    Assigned assigned = assign(all, others, store.idState(), ProgressListener.NONE);
    Story story = assigned.result().storyOf(article.id()).orElseThrow();
    if (story.size() == 1) {
      return Optional.empty();
    }
    String[] placed = assigned.placed().get(article.id());
    return Optional.of(
        new Match(
            article.id(),
            placed[0],
            story.canonical(),
            relation(placed[1]),
            similarity(assigned.result(), article.id())));
  }

  /**
   * {@link #query(Article)} of the file {@code file}, read as a scan reads it (its id: its path).
   */
  public Optional<Match> query(Path file) throws IOException {
    return query(ArticleFiles.read(file, file.toString(), retold.settings().loading()));
  }

  /**
   * Removes the articles of these ids (an id the index does not hold is ignored) in one commit, and
   * regroups the rest; a story that loses articles keeps its id.
   *
   * @return the ids removed
   */
  public synchronized List<String> remove(Collection<String> ids) throws IOException {
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      List<String> removed = new ArrayList<>();
      LeftStories leftStories = new LeftStories();
      for (String id : new HashSet<>(ids)) {
        Optional<Stored> kept = snapshot.stored(id);
        if (kept.isPresent()) {
          removed.add(id);
          leftStories.left(kept.get().story(), kept.get().relation());
        }
      }
      Collections.sort(removed);
      if (removed.isEmpty()) {
        return removed;
      }
      if (snapshot.articles() - removed.size() <= regroupUpTo) {
        regroupAll(new HashSet<>(removed), ProgressListener.NONE);
        return removed;
      }
      Map<String, Stored> changed = new LinkedHashMap<>();
      Set<String> excluded = new HashSet<>(removed);
      leftStories.promote(snapshot, excluded, changed);
      store.commit(changed.values(), removed, store.idState());
      return removed;
    }
  }

  /**
   * Regroups every article of the index as one scan of them all, whatever its size, as an index of
   * at most {@link #regroupUpTo()} articles does on each change: stories keep their ids (a merged
   * story the older one, the other an alias), and every article its sketch. Costs a scan of the
   * index; one commit.
   *
   * @return how many articles changed story or relation
   */
  public synchronized int rebuild(ProgressListener progress) throws IOException {
    int moved = regroupAll(Set.of(), progress);
    resketch(progress);
    return moved;
  }

  /**
   * Makes every article's sketch again against the index as it now stands (its term statistics, its
   * neighbourhoods), in one commit: the sketches made while the index was small were weighed by few
   * articles and had few neighbours.
   */
  private void resketch(ProgressListener progress) throws IOException {
    List<Stored> all = ArticleStore.byId(store.articles());
    IndexMatcher matcher = new IndexMatcher(matching(true).retold().settings());
    Stored[] sketched = new Stored[all.size()];
    AtomicLong done = new AtomicLong();
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      ParallelTasks.run(
          retold.settings().threads(),
          all.size(),
          () -> null,
          (k, scratch) -> {
            Stored stored = all.get(k);
            sketched[k] = stored.withSketch(matcher.sketch(stored.article(), snapshot));
            progress.progress("sketch", done.incrementAndGet(), all.size());
          });
    }
    IdState state = store.idState();
    store.commit(
        List.of(sketched),
        List.of(),
        new IdState(state.next(), state.aliases(), all.size()),
        Map.of(),
        List.of());
  }

  /** Removes {@code removed} and regroups the rest as one scan, in one commit. */
  private int regroupAll(Set<String> removed, ProgressListener progress) throws IOException {
    Map<String, Stored> left = new HashMap<>(store.articles());
    removed.forEach(left::remove);
    Map<String, Article> all = new HashMap<>();
    left.forEach((id, kept) -> all.put(id, kept.article()));
    Assigned assigned = assign(all, left, store.idState(), progress);
    List<Stored> changed = new ArrayList<>();
    assigned
        .placed()
        .forEach(
            (id, placed) -> {
              Stored kept = left.get(id);
              if (!kept.story().equals(placed[0]) || !kept.relation().equals(placed[1])) {
                changed.add(kept.placed(placed[0], placed[1]));
              }
            });
    List<String> gone = new ArrayList<>(removed);
    Collections.sort(gone);
    assigned.commit(store, changed, gone);
    return changed.size();
  }

  /**
   * Every story of the index, as a scan result of its articles: the articles by id, the stories
   * under their stable ids, largest first. It keeps no pairs or copy groups: {@link #add} returns
   * where each article stands, and {@link Retold#scan} of the same files gives the evidence.
   */
  public ScanResult stories() throws IOException {
    List<Stored> articles = ArticleStore.byId(store.articles());
    Map<String, String> canonical = new HashMap<>();
    Map<String, List<StoryMember>> members = new HashMap<>();
    List<ArticleInfo> infos = new ArrayList<>();
    for (Stored stored : articles) {
      infos.add(stored.article().info());
      members.computeIfAbsent(stored.story(), story -> new ArrayList<>());
      Relation relation = relation(stored.relation());
      if (relation == null) {
        canonical.put(stored.story(), stored.article().id());
      } else {
        members.get(stored.story()).add(new StoryMember(stored.article().id(), relation));
      }
    }
    List<Story> stories = new ArrayList<>();
    members.forEach(
        (id, list) -> {
          list.sort(Comparator.comparing(StoryMember::relation).thenComparing(StoryMember::id));
          stories.add(new Story(id, canonical.get(id), list));
        });
    stories.sort(
        Comparator.comparingInt(Story::size)
            .reversed()
            .thenComparing(Story::id, StableStoryIds::compare));
    int groups = (int) stories.stream().filter(story -> story.size() > 1).count();
    return new ScanResult(
        infos,
        stories,
        List.of(),
        List.of(),
        List.of(),
        new ScanSummary(infos.size(), infos.size(), 0, groups, 0));
  }

  /** The story {@code storyId} stands for now (itself, or what it merged into), if any holds it. */
  public Optional<String> resolve(String storyId) throws IOException {
    String resolved = StableStoryIds.resolve(storyId, store.idState().aliases());
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      return snapshot.story(resolved).isEmpty() ? Optional.empty() : Optional.of(resolved);
    }
  }

  /** How many articles the index holds. */
  public int size() throws IOException {
    try (ArticleStore.Snapshot snapshot = store.snapshot()) {
      return snapshot.articles();
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }

  /**
   * The settings matching runs under: with the semantic signal on, the embedder answers from the
   * embeddings the index keeps ({@code kept}, null without it; all of them if {@code stored}, else
   * none yet) and embeds only texts it lacks.
   */
  private record Matching(Retold retold, KeptEmbeddings kept) {}

  private Matching matching(boolean stored) throws IOException {
    Optional<TextEmbedder> model = retold.settings().stories().embedder();
    if (model.isEmpty()) {
      return new Matching(retold, null);
    }
    KeptEmbeddings kept = new KeptEmbeddings(model.get(), stored ? store.embeddings() : Map.of());
    return new Matching(retold.toBuilder().embedder(kept).build(), kept);
  }

  /**
   * A scan of {@code all}, its stories given stable ids from the {@code former} stories.
   *
   * @param scanner the scanner, its embedder answering from the index's kept embeddings
   * @param result the scan
   * @param state the ids' state the assignment started from
   * @param ids the ids' assignment
   * @param placed each article's story id and relation name
   * @param embedded the embeddings the scan computed, to keep
   * @param unusedEmbeddings the kept embeddings the scan did not use, to drop
   */
  private record Assigned(
      Retold scanner,
      ScanResult result,
      IdState state,
      StableStoryIds ids,
      Map<String, String[]> placed,
      Map<String, float[]> embedded,
      Set<String> unusedEmbeddings) {

    /** Commits {@code changed} and {@code removed} with the ids' state and the embeddings. */
    void commit(ArticleStore store, List<Stored> changed, List<String> removed) throws IOException {
      store.commit(
          changed, removed, state.with(ids.next(), ids.aliases()), embedded, unusedEmbeddings);
    }
  }

  private Assigned assign(
      Map<String, Article> all,
      Map<String, Stored> former,
      IdState state,
      ProgressListener progress)
      throws IOException {
    List<Article> articles = new ArrayList<>(all.values());
    articles.sort(Comparator.comparing(Article::id));
    Matching matching = matching(true);
    KeptEmbeddings kept = matching.kept();
    Retold scanner = matching.retold();
    ScanResult result;
    try (ArticleSource source = ArticleSource.of(articles)) {
      result = scanner.scan(source, progress);
    }
    List<List<String>> stories = new ArrayList<>();
    for (Story story : result.stories()) {
      List<String> ids = new ArrayList<>();
      ids.add(story.canonical());
      story.members().forEach(member -> ids.add(member.id()));
      stories.add(ids);
    }
    Map<String, String> formerIds = new HashMap<>();
    former.forEach((id, stored) -> formerIds.put(id, stored.story()));
    StableStoryIds ids = StableStoryIds.assign(stories, formerIds, state.aliases(), state.next());
    Map<String, String[]> placed = new HashMap<>();
    for (int s = 0; s < result.stories().size(); s++) {
      Story story = result.stories().get(s);
      placed.put(story.canonical(), new String[] {ids.ids().get(s), CANONICAL});
      for (StoryMember member : story.members()) {
        placed.put(member.id(), new String[] {ids.ids().get(s), member.relation().name()});
      }
    }
    return new Assigned(
        scanner,
        result,
        state,
        ids,
        placed,
        kept == null ? Map.of() : kept.computed(),
        kept == null ? Set.of() : kept.unused());
  }

  private static Relation relation(String name) {
    return CANONICAL.equals(name) ? null : Relation.valueOf(name);
  }

  private static double similarity(ScanResult result, String id) {
    double best = 0;
    for (ArticlePair pair : result.pairs()) {
      if (pair.a().equals(id) || pair.b().equals(id)) {
        best = Math.max(best, pair.similarity());
      }
    }
    for (CopyGroup group : result.copyGroups()) {
      if (group.members().contains(id)) {
        best = Math.max(best, group.evidence().similarity());
      }
    }
    return best;
  }

  private List<SkippedFile> read(Path path, List<Article> articles) throws IOException {
    if (Files.isRegularFile(path) && !ArticleFiles.isCollection(path)) {
      try {
        articles.add(ArticleFiles.read(path, path.toString(), retold.settings().loading()));
        return List.of();
      } catch (IOException notAnArticle) {
        return List.of(new SkippedFile(path.toString(), notAnArticle.getMessage()));
      }
    }
    String prefix = Files.isDirectory(path) ? path.toString().replace('\\', '/') + "/" : "";
    try (ArticleSource source =
        ArticleFiles.source(path, retold.settings(), ProgressListener.NONE)) {
      List<SkippedFile> skipped =
          source.read(
              batch ->
                  batch.forEach(
                      located -> {
                        Article article = located.article();
                        articles.add(
                            new Article(
                                prefix + article.id(),
                                article.title(),
                                article.date(),
                                article.body(),
                                article.metadata(),
                                article.removedLines(),
                                article.sourceMap()));
                      }));
      List<SkippedFile> named = new ArrayList<>();
      skipped.forEach(file -> named.add(new SkippedFile(prefix + file.path(), file.reason())));
      return named;
    }
  }
}
