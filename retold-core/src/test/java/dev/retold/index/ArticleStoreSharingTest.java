package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.index.ArticleStore.Candidate;
import dev.retold.index.ArticleStore.IdState;
import dev.retold.index.ArticleStore.Stored;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArticleStore.Snapshot#sharing}: who shares enough terms, the heaviest first. */
class ArticleStoreSharingTest {
  @TempDir Path folder;

  @Test
  void rarerSharedTermsWeighMoreAndTiesGoToTheSmallerId() throws IOException {
    // term 1 is held by every article, 2 by three, 3 by one: sharing 3 weighs most
    try (ArticleStore store = ArticleStore.open(folder.resolve("index"))) {
      store.commit(
          List.of(
              stored("a", 1, 2),
              stored("b", 1, 2),
              stored("c", 1, 3),
              stored("d", 1, 2),
              stored("e", 1)),
          List.of(),
          new IdState(1, Map.of(), 0));
      try (ArticleStore.Snapshot snapshot = store.snapshot()) {
        long[] query = {1, 2, 3};
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 2, 10)))
            .containsExactly("a", "b", "c", "d"); // e shares one term only
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 2, 1))).containsExactly("c");
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 2, 3)))
            .containsExactly("a", "b", "c"); // a, b, d tie: the smaller ids
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 1, 10)))
            .containsExactly("a", "b", "c", "d", "e");
        assertThat(snapshot.sharing(ArticleStore.TOP_TERMS, new long[] {3}, 2, 10)).isEmpty();
        // only terms fewer than `below` articles hold count: term 1 (5 articles) never does
        assertThat(snapshot.sharing(ArticleStore.TOP_TERMS, query, 5, 2, 10)).isEmpty();
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 5, 1, 10)))
            .containsExactly("a", "b", "c", "d");
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 3, 1, 10)))
            .containsExactly("c");
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 6, 2, 10)))
            .containsExactly("a", "b", "c", "d");
        assertThat(snapshot.frequencies(ArticleStore.TOP_TERMS, query)).containsExactly(5, 3, 1);
      }
    }
  }

  @Test
  void aReplacedArticleIsFoundOnlyByWhatItNowHolds() throws IOException {
    try (ArticleStore store = ArticleStore.open(folder.resolve("index"))) {
      IdState state = new IdState(1, Map.of(), 0);
      store.commit(List.of(stored("a", 5, 6), stored("b", 5, 6)), List.of(), state);
      store.commit(List.of(stored("a", 7, 8)), List.of(), state);
      try (ArticleStore.Snapshot snapshot = store.snapshot()) {
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, new long[] {5, 6}, 2, 10)))
            .containsExactly("b");
        assertThat(ids(snapshot.sharing(ArticleStore.TOP_TERMS, new long[] {7, 8}, 2, 10)))
            .containsExactly("a");
      }
    }
  }

  /** The same articles committed in other batches and orders give the same answers. */
  @ParameterizedTest
  @ValueSource(longs = {3, 17, 2026})
  void theAnswerDoesNotDependOnHowArticlesLieInSegments(long seed) throws IOException {
    Random random = new Random(seed);
    List<Stored> articles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long[] top = random.longs(8, 1, 60).distinct().sorted().toArray();
      articles.add(stored(String.format("art-%03d", i), top));
    }
    List<long[]> queries = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      queries.add(random.longs(10, 1, 60).distinct().toArray());
    }
    List<List<String>> inOne = answers(folder.resolve("one"), List.of(articles), queries);
    List<Stored> shuffled = new ArrayList<>(articles);
    Collections.shuffle(shuffled, random);
    List<List<Stored>> batches = new ArrayList<>();
    for (int from = 0; from < shuffled.size(); ) {
      int to = Math.min(shuffled.size(), from + 1 + random.nextInt(40));
      batches.add(shuffled.subList(from, to));
      from = to;
    }
    assertThat(answers(folder.resolve("many"), batches, queries)).isEqualTo(inOne);
    assertThat(inOne).anySatisfy(answer -> assertThat(answer).hasSize(15));
  }

  private static List<List<String>> answers(
      Path index, List<List<Stored>> batches, List<long[]> queries) throws IOException {
    try (ArticleStore store = ArticleStore.open(index)) {
      for (List<Stored> batch : batches) {
        store.commit(batch, List.of(), new IdState(1, Map.of(), 0));
      }
      List<List<String>> answers = new ArrayList<>();
      try (ArticleStore.Snapshot snapshot = store.snapshot()) {
        for (long[] query : queries) {
          answers.add(ids(snapshot.sharing(ArticleStore.TOP_TERMS, query, 3, 15)));
        }
      }
      return answers;
    }
  }

  private static Stored stored(String id, long... top) {
    float[] weights = new float[top.length];
    Arrays.fill(weights, (float) (1 / Math.sqrt(top.length)));
    StoredSketch sketch = new StoredSketch(top, weights, top, new long[0], new byte[0], 0);
    return Stored.of(Article.of(id, "body of " + id), "s-" + id, "CANONICAL", 1, sketch);
  }

  private static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::id).toList();
  }
}
