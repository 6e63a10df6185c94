package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.fingerprint.MinHashSignature;
import dev.retold.fingerprint.MinHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BandedLshIndexTest {
  private static final LshParameters TWO_BY_TWO = new LshParameters(2, 2);

  static Stream<Arguments> smallIndexes() {
    return Stream.of(
        Arguments.of(
            "first band shared",
            new long[][] {{1, 2, 3, 4}, {1, 2, 5, 6}},
            List.of(new CandidatePair(0, 1))),
        Arguments.of(
            "second band shared",
            new long[][] {{1, 2, 3, 4}, {7, 8, 3, 4}},
            List.of(new CandidatePair(0, 1))),
        Arguments.of(
            "half of each band shared", new long[][] {{1, 2, 3, 4}, {1, 9, 3, 9}}, List.of()),
        Arguments.of(
            "same rows in different bands", new long[][] {{1, 2, 3, 4}, {3, 4, 1, 2}}, List.of()),
        Arguments.of(
            "a bucket of three",
            new long[][] {{1, 2, 3, 4}, {9, 9, 9, 9}, {1, 2, 0, 0}, {5, 5, 3, 4}, {1, 2, 8, 8}},
            List.of(
                new CandidatePair(0, 2),
                new CandidatePair(0, 3),
                new CandidatePair(0, 4),
                new CandidatePair(2, 4))),
        Arguments.of(
            "components past bands x rows are ignored",
            new long[][] {{1, 2, 3, 4, 5}, {1, 2, 7, 8, 5}, {0, 0, 0, 0, 5}},
            List.of(new CandidatePair(0, 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallIndexes")
  void pairsDocumentsSharingABucket(
      String name, long[][] signatures, List<CandidatePair> expected) {
    BandedLshIndex index = new BandedLshIndex(TWO_BY_TWO);
    for (int doc = 0; doc < signatures.length; doc++) {
      index.add(doc, MinHashSignature.of(signatures[doc]));
    }
    assertThat(index.candidates()).isEqualTo(expected);
  }

  @Test
  void givesAllPairsOfABigBucketOnce() {
    BandedLshIndex index = new BandedLshIndex(TWO_BY_TWO);
    for (int doc = 0; doc < 40; doc++) {
      index.add(doc, MinHashSignature.of(1, 2, 3, 4));
    }
    List<CandidatePair> candidates = index.candidates();
    assertThat(candidates).hasSize(40 * 39 / 2).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void neverPairsEmptySignatures() {
    BandedLshIndex index = new BandedLshIndex(TWO_BY_TWO);
    index.add(0, MinHashSignature.empty(4));
    index.add(1, MinHashSignature.empty(4));
    index.add(2, MinHashSignature.of(1, 2, 3, 4));
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.candidates()).isEmpty();
  }

  @Test
  void givesTheSameCandidatesWhateverTheOrderOfAdding() {
    Random random = new Random(0x15D);
    MinHasher hasher = MinHasher.withDefaults();
    List<MinHashSignature> signatures = new ArrayList<>();
    long[] base = randomSet(random, 300);
    for (int doc = 0; doc < 300; doc++) {
      long[] set = base.clone();
      for (int i = 0; i < set.length; i++) {
        if (random.nextInt(3) == 0) {
          set[i] = random.nextLong();
        }
      }
      signatures.add(hasher.sign(set));
    }
    LshParameters parameters = LshParameters.optimal(0.5, 128);
    BandedLshIndex inOrder = new BandedLshIndex(parameters);
    for (int doc = 0; doc < signatures.size(); doc++) {
      inOrder.add(doc, signatures.get(doc));
    }
    List<Integer> shuffled = new ArrayList<>();
    for (int doc = 0; doc < signatures.size(); doc++) {
      shuffled.add(doc);
    }
    Collections.shuffle(shuffled, random);
    BandedLshIndex outOfOrder = new BandedLshIndex(parameters);
    for (int doc : shuffled) {
      outOfOrder.add(doc, signatures.get(doc));
    }
    List<CandidatePair> candidates = inOrder.candidates();
    assertThat(candidates).isNotEmpty().isSorted().doesNotHaveDuplicates();
    assertThat(outOfOrder.candidates()).isEqualTo(candidates);
  }

  /**
   * The band keys handed out for a join elsewhere pair exactly the documents the index pairs: those
   * equal at some band.
   */
  @Test
  void bandKeysPairWhatTheIndexPairs() {
    Random random = new Random(0xBA7D);
    MinHasher hasher = MinHasher.withDefaults();
    LshParameters parameters = LshParameters.optimal(0.5, hasher.numberOfComponents());
    BandedLshIndex index = new BandedLshIndex(parameters);
    List<long[]> keys = new ArrayList<>();
    long[] base = randomSet(random, 200);
    for (int doc = 0; doc < 120; doc++) {
      long[] set = base.clone();
      for (int i = 0; i < set.length; i++) {
        if (random.nextInt(2) == 0) {
          set[i] = random.nextLong();
        }
      }
      MinHashSignature signature = doc == 7 ? hasher.sign(new long[0]) : hasher.sign(set);
      index.add(doc, signature);
      keys.add(BandedLshIndex.bandKeys(parameters, signature));
    }
    List<CandidatePair> joined = new ArrayList<>();
    for (int a = 0; a < keys.size(); a++) {
      for (int b = a + 1; b < keys.size(); b++) {
        for (int band = 0; band < Math.min(keys.get(a).length, keys.get(b).length); band++) {
          if (keys.get(a)[band] == keys.get(b)[band]) {
            joined.add(new CandidatePair(a, b));
            break;
          }
        }
      }
    }
    assertThat(keys.get(7)).isEmpty();
    assertThat(keys.get(0)).hasSize(parameters.bands());
    assertThat(joined).isNotEmpty().isEqualTo(index.candidates());
  }

  /** Pairs well above the threshold are nearly always found, pairs well below nearly never. */
  @Test
  void findsSimilarPairsAtTheRateTheCurvePredicts() {
    Random random = new Random(0xB4ED);
    MinHasher hasher = MinHasher.withDefaults();
    LshParameters parameters = LshParameters.optimal(0.5, hasher.numberOfComponents());
    BandedLshIndex index = new BandedLshIndex(parameters);
    int pairs = 200;
    for (int pair = 0; pair < pairs; pair++) {
      double jaccard = pair % 2 == 0 ? 0.8 : 0.2;
      long[][] sets = pairWithJaccard(random, 400, jaccard);
      index.add(2 * pair, hasher.sign(sets[0]));
      index.add(2 * pair + 1, hasher.sign(sets[1]));
    }
    int foundHigh = 0;
    int foundLow = 0;
    for (CandidatePair candidate : index.candidates()) {
      if (candidate.b() == candidate.a() + 1 && candidate.a() % 2 == 0) {
        if (candidate.a() % 4 == 0) {
          foundHigh++;
        } else {
          foundLow++;
        }
      }
    }
    assertThat(foundHigh / (pairs / 2.0)).isGreaterThanOrEqualTo(0.97);
    assertThat(foundLow / (pairs / 2.0)).isLessThanOrEqualTo(0.05);
  }

  @Test
  void refusesBadDocuments() {
    BandedLshIndex index = new BandedLshIndex(TWO_BY_TWO);
    index.add(3, MinHashSignature.of(1, 2, 3, 4));
    assertThatThrownBy(() -> index.add(3, MinHashSignature.of(1, 2, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId already added: 3");
    assertThatThrownBy(() -> index.add(-1, MinHashSignature.of(1, 2, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("docId must be >= 0: -1");
    assertThatThrownBy(() -> index.add(4, MinHashSignature.of(1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signature has 3 components, fewer than 2 bands x 2 rows: document 4");
  }

  @Test
  void candidatePairsHaveOneSpelling() {
    assertThatThrownBy(() -> new CandidatePair(2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must be < b: 2, 2");
    assertThatThrownBy(() -> new CandidatePair(-1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must be >= 0: -1");
    assertThat(new CandidatePair(1, 5)).isLessThan(new CandidatePair(2, 3));
    assertThat(new CandidatePair(1, 5)).isGreaterThan(new CandidatePair(1, 4));
  }

  /** Two sets of {@code size} elements each with the given Jaccard similarity (rounded). */
  static long[][] pairWithJaccard(Random random, int size, double jaccard) {
    int shared = (int) Math.round(2 * size * jaccard / (1 + jaccard));
    long[] common = randomSet(random, shared);
    long[] a = new long[size];
    long[] b = new long[size];
    System.arraycopy(common, 0, a, 0, shared);
    System.arraycopy(common, 0, b, 0, shared);
    long[] rest = randomSet(random, 2 * (size - shared));
    System.arraycopy(rest, 0, a, shared, size - shared);
    System.arraycopy(rest, size - shared, b, shared, size - shared);
    return new long[][] {a, b};
  }

  static long[] randomSet(Random random, int size) {
    Set<Long> set = new LinkedHashSet<>();
    while (set.size() < size) {
      set.add(random.nextLong());
    }
    return set.stream().mapToLong(Long::longValue).toArray();
  }
}
