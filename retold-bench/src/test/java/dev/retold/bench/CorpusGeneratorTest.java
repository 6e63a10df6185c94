package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusGeneratorTest {
  private static List<GeneratedArticle> generate(long seed, long articles) {
    return CorpusGenerator.builder().seed(seed).articles(articles).build().stream().toList();
  }

  /** The articles without their text, so that large samples fit the tests' small heap. */
  private static List<GeneratedArticle> labels(CorpusGenerator generator) {
    return generator.stream()
        .map(
            a ->
                new GeneratedArticle(
                    a.id(),
                    a.title(),
                    a.date(),
                    "",
                    a.story(),
                    a.relation(),
                    a.origin(),
                    a.detail()))
        .toList();
  }

  private static List<GeneratedArticle> labels(long seed, long articles) {
    return labels(CorpusGenerator.builder().seed(seed).articles(articles).build());
  }

  @Test
  void theSameSeedGivesTheSameArticles() {
    assertThat(generate(42, 300)).isEqualTo(generate(42, 300));
    CorpusGenerator generator = CorpusGenerator.builder().articles(50).build();
    assertThat(generator.stream().toList()).isEqualTo(generator.stream().toList());
  }

  @Test
  void anotherSeedGivesOtherArticles() {
    List<GeneratedArticle> first = generate(42, 100);
    List<GeneratedArticle> second = generate(43, 100);
    Set<String> texts = new HashSet<>();
    first.forEach(article -> texts.add(article.text()));
    assertThat(second).noneMatch(article -> texts.contains(article.text()));
  }

  @Test
  void theDefaultCorpusIsPinned() throws NoSuchAlgorithmException {
    // Any change to the generator's output shows here: update the digest only on purpose.
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    CorpusGenerator generator = CorpusGenerator.builder().build();
    assertThat(generator.seed()).isEqualTo(42);
    assertThat(generator.articles()).isEqualTo(1000);
    for (GeneratedArticle article : generator) {
      digest.update(article.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(HexFormat.of().formatHex(digest.digest()))
        .isEqualTo("09394d646103d212d2c8724dead1b9a3dbb91fcaf04a35b0373d51c29fb00b94");
  }

  @Test
  void theCountIsExactAndIdsAreUnique() {
    for (long articles : new long[] {1, 2, 3, 17, 999}) {
      List<GeneratedArticle> corpus = labels(7, articles);
      assertThat(corpus).hasSize((int) articles);
      assertThat(corpus.stream().map(GeneratedArticle::id).distinct()).hasSize((int) articles);
    }
  }

  @Test
  void theIteratorEndsWhenTheCorpusDoes() {
    Iterator<GeneratedArticle> iterator = CorpusGenerator.builder().articles(2).build().iterator();
    iterator.next();
    iterator.next();
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("all 2 articles were handed out");
  }

  @Test
  void storiesHoldOneOriginalThatTheirMembersPointTo() {
    List<GeneratedArticle> corpus = labels(11, 3000);
    Map<String, GeneratedArticle> byId = new HashMap<>();
    Map<String, Integer> originals = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (GeneratedArticle article : corpus) {
      byId.put(article.id(), article);
      sizes.merge(article.story(), 1, Integer::sum);
      if (article.relation().equals(GeneratedArticle.ORIGINAL)) {
        originals.merge(article.story(), 1, Integer::sum);
      }
    }
    for (GeneratedArticle article : corpus) {
      int size = sizes.get(article.story());
      if (article.relation().equals(GeneratedArticle.UNRELATED)) {
        assertThat(size).isEqualTo(1);
      } else {
        assertThat(size).isBetween(2, 10);
        assertThat(originals.get(article.story())).isEqualTo(1);
      }
      if (article.origin() != null) {
        GeneratedArticle origin = byId.get(article.origin());
        assertThat(origin.relation()).isEqualTo(GeneratedArticle.ORIGINAL);
        assertThat(origin.story()).isEqualTo(article.story());
        LocalDate originDate = LocalDate.parse(origin.date());
        assertThat(LocalDate.parse(article.date()))
            .isBetween(originDate.minusDays(1), originDate.plusDays(5));
      }
    }
  }

  @Test
  void relationsComeInTheConfiguredShares() {
    List<GeneratedArticle> corpus = labels(12, 20_000);
    Map<String, Integer> counts = new HashMap<>();
    corpus.forEach(article -> counts.merge(article.relation(), 1, Integer::sum));
    double singletons = counts.get(GeneratedArticle.UNRELATED) / 20_000.0;
    assertThat(singletons).isBetween(0.47, 0.53);
    int members =
        20_000 - counts.get(GeneratedArticle.UNRELATED) - counts.get(GeneratedArticle.ORIGINAL);
    for (String relation :
        List.of(
            GeneratedArticle.NEAR_DUPLICATE,
            GeneratedArticle.DERIVED,
            GeneratedArticle.SAME_STORY)) {
      assertThat((double) counts.get(relation) / members).as(relation).isBetween(0.30, 0.37);
    }
    // Stories of 2 to 10 articles: a mean of 6, so one original per 6 story articles.
    double storyArticles = 20_000 - counts.get(GeneratedArticle.UNRELATED);
    assertThat(storyArticles / counts.get(GeneratedArticle.ORIGINAL)).isBetween(5.6, 6.4);
  }

  @Test
  void weightsAndSharesCanBeSkewed() {
    List<GeneratedArticle> corpus =
        CorpusGenerator.builder()
            .articles(500)
            .singletonShare(0)
            .storySizes(3, 3)
            .relationWeights(0, 0, 1)
            .build()
            .stream()
            .toList();
    assertThat(corpus)
        .extracting(GeneratedArticle::relation)
        .containsOnly(GeneratedArticle.ORIGINAL, GeneratedArticle.SAME_STORY);
    assertThat(corpus.stream().filter(a -> a.relation().equals(GeneratedArticle.ORIGINAL)))
        .hasSize(167); // 166 stories of 3 and a last one cut to 2
    assertThat(CorpusGenerator.builder().articles(100).singletonShare(1).build().stream())
        .allMatch(article -> article.relation().equals(GeneratedArticle.UNRELATED));
  }

  @Test
  void textIsEnglishLikeSentencesInParagraphs() {
    for (GeneratedArticle article : generate(13, 400)) {
      assertThat(article.title()).matches("[A-Z0-9][^.\\n]*");
      if (article.relation().equals(GeneratedArticle.NEAR_DUPLICATE)
          || article.relation().equals(GeneratedArticle.DERIVED)) {
        continue; // edits may lengthen or shorten sentences
      }
      String[] paragraphs = article.text().split("\n\n");
      for (String paragraph : paragraphs) {
        assertThat(paragraph).doesNotContain("\n").endsWith(".");
        for (String sentence : paragraph.split("(?<=\\.) ")) {
          assertThat(sentence).matches("[A-Z0-9].*\\.");
          int words = sentence.split(" ").length;
          assertThat(words).as(sentence).isBetween(8, 30);
        }
      }
      assertThat(Shingles.words(article.text()).size()).isBetween(300, 1000);
    }
  }

  @Test
  void articleLengthsAverageTheMean() {
    for (int meanWords : new int[] {100, 600}) {
      double words =
          CorpusGenerator.builder()
              .articles(500)
              .meanWords(meanWords)
              .singletonShare(1)
              .build()
              .stream()
              .mapToInt(article -> article.text().split("\\s+").length)
              .average()
              .orElseThrow();
      assertThat(words).isBetween(meanWords * 0.97, meanWords * 1.05);
    }
  }

  @Test
  void datesStayNearTheirSpan() {
    for (GeneratedArticle article :
        CorpusGenerator.builder().articles(500).dates(LocalDate.of(2020, 2, 1), 10).build()) {
      assertThat(LocalDate.parse(article.date()))
          .isBetween(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 17));
    }
  }

  static Stream<Arguments> refusedSettings() {
    return Stream.of(
        refused(b -> b.articles(0), "articles must be > 0: 0"),
        refused(b -> b.meanWords(7), "meanWords must be in [8, 1000000]: 7"),
        refused(b -> b.singletonShare(1.5), "singletonShare must be in [0, 1]: 1.5"),
        refused(b -> b.singletonShare(Double.NaN), "singletonShare must be in [0, 1]: NaN"),
        refused(b -> b.storySizes(1, 5), "minStorySize must be >= 2: 1"),
        refused(
            b -> b.storySizes(5, 4),
            "maxStorySize must be in [minStorySize, 1000]: 4 with minStorySize 5"),
        refused(
            b -> b.relationWeights(-1, 1, 1), "nearDuplicateWeight must be finite and >= 0: -1.0"),
        refused(
            b -> b.relationWeights(0, 0, 0),
            "at least one of nearDuplicateWeight, derivedWeight, sameStoryWeight must be > 0: 0.0,"
                + " 0.0, 0.0"),
        refused(b -> b.editRates(0, 0.1), "minEditRate must be in (0, 0.5]: 0.0"),
        refused(
            b -> b.editRates(0.1, 0.05),
            "maxEditRate must be in [minEditRate, 0.5]: 0.05 with minEditRate 0.1"),
        refused(b -> b.dates(LocalDate.of(2020, 1, 1), 0), "dateSpanDays must be > 0: 0"),
        refused(b -> b.mixingWindow(0), "mixingWindow must be > 0: 0"));
  }

  private static Arguments refused(UnaryOperator<CorpusGenerator.Builder> setting, String message) {
    return Arguments.of(setting, message);
  }

  @ParameterizedTest
  @MethodSource("refusedSettings")
  void impossibleSettingsAreRefusedWithTheValue(
      UnaryOperator<CorpusGenerator.Builder> setting, String message) {
    assertThatThrownBy(() -> setting.apply(CorpusGenerator.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void theMixingWindowSpreadsStoriesOut() {
    List<GeneratedArticle> mixed = labels(14, 2000);
    List<GeneratedArticle> inOrder =
        labels(CorpusGenerator.builder().seed(14).articles(2000).mixingWindow(1).build());
    assertThat(new HashSet<>(mixed)).isEqualTo(new HashSet<>(inOrder));
    assertThat(meanStoryReach(mixed)).isGreaterThan(50 * meanStoryReach(inOrder));
  }

  /** The mean distance, in positions, between the first and last article of a story. */
  private static double meanStoryReach(List<GeneratedArticle> corpus) {
    Map<String, int[]> reach = new HashMap<>();
    for (int i = 0; i < corpus.size(); i++) {
      int position = i;
      reach.merge(
          corpus.get(i).story(),
          new int[] {i, i},
          (old, now) -> new int[] {Math.min(old[0], position), Math.max(old[1], position)});
    }
    return reach.values().stream().mapToInt(r -> r[1] - r[0]).average().orElseThrow() + 0.01;
  }
}
