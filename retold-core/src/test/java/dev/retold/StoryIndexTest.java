package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.load.ArticleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The persistent story index: one article at a time ends as one scan of them all, under stable ids.
 */
class StoryIndexTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  private static List<Path> seeds() throws IOException {
    try (Stream<Path> files = Files.list(SEEDS)) {
      return files.sorted().toList();
    }
  }

  @Test
  void theSeedsAddedOneFileAtATimeAreOneStoryUnderTheIdOfTheFirstAdd(@TempDir Path temp)
      throws IOException {
    String first;
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      List<Path> seeds = seeds();
      StoryIndex.Update update = index.add(seeds.get(0));
      first = update.articles().get(0).story();
      assertThat(update.articles().get(0).newStory()).isTrue();
      for (Path seed : seeds.subList(1, seeds.size())) {
        StoryIndex.Added added = index.add(seed).articles().get(0);
        assertThat(added.story()).isEqualTo(first);
        assertThat(added.newStory()).isFalse();
      }
    }
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) { // as found on disk
      ScanResult stories = index.stories();
      assertThat(stories.stories()).hasSize(1);
      Story story = stories.stories().get(0);
      assertThat(story.id()).isEqualTo(first);
      assertThat(story.canonical()).isEqualTo(SEEDS.resolve("003_6669a427d399b261.txt").toString());
      assertThat(story.members())
          .extracting(StoryMember::relation)
          .containsExactly(
              Relation.DERIVED, Relation.DERIVED, Relation.DERIVED, Relation.SAME_STORY);
    }
  }

  @Test
  void aQueryFindsTheStoryWithoutAddingTheArticle(@TempDir Path temp) throws IOException {
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      String story = index.add(SEEDS).articles().get(0).story();
      Path copy = Files.copy(SEEDS.resolve("000_6eb4ee3ca36ee36b.txt"), temp.resolve("copy.txt"));

      StoryIndex.Match match = index.query(copy).orElseThrow();

      assertThat(match.story()).isEqualTo(story);
      assertThat(match.canonical()).endsWith("003_6669a427d399b261.txt");
      assertThat(match.relation()).isEqualTo(Relation.DERIVED);
      assertThat(match.similarity()).isGreaterThan(0.5);
      assertThat(index.size()).isEqualTo(5);
      Path unrelated = Files.writeString(temp.resolve("other.txt"), "Rain is forecast for Lisbon.");
      assertThat(index.query(unrelated)).isEmpty();
    }
  }

  @Test
  void anUnchangedFileIsANoOpAndAChangedOneReplacesItsOldVersion(@TempDir Path temp)
      throws IOException {
    Path folder = Files.createDirectories(temp.resolve("news"));
    for (Path seed : seeds()) {
      Files.copy(seed, folder.resolve(seed.getFileName()));
    }
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      index.add(folder);
      Path file = folder.resolve("004_d6e9b4307be571ab.txt");
      StoryIndex.Added again = index.add(file).articles().get(0);
      assertThat(again.unchanged()).isTrue();
      assertThat(again.relation()).isEqualTo(Relation.SAME_STORY);

      Files.writeString(file, "The weather in Lisbon stays dry this week, forecasters say.");
      StoryIndex.Added changed = index.add(file).articles().get(0);
      assertThat(changed.unchanged()).isFalse();
      assertThat(changed.relation()).isNull(); // a story of its own now
      assertThat(changed.newStory()).isTrue();
      assertThat(index.size()).isEqualTo(5);
      assertThat(index.stories().stories().get(0).size()).isEqualTo(4);
    }
  }

  @Test
  void aStoryThatLosesItsCanonicalArticleKeepsItsId(@TempDir Path temp) throws IOException {
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      String story = index.add(SEEDS).articles().get(0).story();
      String canonical = SEEDS.resolve("003_6669a427d399b261.txt").toString();

      assertThat(index.remove(List.of(canonical, "not/held.txt"))).containsExactly(canonical);

      Story left = index.stories().stories().get(0);
      assertThat(left.id()).isEqualTo(story);
      assertThat(left.size()).isEqualTo(4);
      assertThat(index.resolve(story)).contains(story);
      assertThat(index.resolve("s999")).isEmpty();
    }
  }

  @Test
  void articlesDatedBeforeTheRetentionWindowLeaveTheIndexOrAreNotAdded(@TempDir Path temp)
      throws IOException {
    Path old = Files.writeString(temp.resolve("old.txt"), "date 2026-01-02\nThe harbour froze.");
    Path undated = Files.writeString(temp.resolve("undated.txt"), "A bakery opened in Turku.");
    Path recent =
        Files.writeString(temp.resolve("recent.txt"), "date 2026-03-01\nA bridge opened.");
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      index.addFiles(List.of(old, undated));
      LocalDate keepFrom = LocalDate.of(2026, 2, 1);

      StoryIndex.Update update =
          index.addFiles(List.of(recent, old), keepFrom, ProgressListener.NONE);

      assertThat(update.expired()).containsExactly(old.toString());
      assertThat(update.articles())
          .extracting(StoryIndex.Added::id)
          .containsExactly(recent.toString());
      assertThat(update.skipped())
          .containsExactly(
              new SkippedFile(
                  old.toString(),
                  "dated 2026-01-02, before the retention window (from 2026-02-01)"));
      assertThat(index.stories().articles())
          .extracting(ArticleInfo::id)
          .containsExactly(recent.toString(), undated.toString());
    }
  }

  @Test
  void aFolderThatHoldsSomethingElseIsRefused(@TempDir Path temp) throws IOException {
    Path other = temp.resolve("other");
    try (org.apache.lucene.index.IndexWriter writer =
        new org.apache.lucene.index.IndexWriter(
            org.apache.lucene.store.FSDirectory.open(other),
            new org.apache.lucene.index.IndexWriterConfig())) {
      writer.addDocument(new org.apache.lucene.document.Document());
      writer.commit();
    }
    assertThatThrownBy(() -> StoryIndex.open(other))
        .isInstanceOf(IOException.class)
        .hasMessage(other + " holds a Lucene index that is not a Retold story index");
    Path file = Files.writeString(temp.resolve("file.txt"), "not a folder");
    assertThatThrownBy(() -> StoryIndex.open(file)).hasMessage("not a folder: " + file);
  }

  @Test
  void readersSeeTheLastCommitWhileAnAddRuns(@TempDir Path temp) throws Exception {
    Path folder = temp.resolve("index");
    try (StoryIndex writer = StoryIndex.open(folder);
        StoryIndex reader = StoryIndex.open(folder)) { // as another process would
      writer.add(SEEDS);
      java.util.concurrent.ExecutorService thread =
          java.util.concurrent.Executors.newSingleThreadExecutor();
      java.util.concurrent.Future<StoryIndex.Update> adding =
          thread.submit(() -> writer.add(RandomArticles.planted(3)));
      thread.shutdown();
      Path copy = Files.copy(SEEDS.resolve("001_893e1b22cc0b54cc.txt"), temp.resolve("copy.txt"));
      int reads = 0;
      while (!adding.isDone() || reads == 0) {
        int size = reader.stories().articles().size();
        assertThat(size).isIn(5, 5 + 240); // before the add's commit, or after it
        assertThat(reader.query(copy)).isPresent();
        reads++;
      }
      assertThat(adding.get().articles()).hasSize(240);
      assertThat(reader.size()).isEqualTo(245);
    }
  }

  @Test
  void withAnEmbedderEachTextIsEmbeddedOnceAcrossAddsAndTheStoriesAreTheScans(@TempDir Path temp)
      throws IOException {
    WordsEmbedder embedder = new WordsEmbedder();
    Retold retold = Retold.builder().embedder(embedder).build();
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"), retold)) {
      for (Path seed : seeds()) {
        index.add(seed);
      }
      assertThat(embedder.calls).hasValue(5);
      List<Article> articles = new ArrayList<>();
      for (Path seed : seeds()) {
        articles.add(ArticleFiles.read(seed, seed.toString(), retold.settings().loading()));
      }
      assertThat(partition(index.stories())).isEqualTo(partition(retold.scan(articles)));
    }
    try (StoryIndex reopened = StoryIndex.open(temp.resolve("index"), retold)) {
      embedder.calls.set(0);
      Path copy = Files.copy(SEEDS.resolve("002_15fc58843f25bcb7.txt"), temp.resolve("copy.txt"));
      assertThat(reopened.query(copy)).isPresent();
      assertThat(embedder.calls).hasValue(0); // the same text as a kept one
      Path edited =
          Files.writeString(
              temp.resolve("edited.txt"),
              "Seoul, Tuesday. " + Files.readString(SEEDS.resolve("000_6eb4ee3ca36ee36b.txt")));
      assertThat(reopened.query(edited)).isPresent();
      assertThat(embedder.calls).hasValue(1); // the new text alone: the rest were kept
    }
  }

  /**
   * Planted stories (an original, an edited copy, an excerpt) and unrelated articles, added one at
   * a time in a seeded order: the stories are those of one scan of them all, each under an id of
   * its own.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void articlesAddedOneAtATimeInAnyOrderEndAsOneScanOfThemAll(long seed, @TempDir Path temp)
      throws IOException {
    List<Article> articles = new ArrayList<>(RandomArticles.planted(7).subList(0, 32));
    List<Article> withSeeds = new ArrayList<>(articles);
    for (Path file : seeds()) {
      withSeeds.add(ArticleFiles.read(file, file.toString(), RetoldSettings.defaults().loading()));
    }
    Collections.shuffle(withSeeds, new Random(seed));
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"))) {
      for (Article article : withSeeds) {
        assertThat(index.add(List.of(article)).articles()).hasSize(1);
      }
      ScanResult indexed = index.stories();
      ScanResult scanned = Retold.withDefaults().scan(withSeeds);

      assertThat(partition(indexed)).isEqualTo(partition(scanned));
      assertThat(indexed.stories().stream().map(Story::id).distinct())
          .hasSameSizeAs(indexed.stories());
      for (Story story : indexed.stories()) {
        Story same = scanned.storyOf(story.canonical()).orElseThrow();
        assertThat(story.canonical()).isEqualTo(same.canonical());
        assertThat(story.members()).containsExactlyElementsOf(same.members());
      }
    }
  }

  private static Set<Set<String>> partition(ScanResult result) {
    Set<Set<String>> stories = new java.util.HashSet<>();
    for (Story story : result.stories()) {
      Set<String> ids = new TreeSet<>();
      ids.add(story.canonical());
      ids.addAll(story.members().stream().map(StoryMember::id).collect(Collectors.toList()));
      stories.add(ids);
    }
    return stories;
  }
}
