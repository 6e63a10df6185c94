package dev.retold.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.Relation;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.Story;
import dev.retold.StoryMember;
import dev.retold.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scans with the bundled semantic signal on: the seeds, and determinism across thread counts. */
class SemanticScanTest {
  private static final TextEmbedder EMBEDDER = TextEmbedder.installed().orElseThrow();

  @Test
  void theModuleIsFoundAsTheInstalledEmbedder() {
    assertThat(EMBEDDER).isInstanceOf(MiniLmEmbedder.class);
  }

  @Test
  void theSeedsAreOneStoryOfFiveWithTheirRelations() throws IOException {
    ScanResult result =
        Retold.builder().embedder(EMBEDDER).build().scan(Path.of("..", "testdata", "seeds"));
    Story story = result.stories().get(0);
    assertThat(story.size()).isEqualTo(5);
    assertThat(story.canonical()).isEqualTo("003_6669a427d399b261.txt");
    assertThat(story.members())
        .containsExactly(
            new StoryMember("000_6eb4ee3ca36ee36b.txt", Relation.DERIVED),
            new StoryMember("001_893e1b22cc0b54cc.txt", Relation.DERIVED),
            new StoryMember("002_15fc58843f25bcb7.txt", Relation.DERIVED),
            new StoryMember("004_d6e9b4307be571ab.txt", Relation.SAME_STORY));
    assertThat(result.pairs())
        .isNotEmpty()
        .allSatisfy(
            pair ->
                assertThat(pair.semanticSimilarity())
                    .as(pair.a() + " " + pair.b())
                    .isBetween(0.0, 1.0)
                    // the story similarity is the geometric mean of it and the lexical cosine (<=
                    // 1)
                    .isGreaterThanOrEqualTo(pair.similarity() * pair.similarity() - 0.0001));
  }

  @Test
  void withoutTheEmbedderPairsHaveNoSemanticSimilarity() throws IOException {
    ScanResult result = Retold.withDefaults().scan(Path.of("..", "testdata", "seeds"));
    assertThat(result.pairs())
        .isNotEmpty()
        .allSatisfy(pair -> assertThat(pair.hasSemanticSimilarity()).isFalse());
  }

  /** Seeded stories told three ways: near-copies, and retellings that share only their facts. */
  private static List<Article> stories(long seed) {
    Random random = new Random(seed);
    String[] places = {"Oslo", "Lima", "Perth", "Quito", "Accra", "Hanoi", "Tunis", "Riga"};
    String[] events = {
      "a flood closed the port",
      "a fire destroyed the market",
      "a strike halted trains",
      "a storm cut power",
      "an election was called",
      "a bridge collapsed"
    };
    List<Article> articles = new ArrayList<>();
    for (int story = 0; story < 24; story++) {
      String place = places[random.nextInt(places.length)];
      String event = events[random.nextInt(events.length)];
      int number = 10 + random.nextInt(900);
      String fact =
          "In "
              + place
              + ", "
              + event
              + " on day "
              + story
              + ", with "
              + number
              + " people affected.";
      articles.add(Article.of("s" + story + "-a", fact + " Officials gave few details. " + fact));
      articles.add(
          Article.of(
              "s" + story + "-b",
              "Reports say "
                  + event
                  + " in "
                  + place
                  + ". Some "
                  + number
                  + " people were affected, officials said."));
      articles.add(
          Article.of(
              "s" + story + "-c",
              place
                  + ": "
                  + number
                  + " affected after "
                  + event
                  + ", authorities confirmed on day "
                  + story
                  + "."));
    }
    return articles;
  }

  @Test
  void everyThreadCountGivesTheSameResult() {
    List<Article> articles = stories(11);
    ScanResult one = Retold.builder().embedder(EMBEDDER).threads(1).build().scan(articles);
    ScanResult three = Retold.builder().embedder(EMBEDDER).threads(3).build().scan(articles);
    assertThat(three).isEqualTo(one);
    assertThat(one.pairs()).isNotEmpty();
  }
}
