package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retold.load.ArticleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on articles made in memory and in files: each relation, and the refusals. */
class RetoldTest {
  private static final String[] VOCABULARY = vocabulary(1);

  /** Another topic's words: unrelated articles share little content vocabulary. */
  private static final String[] OTHER_VOCABULARY = vocabulary(2);

  private static String[] vocabulary(long seed) {
    String[] words = new String[2000];
    Random random = new Random(seed);
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      int length = 3 + random.nextInt(7);
      for (int k = 0; k < length; k++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = word.toString();
    }
    return words;
  }

  /** A random article of {@code words} words, Zipf-like, in sentences of 15 words. */
  private static List<String> randomWords(Random random, int words) {
    return randomWords(random, words, VOCABULARY);
  }

  private static List<String> randomWords(Random random, int words, String[] vocabulary) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      int rank = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
      out.add(vocabulary[rank]);
    }
    return out;
  }

  private static String text(List<String> words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      text.append(words.get(i)).append(i % 15 == 14 ? ".\n" : " ");
    }
    return text.toString().strip() + ".";
  }

  private static List<String> edited(Random random, List<String> words, double rate) {
    List<String> copy = new ArrayList<>(words);
    for (int i = 0; i < copy.size(); i++) {
      if (random.nextDouble() < rate) {
        copy.set(i, VOCABULARY[random.nextInt(VOCABULARY.length)]);
      }
    }
    return copy;
  }

  @Test
  void tellsEachRelationApart() {
    Random random = new Random(2026);
    List<String> original = randomWords(random, 600);
    List<Article> articles =
        List.of(
            Article.of("original", text(original)),
            Article.of("copy", text(original).toUpperCase(java.util.Locale.ROOT)),
            Article.of("edited", text(edited(random, original, 0.03))),
            Article.of("excerpt", text(original.subList(100, 250))),
            Article.of("other", text(randomWords(random, 600, OTHER_VOCABULARY))));
    ScanResult result = Retold.withDefaults().scan(articles);

    assertThat(result.pairs())
        .extracting(pair -> pair.a() + "-" + pair.b() + ":" + pair.relation())
        .contains(
            "copy-original:DUPLICATE",
            "edited-original:NEAR_DUPLICATE",
            "excerpt-original:DERIVED")
        .noneMatch(line -> line.contains("other"));
    ArticlePair excerpt =
        result.pairs().stream()
            .filter(pair -> pair.a().equals("excerpt") && pair.b().equals("original"))
            .findFirst()
            .orElseThrow();
    assertThat(excerpt.origin()).isEqualTo("original");
    assertThat(excerpt.containmentAInB()).isEqualTo(1.0);
    assertThat(excerpt.passages().get(0).words()).isEqualTo(150);
    assertThat(result.summary()).isEqualTo(new ScanSummary(5, 5, 0, 1, 6));
    assertThat(result.storyOf("other").orElseThrow().size()).isEqualTo(1);
  }

  /** 60 stories of an original, a 5 % edited copy and an excerpt, and 60 unrelated articles. */
  private static List<Article> planted(long seed) {
    Random random = new Random(seed);
    List<Article> articles = new ArrayList<>();
    for (int story = 0; story < 60; story++) {
      List<String> original = randomWords(random, 300);
      articles.add(Article.of("s" + story + "-original", text(original)));
      articles.add(Article.of("s" + story + "-copy", text(edited(random, original, 0.05))));
      articles.add(Article.of("s" + story + "-excerpt", text(original.subList(50, 150))));
      articles.add(Article.of("u" + story, text(randomWords(random, 300, OTHER_VOCABULARY))));
    }
    return articles;
  }

  @Test
  void aJsonLinesFileScansLikeTheSameArticlesInMemory(@TempDir Path temp) throws IOException {
    List<Article> articles = planted(78);
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
  void aSampledShingleIndexReportsOnlyVerifiedCopiesAndNearlyAllOfThem() throws IOException {
    List<Article> articles = planted(79);
    RetoldSettings settings = Retold.withDefaults().settings();
    // 240 articles past 16 << 4: one shingle in 16 indexed, as for a million articles
    ScanResult sampled = new ScanPipeline(settings, 16).run(ArticleSource.of(articles));
    ScanResult exact = new ScanPipeline(settings).run(ArticleSource.of(articles));
    List<ArticlePair> exactCopies = copies(exact);
    List<ArticlePair> sampledCopies = copies(sampled);
    assertThat(exactCopies).containsAll(sampledCopies);
    assertThat(sampledCopies.size()).isGreaterThanOrEqualTo((int) (0.95 * exactCopies.size()));
    assertThat(exactCopies).hasSizeGreaterThanOrEqualTo(180);
  }

  private static List<ArticlePair> copies(ScanResult result) {
    return result.pairs().stream().filter(pair -> pair.relation() != Relation.SAME_STORY).toList();
  }

  @Test
  void anArticleThatReadsDifferentlyTheSecondTimeFailsTheScan() {
    List<Article> articles = planted(80).subList(0, 4);
    ArticleSource changing =
        new ArticleSource() {
          @Override
          public List<SkippedFile> read(Consumer<List<Article>> batches) {
            batches.accept(articles);
            return List.of();
          }

          @Override
          public Article reread(int position) {
            Article article = articles.get(position);
            return Article.of(article.id(), article.body() + " and a new last sentence.");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> Retold.withDefaults().scan(changing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed while it was scanned");
  }

  @Test
  void everyThreadCountGivesTheSameResult() {
    List<Article> articles = planted(77);
    ScanResult single = Retold.builder().threads(1).build().scan(articles);
    ScanResult parallel = Retold.builder().threads(4).build().scan(articles);
    assertThat(parallel).isEqualTo(single);
    assertThat(single.pairs()).hasSizeGreaterThan(150);
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
  void progressIsReportedPerStage() {
    List<String> stages = java.util.Collections.synchronizedList(new ArrayList<>());
    Retold.builder()
        .progress((stage, done, total) -> stages.add(stage + " " + done + "/" + total))
        .threads(1)
        .build()
        .scan(List.of(Article.of("a", "one two three"), Article.of("b", "four five six")));
    assertThat(stages).startsWith("analyse 2/2");
    assertThat(stages).contains("weigh 2/2");
  }
}
