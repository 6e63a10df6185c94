package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static StoryIndex placing(Path folder) throws IOException {
    return StoryIndex.open(folder, Retold.withDefaults(), 0);
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
    try (StoryIndex index = StoryIndex.open(temp.resolve("index"), Retold.withDefaults(), 2)) {
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

  /** Each article's story and relation, the articles added {@code batch} at a time. */
  private static Map<String, String> placed(
      Path folder, int threads, List<Article> articles, int batch) throws IOException {
    Retold retold = Retold.builder().threads(threads).build();
    Map<String, String> placed = new HashMap<>();
    try (StoryIndex index = StoryIndex.open(folder, retold, 0)) {
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
