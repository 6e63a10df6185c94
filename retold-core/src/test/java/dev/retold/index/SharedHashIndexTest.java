package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SharedHashIndexTest {

  static Stream<Arguments> smallIndexes() {
    return Stream.of(
        Arguments.of(
            "enough shared",
            2,
            3,
            new long[][] {{1, 2, 3}, {2, 3, 4}},
            List.of(new SharedHashCandidate(0, 1, 2))),
        Arguments.of("too few shared", 3, 3, new long[][] {{1, 2, 3}, {2, 3, 4}}, List.of()),
        Arguments.of(
            "each pair counted",
            1,
            3,
            new long[][] {{1, 2}, {2, 3}, {1, 3}, {9}},
            List.of(
                new SharedHashCandidate(0, 1, 1),
                new SharedHashCandidate(0, 2, 1),
                new SharedHashCandidate(1, 2, 1))),
        Arguments.of(
            "a shingle in more than the cap is boilerplate",
            1,
            2,
            new long[][] {{1, 5}, {1, 5}, {1}, {7}},
            List.of(new SharedHashCandidate(0, 1, 1))),
        Arguments.of(
            "a shingle at the cap still counts",
            2,
            3,
            new long[][] {{1, 5}, {1, 5}, {1}, {7}},
            List.of(new SharedHashCandidate(0, 1, 2))),
        Arguments.of(
            "extreme hashes",
            2,
            3,
            new long[][] {
              {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, {Long.MIN_VALUE, Long.MAX_VALUE}
            },
            List.of(new SharedHashCandidate(0, 1, 2))),
        Arguments.of("empty documents", 1, 3, new long[][] {{}, {}, {}}, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallIndexes")
  void pairsDocumentsSharingEnoughShingles(
      String name,
      int minShared,
      int maxDocumentFrequency,
      long[][] documents,
      List<SharedHashCandidate> expected) {
    SharedHashIndex index =
        SharedHashIndex.builder()
            .minSharedHashes(minShared)
            .maxDocumentFrequency(maxDocumentFrequency)
            .build();
    for (int doc = 0; doc < documents.length; doc++) {
      index.add(doc, documents[doc]);
    }
    assertThat(index.candidates()).isEqualTo(expected);
  }

  @Test
  void hasTheDocumentedDefaults() {
    SharedHashIndex index = SharedHashIndex.withDefaults();
    assertThat(index.maxDocumentFrequency()).isEqualTo(50);
    assertThat(index.minSharedHashes()).isEqualTo(8);
  }

  /**
   * On a random corpus with a skewed vocabulary (so some shingles pass the cap), the index agrees
   * with a plain map-based count, whatever the order of adding and however the hash space is cut.
   */
  @Test
  void agreesWithANaiveCountOnARandomCorpus() {
    Random random = new Random(0x5A4ED);
    long[] vocabulary = new long[5_000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = random.nextLong();
    }
    int documents = 400;
    long[][] shingles = new long[documents][];
    for (int doc = 0; doc < documents; doc++) {
      long[] picked = new long[50 + random.nextInt(100)];
      for (int i = 0; i < picked.length; i++) {
        double skewed = Math.pow(random.nextDouble(), 3); // small indexes far more often
        picked[i] = vocabulary[(int) (skewed * vocabulary.length)];
      }
      shingles[doc] = Arrays.stream(picked).sorted().distinct().toArray();
    }
    int minShared = 3;
    int maxDocumentFrequency = 20;
    List<SharedHashCandidate> expected = naive(shingles, minShared, maxDocumentFrequency);
    assertThat(expected).hasSizeGreaterThan(100);

    List<Integer> order = new ArrayList<>();
    for (int doc = 0; doc < documents; doc++) {
      order.add(doc);
    }
    for (int sliceEntries : new int[] {1 << 22, 1_000, 16}) {
      Collections.shuffle(order, random);
      SharedHashIndex index =
          SharedHashIndex.builder()
              .minSharedHashes(minShared)
              .maxDocumentFrequency(maxDocumentFrequency)
              .sliceEntries(sliceEntries)
              .build();
      for (int doc : order) {
        index.add(doc, shingles[doc]);
      }
      assertThat(index.candidates()).as("slices of %d", sliceEntries).isEqualTo(expected);
    }
  }

  private static List<SharedHashCandidate> naive(
      long[][] shingles, int minShared, int maxDocumentFrequency) {
    Map<Long, List<Integer>> postings = new HashMap<>();
    for (int doc = 0; doc < shingles.length; doc++) {
      for (long shingle : shingles[doc]) {
        postings.computeIfAbsent(shingle, s -> new ArrayList<>()).add(doc);
      }
    }
    Map<List<Integer>, Integer> counts =
        new TreeMap<>(
            (x, y) -> x.get(0).equals(y.get(0)) ? x.get(1) - y.get(1) : x.get(0) - y.get(0));
    for (List<Integer> docs : postings.values()) {
      if (docs.size() > maxDocumentFrequency) {
        continue;
      }
      for (int i = 0; i < docs.size(); i++) {
        for (int j = i + 1; j < docs.size(); j++) {
          counts.merge(List.of(docs.get(i), docs.get(j)), 1, Integer::sum);
        }
      }
    }
    List<SharedHashCandidate> candidates = new ArrayList<>();
    counts.forEach(
        (pair, count) -> {
          if (count >= minShared) {
            candidates.add(new SharedHashCandidate(pair.get(0), pair.get(1), count));
          }
        });
    return candidates;
  }

  @Test
  void refusesBadDocuments() {
    SharedHashIndex index = SharedHashIndex.withDefaults();
    index.add(2, new long[] {1, 2});
    assertThatThrownBy(() -> index.add(2, new long[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId already added: 2");
    assertThatThrownBy(() -> index.add(-3, new long[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId must be >= 0: -3");
    assertThatThrownBy(() -> index.add(4, new long[] {1, 3, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "shingles must be sorted and distinct, but entry 2 is not above the one before:"
                + " document 4");
    assertThat(index.size()).isEqualTo(1);
  }

  static Stream<Arguments> refusedSettings() {
    return Stream.of(
        Arguments.of(1, 8, "maxDocumentFrequency must be >= 2: 1"),
        Arguments.of(50, 0, "minSharedHashes must be >= 1: 0"));
  }

  @ParameterizedTest
  @MethodSource("refusedSettings")
  void refusesImpossibleSettings(int maxDocumentFrequency, int minShared, String message) {
    assertThatThrownBy(
            () ->
                SharedHashIndex.builder()
                    .maxDocumentFrequency(maxDocumentFrequency)
                    .minSharedHashes(minShared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void candidatesHaveOneSpellingAndAPositiveCount() {
    assertThatThrownBy(() -> new SharedHashCandidate(3, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must be < b: 3, 1");
    assertThatThrownBy(() -> new SharedHashCandidate(1, 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sharedHashes must be > 0: 0");
    assertThat(new SharedHashCandidate(1, 3, 5).pair()).isEqualTo(new CandidatePair(1, 3));
  }
}
