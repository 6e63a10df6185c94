package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermDictionaryTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42})
  void finalIdsFollowHashOrderWhateverTheThreads(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] articles = new long[500][];
    for (int i = 0; i < articles.length; i++) {
      articles[i] =
          random
              .longs(random.nextInt(60), -2000, 2000)
              .map(x -> x * 0x9E3779B97F4A7C15L)
              .distinct()
              .toArray();
    }
    TermDictionary dictionary = new TermDictionary();
    int[][] provisional = new int[articles.length][];
    IntStream.range(0, articles.length)
        .parallel()
        .forEach(i -> provisional[i] = dictionary.intern(articles[i], articles[i].length));
    int[] ranks = dictionary.ranks();
    long[] distinct =
        Arrays.stream(articles).flatMapToLong(Arrays::stream).distinct().sorted().toArray();
    assertThat(dictionary.size()).isEqualTo(distinct.length);
    for (int i = 0; i < articles.length; i++) {
      for (int j = 0; j < articles[i].length; j++) {
        int id = ranks[provisional[i][j]];
        assertThat(distinct[id]).isEqualTo(articles[i][j]);
      }
    }
  }
}
