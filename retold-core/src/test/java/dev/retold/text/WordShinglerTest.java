package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-call path against the three steps it stands for, which must give the same hashes. */
class WordShinglerTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  /** Pieces outside ASCII, which send a body through the three steps. */
  private static final String[] NON_ASCII = {
    "’", "“", "”", "–", "—", "…", "é", "e\u0301", "ﬁ", "\u00A0", "\u200B", "\u00AD", "東京", "Ａ"
  };

  private final WordTokenizer tokenizer = new WordTokenizer();

  @Test
  void givesTheStepsHashesForRandomBodies() {
    Random random = new Random(0x5A1E6L);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder body = new StringBuilder(AsciiWordScannerTest.randomAscii(random));
      if (round % 4 == 0) {
        body.insert(random.nextInt(body.length() + 1), NON_ASCII[random.nextInt(NON_ASCII.length)]);
      }
      int size = 1 + random.nextInt(4);
      assertSameAsSteps(body.toString(), size);
    }
  }

  @Test
  void givesTheStepsHashesForWhiteSpaceAndControlChars() {
    for (String body :
        new String[] {
          "a\u0001b c",
          "a\u0000 b",
          "a\u007Fb",
          "\n\n a \t\r\n b \u000B\f c  ",
          "a\u001Cb",
          "x. \n y",
          "1,\n2",
          "don\u0008't",
          "",
          "   ",
          "one"
        }) {
      for (int size = 1; size <= 3; size++) {
        assertSameAsSteps(body, size);
      }
    }
  }

  @Test
  void givesTheStepsHashesForTheSeedArticles() throws IOException {
    List<Path> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(SEEDS)) {
      files.filter(file -> file.toString().endsWith(".txt")).sorted().forEach(seeds::add);
    }
    assertThat(seeds).isNotEmpty();
    for (Path seed : seeds) {
      String body = Files.readString(seed, StandardCharsets.UTF_8);
      assertSameAsSteps(body, 3);
      assertSameAsSteps(body.replaceAll("[^\\x00-\\x7F]", " "), 3); // the fast path, surely
    }
  }

  @Test
  void handsFreshBuffersToAFunctionThatCallsBackIn() {
    WordShingler shingler = new WordShingler(2);
    long[] inner = shingler.shingleHashes("five six seven");
    long[][] seen = new long[2][];
    shingler.applyToShingleHashes(
        "one two three four",
        (hashes, count) -> {
          long[] before = java.util.Arrays.copyOf(hashes, count);
          seen[1] = shingler.shingleHashes("five six seven");
          seen[0] = java.util.Arrays.copyOf(hashes, count);
          assertThat(seen[0]).containsExactly(before);
          return null;
        });
    assertThat(seen[0]).containsExactly(shingler.shingleHashes("one two three four"));
    assertThat(seen[1]).containsExactly(inner);
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    WordShingler shingler = new WordShingler(3);
    Random random = new Random(0x7EAD);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(AsciiWordScannerTest.randomAscii(random) + (i % 3 == 0 ? " café " : " cafe "));
    }
    List<long[]> expected = new ArrayList<>();
    for (String body : bodies) {
      expected.add(steps(body, 3));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String body : bodies) {
          results.add(pool.submit(() -> shingler.shingleHashes(body)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).containsExactly(expected.get(i % bodies.size()));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void refusesAnEmptyShingleSize() {
    assertThatThrownBy(() -> new WordShingler(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shingleSize must be >= 1: 0");
  }

  private void assertSameAsSteps(String body, int size) {
    assertThat(new WordShingler(size).shingleHashes(body))
        .as("size %d, body %s", size, AsciiWordScannerTest.escape(body))
        .containsExactly(steps(body, size));
  }

  private long[] steps(String body, int size) {
    return Shingles.hashes(tokenizer.tokenize(TextNormalizer.normalize(body)), size);
  }
}
