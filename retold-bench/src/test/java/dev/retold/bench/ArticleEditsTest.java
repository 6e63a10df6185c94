package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleEditsTest {
  private static final TextComposer COMPOSER = new TextComposer(Vocabulary.english());

  private static ArticleBody original(long seed) {
    return COMPOSER.body(new SplitMix64(seed), 600, List.of(), List.of());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.03, 0.05, 0.2})
  void nearDuplicatesMakeTheAskedShareOfEdits(double rate) {
    ArticleBody original = original(1);
    ArticleEdits.Edited edited =
        ArticleEdits.nearDuplicate(original, rate, new SplitMix64(2), COMPOSER);
    int words = original.wordCount();
    assertThat(edited.measure()).isEqualTo((double) Math.max(1, Math.round(rate * words)) / words);
    assertThat(edited.body().wordCount())
        .isBetween(words - (int) (rate * words) - 1, words + (int) (rate * words) + 1);
    assertThat(edited.body().paragraphs()).hasSameSizeAs(original.paragraphs());
  }

  @Test
  void aNearDuplicateMakesAtLeastOneEdit() {
    ArticleBody original = new ArticleBody(List.of(List.of(List.of("one", "two", "three"))));
    ArticleEdits.Edited edited =
        ArticleEdits.nearDuplicate(original, 0.01, new SplitMix64(3), COMPOSER);
    assertThat(edited.measure()).isEqualTo(1.0 / 3);
    assertThat(edited.body()).isNotEqualTo(original);
  }

  @Test
  void condensedKeepsSentencesInOrder() {
    ArticleBody original = original(4);
    List<List<String>> sentences = original.sentences();
    ArticleEdits.Edited edited = ArticleEdits.condensed(original, 0.5, new SplitMix64(5), COMPOSER);
    List<List<String>> kept = edited.body().sentences();
    assertThat(kept).hasSize((int) Math.round(0.5 * sentences.size()));
    assertThat(edited.measure()).isEqualTo((double) kept.size() / sentences.size());
    int from = 0;
    int unchanged = 0;
    for (List<String> sentence : kept) {
      int at = indexOfSimilar(sentences, sentence, from);
      assertThat(at).as("kept sentence %s", sentence).isGreaterThanOrEqualTo(from);
      if (sentences.get(at).equals(sentence)) {
        unchanged++;
      }
      from = at + 1;
    }
    assertThat(unchanged).isGreaterThan(kept.size() / 2);
  }

  @Test
  void anExcerptIsAContiguousSpan() {
    ArticleBody original = original(6);
    List<List<String>> sentences = original.sentences();
    ArticleEdits.Edited edited = ArticleEdits.excerpt(original, 0.3, new SplitMix64(7));
    List<List<String>> span = edited.body().sentences();
    assertThat(span).hasSize((int) Math.round(0.3 * sentences.size()));
    assertThat(Collections.indexOfSubList(sentences, span)).isNotNegative();
  }

  /** The index from {@code from} of a sentence equal to {@code sentence} but for one word. */
  private static int indexOfSimilar(List<List<String>> sentences, List<String> sentence, int from) {
    for (int i = from; i < sentences.size(); i++) {
      List<String> candidate = sentences.get(i);
      if (candidate.size() == sentence.size()) {
        List<String> differences = new ArrayList<>();
        for (int w = 0; w < candidate.size(); w++) {
          if (!candidate.get(w).equals(sentence.get(w))) {
            differences.add(candidate.get(w));
          }
        }
        if (differences.size() <= 1) {
          return i;
        }
      }
    }
    return -1;
  }
}
