package dev.retold;

import dev.retold.index.ArticleStore;
import dev.retold.index.ArticleStore.IdState;
import dev.retold.index.ArticleStore.Stored;
import dev.retold.index.KeptEmbeddings;
import dev.retold.index.StableStoryIds;
import dev.retold.load.ArticleFiles;
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

/**
 * A story index that lasts: articles are added as they arrive, and each joins the story it retells
 * or starts one, under a story id that never changes. "Is this new article a story we already have,
 * and which one?" is {@link #query}; {@link #add} answers it and keeps the article.
 *
 * <p>Matching is the scan's own: after each {@link #add} the index holds the stories that one
 * {@link Retold#scan(List)} of all its articles gives, whatever order they were added in (this
 * version scans them all again on each add, so an add costs a scan of the index; see
 * docs/PERFORMANCE.md). Story ids are stable: a story keeps the id it got when it was first seen as
 * it grows; when an article bridges two stories, the merged story keeps the older id and the other
 * becomes an alias that {@link #resolve} still answers.
 *
 * <p>Durable: each {@link #add} and {@link #remove} is one Lucene commit, on disk when the call
 * returns, all or nothing if the process dies before. An article's identity is its id: adding an
 * unchanged article again changes nothing; a changed one (other text, title, date or metadata)
 * replaces its old version. Thread-safe: writes are serialised, and reads ({@link #query}, {@link
 * #stories}) see the last commit, also while another process adds. Close it when done.
 */
public final class StoryIndex implements Closeable {
  private static final String CANONICAL = "CANONICAL";

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

  private StoryIndex(ArticleStore store, Retold retold) {
    this.store = store;
    this.retold = retold;
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
    Objects.requireNonNull(retold, "retold");
    return new StoryIndex(ArticleStore.open(folder), retold);
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
    long added = stored.values().stream().mapToLong(Stored::added).max().orElse(0) + 1;
    List<Stored> changed = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : assigned.placed().entrySet()) {
      String id = entry.getKey();
      Stored kept = stored.get(id);
      String story = entry.getValue()[0];
      String relation = entry.getValue()[1];
      boolean fresh = incoming.containsKey(id) && !unchanged.contains(id);
      if (fresh || !kept.story().equals(story) || !kept.relation().equals(relation)) {
        changed.add(
            new Stored(
                all.get(id),
                fresh ? ArticleStore.hash(all.get(id)) : kept.hash(),
                story,
                relation,
                fresh ? added : kept.added()));
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

  private static boolean expired(Article article, LocalDate keepFrom) {
    return keepFrom != null && article.date() != null && article.date().isBefore(keepFrom);
  }

  /**
   * The story {@code article} retells among the index's, without adding it: what {@link #add} would
   * answer, were the article a member of a story of more than itself; else empty.
   */
  public Optional<Match> query(Article article) throws IOException {
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
    Map<String, Stored> stored = store.articles();
    List<String> removed = ids.stream().distinct().filter(stored::containsKey).sorted().toList();
    if (removed.isEmpty()) {
      return removed;
    }
    Map<String, Stored> left = new HashMap<>(stored);
    removed.forEach(left::remove);
    Map<String, Article> all = new HashMap<>();
    left.forEach((id, kept) -> all.put(id, kept.article()));
    Assigned assigned = assign(all, left, store.idState(), ProgressListener.NONE);
    List<Stored> changed = new ArrayList<>();
    assigned
        .placed()
        .forEach(
            (id, placed) -> {
              Stored kept = left.get(id);
              if (!kept.story().equals(placed[0]) || !kept.relation().equals(placed[1])) {
                changed.add(
                    new Stored(kept.article(), kept.hash(), placed[0], placed[1], kept.added()));
              }
            });
    assigned.commit(store, changed, removed);
    return removed;
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
    boolean held =
        store.articles().values().stream().anyMatch(stored -> stored.story().equals(resolved));
    return held ? Optional.of(resolved) : Optional.empty();
  }

  /** How many articles the index holds. */
  public int size() throws IOException {
    return store.articles().size();
  }

  @Override
  public void close() throws IOException {
    store.close();
  }

  /**
   * A scan of {@code all}, its stories given stable ids from the {@code former} stories.
   *
   * @param result the scan
   * @param ids the ids' assignment
   * @param placed each article's story id and relation name
   * @param embedded the embeddings the scan computed, to keep
   * @param unusedEmbeddings the kept embeddings the scan did not use, to drop
   */
  private record Assigned(
      ScanResult result,
      StableStoryIds ids,
      Map<String, String[]> placed,
      Map<String, float[]> embedded,
      Set<String> unusedEmbeddings) {

    /** Commits {@code changed} and {@code removed} with the ids' state and the embeddings. */
    void commit(ArticleStore store, List<Stored> changed, List<String> removed) throws IOException {
      store.commit(
          changed, removed, new IdState(ids.next(), ids.aliases()), embedded, unusedEmbeddings);
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
    Optional<TextEmbedder> model = retold.settings().stories().embedder();
    KeptEmbeddings kept =
        model.isPresent() ? new KeptEmbeddings(model.get(), store.embeddings()) : null;
    Retold scanner = kept == null ? retold : retold.toBuilder().embedder(kept).build();
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
        result,
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
