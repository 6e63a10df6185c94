package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShinglesTest {
  private final WordTokenizer tokenizer = new WordTokenizer();

  // Since the XOR-of-rotations definition; before, a chain of one mix per word.
  @Test
  void pinsShingleHashes() {
    assertThat(Shingles.hashes(tokenizer.tokenize("the quick brown fox jumps"), 3))
        .containsExactly(0x150f09aaabe3c08aL, 0x13305f20b478f728L, 0xb793442927978444L);
    assertThat(Shingles.hashes(tokenizer.tokenize("the quick"), 3))
        .containsExactly(0x51afcd1a9334e924L);
  }

  @Test
  void hashesAsTheClassDescriptionSays() {
    long initial = 0x52455450_4C49434BL;
    long[] terms = {0x0123456789ABCDEFL, -2L, 42L, Long.MIN_VALUE};
    assertThat(Shingles.hashes(terms, 3))
        .containsExactly(
            Shingles.mix(
                initial ^ terms[0] ^ Long.rotateLeft(terms[1], 21) ^ Long.rotateLeft(terms[2], 42)),
            Shingles.mix(
                initial
                    ^ terms[1]
                    ^ Long.rotateLeft(terms[2], 21)
                    ^ Long.rotateLeft(terms[3], 42)));
    assertThat(Shingles.hashes(terms, 1)[3]).isEqualTo(Shingles.mix(initial ^ terms[3]));
    assertThat(Shingles.hashes(terms, 4)[0])
        .isEqualTo(
            Shingles.mix(
                initial
                    ^ terms[0]
                    ^ Long.rotateLeft(terms[1], 21)
                    ^ Long.rotateLeft(terms[2], 42)
                    ^ Long.rotateLeft(terms[3], 63)));
  }

  static Stream<Arguments> shingleCounts() {
    return Stream.of(
        // words, shingle size, shingles
        Arguments.of(0, 3, 0),
        Arguments.of(1, 3, 1),
        Arguments.of(2, 3, 1),
        Arguments.of(3, 3, 1),
        Arguments.of(4, 3, 2),
        Arguments.of(10, 1, 10),
        Arguments.of(10, 5, 6));
  }

  @ParameterizedTest
  @MethodSource("shingleCounts")
  void givesOneShinglePerWindowAndOneForShortTexts(int words, int size, int expected) {
    long[] termHashes = new long[words];
    for (int i = 0; i < words; i++) {
      termHashes[i] = WordTokenizer.hashTerm("w" + i);
    }
    assertThat(Shingles.hashes(termHashes, size)).hasSize(expected);
  }

  @Test
  void isOrderSensitive() {
    long[] forward = Shingles.hashes(tokenizer.tokenize("a b c"), 3);
    long[] backward = Shingles.hashes(tokenizer.tokenize("c b a"), 3);
    long[] swapped = Shingles.hashes(tokenizer.tokenize("a c b"), 3);
    assertThat(forward[0]).isNotEqualTo(backward[0]).isNotEqualTo(swapped[0]);
    assertThat(Shingles.hashes(tokenizer.tokenize("a a b"), 3)[0])
        .isNotEqualTo(Shingles.hashes(tokenizer.tokenize("a b b"), 3)[0]);
  }

  @Test
  void sameWordsGiveTheSameShingleWherever() {
    long[] first = Shingles.hashes(tokenizer.tokenize("one two three four"), 2);
    long[] second = Shingles.hashes(tokenizer.tokenize("Two, three! Four."), 2);
    assertThat(second).containsExactly(first[1], first[2]);
  }

  @Test
  void randomDistinctShinglesDoNotCollide() {
    Random random = new Random(0x5417);
    long[] termHashes = new long[200_000];
    for (int i = 0; i < termHashes.length; i++) {
      termHashes[i] = WordTokenizer.hashTerm("w" + random.nextInt(1_000));
    }
    long[] shingles = Shingles.hashes(termHashes, 4);
    Set<String> windows = new HashSet<>();
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < shingles.length; i++) {
      String window =
          termHashes[i]
              + ","
              + termHashes[i + 1]
              + ","
              + termHashes[i + 2]
              + ","
              + termHashes[i + 3];
      if (windows.add(window)) {
        assertThat(hashes.add(shingles[i])).as("shingle %d collides", i).isTrue();
      }
    }
  }

  static Stream<Arguments> distinctSortedCases() {
    return Stream.of(
        Arguments.of(new long[] {}, new long[] {}),
        Arguments.of(new long[] {5}, new long[] {5}),
        Arguments.of(new long[] {3, 1, 3, 2, 1}, new long[] {1, 2, 3}),
        Arguments.of(
            new long[] {Long.MAX_VALUE, -1, Long.MIN_VALUE, 0, -1},
            new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}));
  }

  @ParameterizedTest
  @MethodSource("distinctSortedCases")
  void sortsAndDeduplicatesWithoutChangingTheInput(long[] hashes, long[] expected) {
    long[] before = hashes.clone();
    assertThat(Shingles.distinctSorted(hashes)).containsExactly(expected);
    assertThat(hashes).containsExactly(before);
  }

  /** Random hashes, repeats, clustered and extreme values, around the bucket-sort threshold. */
  @Test
  void sortsAndDeduplicatesRandomArraysAsASortDoes() {
    Random random = new Random(0x5047L);
    for (int round = 0; round < 2_000; round++) {
      int length = random.nextInt(round % 10 == 0 ? 5_000 : 200);
      long[] hashes = new long[length];
      int style = random.nextInt(4);
      for (int i = 0; i < length; i++) {
        switch (style) {
          case 0 -> hashes[i] = random.nextLong();
          case 1 -> hashes[i] = random.nextInt(1 + length / 3); // many repeats, one bucket
          case 2 -> hashes[i] = random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE - i % 3;
          default ->
              hashes[i] = i > 0 && random.nextInt(4) == 0 ? hashes[i - 1] : random.nextLong();
        }
      }
      long[] expected = Arrays.stream(hashes).sorted().distinct().toArray();
      long[] before = hashes.clone();
      assertThat(Shingles.distinctSorted(hashes))
          .as("round %d, style %d, length %d", round, style, length)
          .containsExactly(expected);
      assertThat(hashes).containsExactly(before);
    }
  }

  @Test
  void refusesAnEmptyShingleSize() {
    assertThatThrownBy(() -> Shingles.hashes(new long[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be > 0: 0");
  }
}
