package dev.retold.bench.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The k-permutation MinHash written here estimates Jaccard similarity as MinHash should. */
class KPermutationSignerTest {
  @Test
  void estimatesJaccardWithinFourStandardErrors() {
    SplittableRandom random = new SplittableRandom(7);
    int trials = 50;
    double totalError = 0;
    for (int trial = 0; trial < trials; trial++) {
      // 400 shared, 400 only left, 400 only right: Jaccard 1/3.
      long[] left = new long[800];
      long[] right = new long[800];
      for (int i = 0; i < 400; i++) {
        left[i] = right[i] = random.nextLong();
        left[400 + i] = random.nextLong();
        right[400 + i] = random.nextLong();
      }
      KPermutationSigner signer = new KPermutationSigner(3, 128, trial);
      double estimate =
          ShingleSignersTest.agreement(signer.signHashes(left), signer.signHashes(right));
      double standardError = Math.sqrt((1.0 / 3) * (2.0 / 3) / 128);
      assertThat(estimate).isCloseTo(1.0 / 3, offset(4 * standardError));
      totalError += estimate - 1.0 / 3;
    }
    // Unbiased: the mean error over the trials is small.
    assertThat(Math.abs(totalError / trials)).isLessThan(0.02);
  }

  @Test
  void orderAndDuplicatesDoNotMatter() {
    KPermutationSigner signer = new KPermutationSigner(3, 16, 1);
    assertThat(signer.signHashes(new long[] {5, -9, 5, 1L << 62}))
        .isEqualTo(signer.signHashes(new long[] {1L << 62, 5, -9}));
  }

  @Test
  void theEmptySetGivesTheLargestUnsignedValue() {
    assertThat(new KPermutationSigner(3, 4, 1).signHashes(new long[0])).containsOnly(-1L);
  }
}
