package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known values: which names and numbers two short texts share, and how they are given. */
class SharedNamesTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(
            "runs of names are given whole, in A's order, with the numbers",
            "Officials said Xi Jinping met Lee Jae Myung in Beijing. Talks resumed in 2019 there.",
            "On Monday Lee Jae Myung and Xi Jinping spoke in Beijing about 2019.",
            List.of("Xi Jinping", "Lee Jae Myung", "Beijing", "2019")),
        Arguments.of(
            "a possessive is dropped, and ends a run",
            "Rain fell as South Korea's Lee arrived.",
            "Crowds greeted Lee in South Korea.",
            List.of("South Korea", "Lee")),
        Arguments.of(
            "words opening a sentence or a line, and function words, are not names",
            "The storm hit.\nRain fell. It was over by Monday.",
            "The storm came.\nRain again. It was over by Monday.",
            List.of("Monday")),
        Arguments.of(
            "a name must be a name in both",
            "Crowds cheered for Hope and Faith.",
            "There was hope and faith in the crowd.",
            List.of()),
        Arguments.of(
            "the most used first, at most six",
            "We saw Anna, Bert, Carl, Dora, Emil, Fred, Gina and Hugo. We saw Hugo and Gina again.",
            "We met Hugo, Gina, Fred, Emil, Dora, Carl, Bert and Anna. We met Gina and Hugo again.",
            List.of("Anna", "Bert", "Carl", "Dora", "Gina", "Hugo")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void sharedNames(String why, String a, String b, List<String> expected) {
    int[][] wordsA = words(a);
    int[][] wordsB = words(b);
    assertThat(SharedNames.of(a, wordsA[0], wordsA[1], b, wordsB[0], wordsB[1]))
        .as(why)
        .containsExactlyElementsOf(expected);
  }

  /** The word spans of {@code text}: starts, then ends. */
  private static int[][] words(String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }
    int[][] words = new int[2][spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      words[0][i] = spans.get(i)[0];
      words[1][i] = spans.get(i)[1];
    }
    return words;
  }
}
