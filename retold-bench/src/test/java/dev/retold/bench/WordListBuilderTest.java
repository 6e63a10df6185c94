package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListBuilderTest {
  @Test
  void countsLowerCaseWordsAndLeavesProperNounsOut(@TempDir Path temp) throws IOException {
    Files.writeString(
        temp.resolve("a.txt"),
        "The cat saw Obama. The dog didn\u2019t see Obama in Paris, I think.\n");
    Files.createDirectory(temp.resolve("sub"));
    Files.writeString(temp.resolve("sub").resolve("b.txt"), "the cat and the 90 - day plan s\n");
    Files.writeString(temp.resolve("ignored.md"), "zebra zebra zebra\n");
    List<WordListBuilder.WordCount> words = WordListBuilder.count(temp);
    assertThat(words)
        .containsExactly(
            new WordListBuilder.WordCount("the", 4),
            new WordListBuilder.WordCount("cat", 2),
            new WordListBuilder.WordCount("and", 1),
            new WordListBuilder.WordCount("day", 1),
            new WordListBuilder.WordCount("didn't", 1),
            new WordListBuilder.WordCount("dog", 1),
            new WordListBuilder.WordCount("in", 1),
            new WordListBuilder.WordCount("plan", 1),
            new WordListBuilder.WordCount("saw", 1),
            new WordListBuilder.WordCount("see", 1),
            new WordListBuilder.WordCount("think", 1));
    Path target = temp.resolve("out.tsv");
    WordListBuilder.write(words.subList(0, 2), target);
    assertThat(Files.readAllLines(target))
        .containsExactly(WordListBuilder.ATTRIBUTION, "the\t4", "cat\t2");
  }

  @Test
  void theShippedListOpensWithItsAttribution() throws IOException {
    try (var in = Vocabulary.class.getResourceAsStream(Vocabulary.RESOURCE)) {
      String first =
          new String(in.readNBytes(200), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElseThrow();
      assertThat(first).isEqualTo(WordListBuilder.ATTRIBUTION);
    }
  }
}
