package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on articles made in memory and in files: each relation, and the refusals. */
class RetoldTest {
  @Test
  void tellsEachRelationApart() {
    Random random = new Random(2026);
    List<String> original = RandomArticles.randomWords(random, 600);
    List<Article> articles =
        List.of(
            Article.of("original", RandomArticles.text(original)),
            Article.of("copy", RandomArticles.text(original).toUpperCase(java.util.Locale.ROOT)),
            Article.of(
                "edited", RandomArticles.text(RandomArticles.edited(random, original, 0.03))),
            Article.of("excerpt", RandomArticles.text(original.subList(100, 250))),
            Article.of(
                "other",
                RandomArticles.text(
                    RandomArticles.randomWords(random, 600, RandomArticles.OTHER_VOCABULARY))));
    ScanResult result = Retold.withDefaults().scan(articles);

    // the copy and the edited copy make a copy group with the original; "edited", the longest (none
    // is dated), represents it; "copy", the first by id of two exact copies, stands for "original"
    // in the excerpt's pair
    CopyGroup group = result.copyGroups().get(0);
    assertThat(result.copyGroups()).hasSize(1);
    assertThat(group.members()).containsExactly("copy", "edited", "original");
    assertThat(group.representative()).isEqualTo("edited");
    assertThat(group.relation()).isEqualTo(Relation.NEAR_DUPLICATE);
    assertThat(group.evidence().relation()).isEqualTo(Relation.NEAR_DUPLICATE);
    assertThat(group.evidence().other("edited")).isEqualTo("copy");
    assertThat(group.evidence().passages()).isNotEmpty();
    assertThat(result.pairs())
        .extracting(pair -> pair.a() + "-" + pair.b() + ":" + pair.relation())
        .containsExactly("copy-excerpt:DERIVED", "edited-excerpt:DERIVED");
    ArticlePair excerpt = result.pairs().get(0);
    assertThat(excerpt.origin()).isEqualTo("copy");
    assertThat(excerpt.containmentBInA()).isEqualTo(1.0);
    assertThat(excerpt.passages().get(0).words()).isEqualTo(150);
    assertThat(result.storyOf("excerpt").orElseThrow().members())
        .extracting(member -> member.id() + ":" + member.relation())
        .contains("excerpt:DERIVED");
    assertThat(result.summary()).isEqualTo(new ScanSummary(5, 5, 0, 1, 2, 1, 3));
    assertThat(result.storyOf("other").orElseThrow().size()).isEqualTo(1);
  }

  @Test
  void aJsonLinesFileScansLikeTheSameArticlesInMemory(@TempDir Path temp) throws IOException {
    List<Article> articles = RandomArticles.planted(78);
    List<Article> shuffled = new ArrayList<>(articles);
    Collections.shuffle(shuffled, new Random(5));
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (Article article : shuffled) {
      lines.add(json.writeValueAsString(Map.of("id", article.id(), "text", article.body())));
    }
    Path file = temp.resolve("articles.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    ScanResult fromFile = Retold.withDefaults().scan(file);
    ScanResult inMemory = Retold.withDefaults().scan(articles);
    assertThat(fromFile.articles()).isEqualTo(inMemory.articles());
    assertThat(fromFile.pairs()).isEqualTo(inMemory.pairs());
    assertThat(fromFile.stories()).isEqualTo(inMemory.stories());
    assertThat(fromFile.pairs()).hasSizeGreaterThan(100);
  }

  @Test
  void anArticleThatReadsDifferentlyTheSecondTimeFailsTheScan() {
    List<Article> articles = RandomArticles.planted(80).subList(0, 4);
    ArticleSource changing = RandomArticles.changingWhenReadAgain(articles);
    assertThatThrownBy(() -> Retold.withDefaults().scan(changing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed while it was scanned");
  }

  @Test
  void everyThreadCountGivesTheSameResult() {
    List<Article> articles = RandomArticles.planted(77);
    ScanResult single = Retold.builder().threads(1).build().scan(articles);
    ScanResult parallel = Retold.builder().threads(4).build().scan(articles);
    assertThat(parallel).isEqualTo(single);
    long impliedByGroups =
        single.copyGroups().stream().mapToLong(g -> (long) g.size() * (g.size() - 1) / 2).sum();
    assertThat(single.pairs().size() + impliedByGroups).isGreaterThan(150);
  }

  @Test
  void emptyInputGivesAnEmptyResult() {
    ScanResult result = Retold.withDefaults().scan(List.of());
    assertThat(result.stories()).isEmpty();
    assertThat(result.summary()).isEqualTo(new ScanSummary(0, 0, 0, 0, 0));
  }

  @Test
  void emptyArticlesAreNotCopiesOfEachOther() {
    ScanResult result =
        Retold.withDefaults().scan(List.of(Article.of("a", ""), Article.of("b", "   ")));
    assertThat(result.pairs()).isEmpty();
  }

  @Test
  void refusesTwoArticlesWithOneId() {
    assertThatThrownBy(
            () -> Retold.withDefaults().scan(List.of(Article.of("a", "x"), Article.of("a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two articles share the id a");
  }

  @Test
  void refusesImpossibleSettingsNamingTheValue() {
    assertThatThrownBy(() -> Retold.builder().shingleSize(0).build())
        .hasMessage("shingleSize must be > 0: 0");
    assertThatThrownBy(() -> Retold.builder().nearDuplicateJaccard(1.5).build())
        .hasMessage("nearDuplicateJaccard must be in (0, 1]: 1.5");
    assertThatThrownBy(() -> Retold.builder().derivedContainment(0.8).build())
        .hasMessage("derivedContainment must be <= nearDuplicateJaccard: 0.8 > 0.7");
  }

  @Test
  void aMissingFolderIsAnIoError() {
    assertThatThrownBy(() -> Retold.withDefaults().scan(Path.of("no", "such", "folder")))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("folder");
  }

  @Test
  void progressIsReportedPerStage() throws IOException {
    List<String> stages = java.util.Collections.synchronizedList(new ArrayList<>());
    Retold.builder()
        .threads(1)
        .build()
        .scan(
            ArticleSource.of(
                List.of(Article.of("a", "one two three"), Article.of("b", "four five six"))),
            (stage, done, total) -> stages.add(stage + " " + done + "/" + total));
    assertThat(stages).startsWith("analyse 2/2");
    assertThat(stages).contains("weigh 2/2");
  }
}
