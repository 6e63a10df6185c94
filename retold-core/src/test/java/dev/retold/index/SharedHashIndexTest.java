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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
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
            "a hash in more than the cap is boilerplate",
            1,
            2,
            new long[][] {{1, 5}, {1, 5}, {1}, {7}},
            List.of(new SharedHashCandidate(0, 1, 1))),
        Arguments.of(
            "a hash at the cap still counts",
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
        Arguments.of(
            "a document meets another through several hashes",
            1,
            4,
            new long[][] {{1, 2, 3}, {4}, {1, 2, 3, 4}, {3}},
            List.of(
                new SharedHashCandidate(0, 2, 3),
                new SharedHashCandidate(0, 3, 1),
                new SharedHashCandidate(1, 2, 1),
                new SharedHashCandidate(2, 3, 1))),
        Arguments.of("empty documents", 1, 3, new long[][] {{}, {}, {}}, List.of()),
        Arguments.of("no documents", 1, 3, new long[][] {}, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallIndexes")
  void pairsDocumentsSharingEnoughHashes(
      String name,
      int minShared,
      int maxDocumentFrequency,
      long[][] documents,
      List<SharedHashCandidate> expected) {
    SharedHashIndex.Builder builder =
        SharedHashIndex.builder()
            .minSharedHashes(minShared)
            .maxDocumentFrequency(maxDocumentFrequency);
    for (int doc = 0; doc < documents.length; doc++) {
      builder.add(doc, documents[doc]);
    }
    assertThat(builder.build().candidates()).isEqualTo(expected);
  }

  @Test
  void hasTheDocumentedDefaults() {
    SharedHashIndex index = SharedHashIndex.builder().build();
    assertThat(index.maxDocumentFrequency()).isEqualTo(50);
    assertThat(index.minSharedHashes()).isEqualTo(8);
    assertThat(index.threads()).isEqualTo(1);
    assertThat(index.size()).isZero();
    assertThat(index.candidates()).isEmpty();
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /**
   * On random corpora (skewed vocabularies, so some hashes pass the cap; sparse ids added in random
   * order; empty documents; extreme hash values), the index agrees with a count of shared hashes
   * over every pair, whatever the thread count and however its hashes are cut into blocks and
   * buckets. Most corpora are tiny; every tenth is big enough for buckets to be radix sorted.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithAllPairsOnRandomCorpora(long seed) {
    Random random = new Random(seed);
    boolean big = seed % 10 == 9;
    Map<Integer, long[]> corpus =
        randomCorpus(random, big ? 500 + random.nextInt(1_000) : random.nextInt(80));
    int maxDocumentFrequency = 2 + random.nextInt(big ? 40 : 10);
    int minShared = 1 + random.nextInt(4);
    int[] blockEntries = big ? new int[] {64, 1 << 10, 1 << 20} : new int[] {4, 64, 1 << 20};
    int[] bucketEntries = big ? new int[] {16, 1 << 9, 1 << 15} : new int[] {2, 32, 1 << 15};
    SharedHashIndex.Builder builder =
        SharedHashIndex.builder()
            .maxDocumentFrequency(maxDocumentFrequency)
            .minSharedHashes(minShared)
            .threads(1 + random.nextInt(4))
            .blockEntries(blockEntries[random.nextInt(3)])
            .bucketEntries(bucketEntries[random.nextInt(3)]);
    List<Integer> order = new ArrayList<>(corpus.keySet());
    Collections.shuffle(order, random);
    for (int doc : order) {
      builder.add(doc, corpus.get(doc));
    }
    SharedHashIndex index = builder.build();
    assertThat(index.candidates()).isEqualTo(allPairs(corpus, minShared, maxDocumentFrequency));
    assertThat(index.size()).isEqualTo(corpus.size());
  }

  /** {@code documents} documents of up to 40 hashes. */
  private static Map<Integer, long[]> randomCorpus(Random random, int documents) {
    long[] vocabulary = new long[1 + random.nextInt(300 + 3 * documents)];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] =
          switch (random.nextInt(8)) {
            case 0 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}[random.nextInt(4)];
            case 1 -> random.nextInt(100);
            default -> random.nextLong();
          };
    }
    int ids = random.nextBoolean() ? documents : 3 * documents + 1;
    Map<Integer, long[]> corpus = new TreeMap<>();
    while (corpus.size() < documents) {
      long[] picked = new long[random.nextInt(40)];
      for (int i = 0; i < picked.length; i++) {
        double skewed = Math.pow(random.nextDouble(), 3); // small indexes far more often
        picked[i] = vocabulary[(int) (skewed * vocabulary.length)];
      }
      corpus.put(random.nextInt(ids), Arrays.stream(picked).sorted().distinct().toArray());
    }
    return corpus;
  }

  /**
   * The reference: for every pair of documents, the hashes both have that are in at most {@code
   * maxDocumentFrequency} documents.
   */
  private static List<SharedHashCandidate> allPairs(
      Map<Integer, long[]> corpus, int minShared, int maxDocumentFrequency) {
    Map<Long, Integer> documentFrequency = new HashMap<>();
    for (long[] hashes : corpus.values()) {
      for (long hash : hashes) {
        documentFrequency.merge(hash, 1, Integer::sum);
      }
    }
    List<Integer> ids = new ArrayList<>(corpus.keySet());
    Collections.sort(ids);
    List<SharedHashCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long[] x = corpus.get(ids.get(i));
      for (int j = i + 1; j < ids.size(); j++) {
        long[] y = corpus.get(ids.get(j));
        int shared = 0;
        for (int p = 0, q = 0; p < x.length && q < y.length; ) {
          if (x[p] < y[q]) {
            p++;
          } else if (x[p] > y[q]) {
            q++;
          } else {
            if (documentFrequency.get(x[p]) <= maxDocumentFrequency) {
              shared++;
            }
            p++;
            q++;
          }
        }
        if (shared >= minShared) {
          candidates.add(new SharedHashCandidate(ids.get(i), ids.get(j), shared));
        }
      }
    }
    return candidates;
  }

  /** A corpus big enough for every stage to be split among threads gives the same candidates. */
  @Test
  void givesTheSameCandidatesOnAnyNumberOfThreads() {
    Random random = new Random(0x5A4ED);
    long[] vocabulary = random.longs(20_000).toArray();
    Map<Integer, long[]> corpus = new TreeMap<>();
    for (int doc = 0; doc < 3_000; doc++) {
      long[] picked = new long[20 + random.nextInt(40)];
      for (int i = 0; i < picked.length; i++) {
        double skewed = Math.pow(random.nextDouble(), 3);
        picked[i] = vocabulary[(int) (skewed * vocabulary.length)];
      }
      corpus.put(doc, Arrays.stream(picked).sorted().distinct().toArray());
    }
    List<SharedHashCandidate> expected = allPairs(corpus, 2, 30);
    assertThat(expected).hasSizeGreaterThan(1_000);
    for (int bucketEntries : new int[] {1 << 10, 1 << 15}) { // sorted by comparison, by radix
      for (int threads : new int[] {1, 2, 3, 8}) {
        SharedHashIndex.Builder builder =
            SharedHashIndex.builder()
                .maxDocumentFrequency(30)
                .minSharedHashes(2)
                .threads(threads)
                .blockEntries(1 << 12)
                .bucketEntries(bucketEntries);
        corpus.forEach(builder::add);
        assertThat(builder.build().candidates())
            .as("%d threads, buckets of %d", threads, bucketEntries)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void listsTheSameCandidatesAgainButTakesNoMoreDocuments() {
    SharedHashIndex.Builder builder = SharedHashIndex.builder().minSharedHashes(1);
    builder.add(0, new long[] {1, 2});
    builder.add(1, new long[] {2, 3});
    SharedHashIndex index = builder.build();
    List<SharedHashCandidate> candidates = index.candidates();
    assertThat(candidates).containsExactly(new SharedHashCandidate(0, 1, 1));
    assertThat(index.candidates()).isEqualTo(candidates);
    assertThatThrownBy(() -> candidates.add(new SharedHashCandidate(0, 2, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> builder.add(2, new long[] {3}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no documents can be added once build() was called");
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void buildsOneIndex() {
    SharedHashIndex.Builder builder = SharedHashIndex.builder().add(0, new long[] {1});
    builder.build();
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("build() was called already: a builder builds one index");
    SharedHashIndex.Builder empty = SharedHashIndex.builder();
    empty.build();
    assertThatThrownBy(() -> empty.threads(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no settings can be changed once build() was called");
    assertThatThrownBy(() -> empty.add(0, new long[] {1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no documents can be added once build() was called");
  }

  @Test
  void takesSettingsOnlyBeforeTheFirstDocument() {
    SharedHashIndex.Builder builder = SharedHashIndex.builder().threads(2);
    builder.add(0, new long[] {1, 2});
    assertThatThrownBy(() -> builder.minSharedHashes(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("minSharedHashes must be set before the first add()");
    assertThatThrownBy(() -> builder.maxDocumentFrequency(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxDocumentFrequency must be set before the first add()");
    assertThatThrownBy(() -> builder.threads(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("threads must be set before the first add()");
    assertThatThrownBy(() -> builder.blockEntries(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("blockEntries must be set before the first add()");
    assertThatThrownBy(() -> builder.bucketEntries(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bucketEntries must be set before the first add()");
    SharedHashIndex index = builder.add(1, new long[] {1, 2}).build();
    assertThat(index.threads()).isEqualTo(2);
    assertThat(index.minSharedHashes()).isEqualTo(8);
    assertThat(index.candidates()).isEmpty();
  }

  /** The built index is read by many threads at once, each call counting on its own threads. */
  @Test
  void listsTheSameCandidatesFromManyThreadsAtOnce() throws Exception {
    Random random = new Random(0xC0FFEE);
    Map<Integer, long[]> corpus = randomCorpus(random, 800);
    SharedHashIndex.Builder builder =
        SharedHashIndex.builder().maxDocumentFrequency(20).minSharedHashes(2).threads(2);
    corpus.forEach(builder::add);
    SharedHashIndex index = builder.build();
    List<SharedHashCandidate> expected = allPairs(corpus, 2, 20);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SharedHashCandidate>>> listed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        listed.add(pool.submit(index::candidates));
      }
      for (Future<List<SharedHashCandidate>> candidates : listed) {
        assertThat(candidates.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesBadDocuments() {
    SharedHashIndex.Builder builder = SharedHashIndex.builder();
    builder.add(2, new long[] {1, 2});
    assertThatThrownBy(() -> builder.add(2, new long[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId already added: 2");
    assertThatThrownBy(() -> builder.add(-3, new long[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId must be >= 0: -3");
    assertThatThrownBy(() -> builder.add(4, new long[] {1, 3, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hashes must be sorted and distinct, but entry 2 is not above the one before:"
                + " document 4");
    assertThatThrownBy(() -> builder.add(5, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sortedDistinctHashes");
    assertThat(builder.build().size()).isEqualTo(1);
  }

  @Test
  void copiesTheAddedHashes() {
    long[] hashes = {1, 2};
    SharedHashIndex.Builder builder = SharedHashIndex.builder().minSharedHashes(2);
    builder.add(0, hashes);
    hashes[0] = 7;
    hashes[1] = 8;
    builder.add(1, new long[] {1, 2});
    assertThat(builder.build().candidates()).containsExactly(new SharedHashCandidate(0, 1, 2));
    assertThat(hashes).containsExactly(7, 8);
  }

  static Stream<Arguments> refusedSettings() {
    return Stream.of(
        Arguments.of(1, 8, 1, "maxDocumentFrequency must be >= 2: 1"),
        Arguments.of(50, 0, 1, "minSharedHashes must be >= 1: 0"),
        Arguments.of(50, 8, 0, "threads must be >= 1: 0"));
  }

  @ParameterizedTest
  @MethodSource("refusedSettings")
  void refusesImpossibleSettings(
      int maxDocumentFrequency, int minShared, int threads, String message) {
    assertThatThrownBy(
            () ->
                SharedHashIndex.builder()
                    .maxDocumentFrequency(maxDocumentFrequency)
                    .minSharedHashes(minShared)
                    .threads(threads))
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
