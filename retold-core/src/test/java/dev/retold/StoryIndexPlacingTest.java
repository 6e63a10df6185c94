package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.evaluate.ClusteringScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A story index past the size it regroups at: each new article is placed among the stories as they
 * stand ({@code regroupUpTo} 0 places every one), and {@link StoryIndex#rebuild} regroups.
 */
class StoryIndexPlacingTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");
  private static final String ORIGINAL = SEEDS.resolve("003_6669a427d399b261.txt").toString();

  private static List<Path> seeds() throws IOException {
    try (Stream<Path> files = Files.list(SEEDS)) {
      return files.sorted().toList();
    }
  }

  /** An index that places every new article, never regrouping (not even once it has doubled). */
  private static StoryIndex placing(Path folder) throws IOException {
    return placing(folder, Retold.withDefaults());
  }

  private static StoryIndex placing(Path folder, Retold retold) throws IOException {
    return StoryIndex.open(folder, retold, 0, 0);
  }

  @Test
  void theSeedsPlacedOneAtATimeAfterTheOriginalJoinItsStoryEachWithItsRelation(@TempDir Path temp)
      throws IOException {
    try (StoryIndex index = placing(temp.resolve("index"))) {
      StoryIndex.Added first = index.add(Path.of(ORIGINAL)).articles().get(0);
      assertThat(first.newStory()).isTrue();
      assertThat(first.relation()).isNull();
      Map<String, Relation> relations = new HashMap<>();
      for (Path seed : seeds()) {
        if (!seed.toString().equals(ORIGINAL)) {
          StoryIndex.Added added = index.add(seed).articles().get(0);
          assertThat(added.story()).as(seed.toString()).isEqualTo(first.story());
          assertThat(added.newStory()).isFalse();
          relations.put(seed.getFileName().toString().substring(0, 3), added.relation());
        }
      }
      assertThat(relations)
          .containsEntry("000", Relation.DERIVED)
          .containsEntry("001", Relation.DERIVED)
          .containsEntry("002", Relation.DERIVED)
          .containsEntry("004", Relation.SAME_STORY);
      Story story = index.stories().stories().get(0);
      assertThat(story.id()).isEqualTo(first.story());
      assertThat(story.canonical()).isEqualTo(ORIGINAL);
      assertThat(story.size()).isEqualTo(5);
    }
  }

  @Test
  void aQueryPlacesTheArticleWithoutAddingIt(@TempDir Path temp) throws IOException {
    try (StoryIndex index = placing(temp.resolve("index"))) {
      String story = index.add(Path.of(ORIGINAL)).articles().get(0).story();
      Path copy = Files.copy(Path.of(ORIGINAL), temp.resolve("fresh-copy.txt"));

      StoryIndex.Match match = index.query(copy).orElseThrow();

      assertThat(match.story()).isEqualTo(story);
      assertThat(match.canonical()).isEqualTo(ORIGINAL);
      assertThat(match.relation()).isEqualTo(Relation.DUPLICATE);
      assertThat(match.similarity()).isGreaterThan(0.9);
      assertThat(index.size()).isEqualTo(1);
      Path unrelated =
          Files.writeString(
              temp.resolve("unrelated.txt"),
              "The county fair opened on Saturday with a pie contest and a tractor parade.");
      assertThat(index.query(unrelated)).isEmpty();
    }
  }

  @Test
  void aStoryWhoseCanonicalArticleIsRemovedTakesItsEarliestMember(@TempDir Path temp)
      throws IOException {
    try (StoryIndex index = placing(temp.resolve("index"))) {
      String story = index.add(Path.of(ORIGINAL)).articles().get(0).story();
      for (Path seed : seeds()) {
        index.add(seed);
      }
      assertThat(index.remove(List.of(ORIGINAL))).containsExactly(ORIGINAL);

      Story left = index.stories().stories().get(0);
      assertThat(left.id()).isEqualTo(story);
      assertThat(left.size()).isEqualTo(4);
      assertThat(left.canonical()).isNotEqualTo(ORIGINAL);
      assertThat(index.resolve(story)).contains(story);
    }
  }

  @Test
  void anIndexRegroupsUntilItsSizeThenPlacesAndARebuildRegroupsAgain(@TempDir Path temp)
      throws IOException {
    List<Path> seeds = seeds();
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"), Retold.withDefaults(), 2, 0)) {
      // 000 then 001: regrouped, as a scan of the two; then placed, and 003 joins as a member
      index.add(seeds.get(0));
      index.add(seeds.get(1));
      for (Path seed : seeds.subList(2, seeds.size())) {
        index.add(seed);
      }
      ScanResult placed = index.stories();
      assertThat(placed.stories()).hasSize(1);
      assertThat(placed.stories().get(0).canonical()).isNotEqualTo(ORIGINAL);

      assertThat(index.rebuild(ProgressListener.NONE)).isPositive();

      Story rebuilt = index.stories().stories().get(0);
      assertThat(rebuilt.id()).isEqualTo(placed.stories().get(0).id());
      assertThat(rebuilt.canonical()).isEqualTo(ORIGINAL);
    }
  }

  /**
   * Placing prepares articles ahead on the settings' threads: one thread or two, in one call or in
   * several, the same articles end in the same stories with the same relations.
   */
  @Test
  void whatIsPlacedDoesNotDependOnThreads(@TempDir Path temp) throws IOException {
    List<Article> articles = new ArrayList<>(RandomArticles.planted(11));
    Collections.shuffle(articles, new Random(11));
    Map<String, String> one = placed(temp.resolve("one"), 1, articles, articles.size());
    assertThat(placed(temp.resolve("two"), 2, articles, articles.size())).isEqualTo(one);
    Map<String, String> inBatches = placed(temp.resolve("batches"), 2, articles, 50);
    assertThat(placed(temp.resolve("batches-one"), 1, articles, 50)).isEqualTo(inBatches);
    assertThat(new HashSet<>(one.values())).hasSizeGreaterThan(60).hasSizeLessThan(200);
  }

  /**
   * Past {@code regroupUpTo} an index that has doubled since its last regroup regroups once more:
   * the original, placed third as a member of the story its rewrite started, is the story's
   * canonical article after the fourth add (the index doubled from two to four), under the id the
   * first add gave; an index that only places keeps the rewrite as canonical.
   */
  @Test
  void anIndexThatHasDoubledRegroupsOnceMore(@TempDir Path temp) throws IOException {
    List<Path> seeds = seeds(); // 000, 001, 002, 003 (the original), 004
    List<Path> order = List.of(seeds.get(0), seeds.get(1), seeds.get(3), seeds.get(2));
    try (StoryIndex doubling = StoryIndex.open(temp.resolve("doubling"), Retold.withDefaults(), 0);
        StoryIndex placing = placing(temp.resolve("placing"))) {
      String story = doubling.add(order.get(0)).articles().get(0).story();
      placing.add(order.get(0));
      for (Path seed : order.subList(1, 3)) {
        doubling.add(seed);
        placing.add(seed);
      }
      assertThat(doubling.stories().stories().get(0).canonical()).isNotEqualTo(ORIGINAL);
      doubling.add(order.get(3));
      placing.add(order.get(3));

      Story regrouped = doubling.stories().stories().get(0);
      assertThat(regrouped.id()).isEqualTo(story);
      assertThat(regrouped.canonical()).isEqualTo(ORIGINAL);
      assertThat(regrouped.size()).isEqualTo(4);
      assertThat(placing.stories().stories().get(0).canonical()).isNotEqualTo(ORIGINAL);
    }
  }

  /**
   * Added ten at a time in a shuffled order past {@code regroupUpTo} 0 (regrouped only when the
   * index has doubled: at 10, 20, 40, 80 and 160 articles, the rest placed), the planted stories
   * end nearly as one scan finds them: an article that joined a story it only resembles before its
   * own story's articles arrived leaves with them once they come (the joined story is clustered
   * again).
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void placedArticlesEndInTheStoriesOneScanFinds(long seed, @TempDir Path temp) throws IOException {
    List<Article> articles = new ArrayList<>(RandomArticles.planted(seed));
    Collections.shuffle(articles, new Random(seed));
    Map<String, String> scanned = storyOfEach(Retold.withDefaults().scan(articles), articles);
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"), Retold.withDefaults(), 0)) {
      for (int from = 0; from < articles.size(); from += 10) {
        index.add(articles.subList(from, Math.min(articles.size(), from + 10)));
      }
      Map<String, String> placed = storyOfEach(index.stories(), articles);
      // 0.71-0.78 when a joined story is not clustered again
      assertThat(ClusteringScores.of(placed, scanned).pairwiseF1()).isGreaterThan(0.88);
    }
  }

  /** Each article's story id, or its own id when it is in no story. */
  private static Map<String, String> storyOfEach(ScanResult result, List<Article> articles) {
    Map<String, Story> stories = result.storyIndex();
    Map<String, String> storyOf = new HashMap<>();
    for (Article article : articles) {
      Story story = stories.get(article.id());
      storyOf.put(article.id(), story == null ? article.id() : story.id());
    }
    return storyOf;
  }

  /** Each article's story and relation, the articles added {@code batch} at a time. */
  private static Map<String, String> placed(
      Path folder, int threads, List<Article> articles, int batch) throws IOException {
    Retold retold = Retold.builder().threads(threads).build();
    Map<String, String> placed = new HashMap<>();
    try (StoryIndex index = placing(folder, retold)) {
      for (int from = 0; from < articles.size(); from += batch) {
        List<Article> part = articles.subList(from, Math.min(articles.size(), from + batch));
        for (StoryIndex.Added added : index.add(part).articles()) {
          placed.put(added.id(), added.story() + " " + added.relationName());
        }
      }
    }
    return placed;
  }
}
