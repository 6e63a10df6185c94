package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.TextEmbedder;
import dev.retold.WordsEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A scan with an embedder, of more articles than the nearest neighbours by embedding are searched
 * for exactly: the neighbour graph's answers, and so the scan's, are the same on any thread count.
 */
class NeighbourGraphScanTest {
  private static final TextEmbedder WORDS = new WordsEmbedder();

  @Test
  void pastTheExactSearchEveryThreadCountGivesTheSameResult() {
    List<Article> articles =
        stories(new Random(3), StoryCandidates.EXACT_NEIGHBOUR_ARTICLES / 3 + 50);
    assertThat(articles).hasSizeGreaterThan(StoryCandidates.EXACT_NEIGHBOUR_ARTICLES);
    ScanResult one = Retold.builder().embedder(WORDS).threads(1).build().scan(articles);
    ScanResult three = Retold.builder().embedder(WORDS).threads(3).build().scan(articles);
    assertThat(three).isEqualTo(one);
    assertThat(one.stories()).hasSizeGreaterThan(100);
  }

  /** {@code count} stories, each told three times in words drawn around its own few names. */
  private static List<Article> stories(Random random, int count) {
    List<Article> articles = new ArrayList<>();
    for (int story = 0; story < count; story++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        names.add(word(random, 'A'));
      }
      int number = 10 + random.nextInt(9_000);
      for (int telling = 0; telling < 3; telling++) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 4; sentence++) {
          text.append(names.get(random.nextInt(names.size()))).append(' ');
          for (int w = 0; w < 8; w++) {
            text.append(
                random.nextInt(3) == 0
                    ? names.get(random.nextInt(names.size()))
                    : word(random, 'a'));
            text.append(' ');
          }
          text.append(number).append(". ");
        }
        articles.add(Article.of("s" + story + "-" + telling, text.toString()));
      }
    }
    return articles;
  }

  /** A word of four to eight letters from a small alphabet, so that words repeat across stories. */
  private static String word(Random random, char first) {
    StringBuilder word = new StringBuilder().append((char) (first + random.nextInt(12)));
    int length = 3 + random.nextInt(5);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(12)));
    }
    return word.toString();
  }
}
