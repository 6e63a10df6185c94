package dev.retold.bench.signers;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.Hashing;
import org.junit.jupiter.api.Test;

class WordHashBaselineTest {
  private static long komihash(String word) {
    return Hashing.komihash5_0().hashCharsToLong(word);
  }

  @Test
  void sumsTheHashOfEveryRunOfLetters() {
    assertThat(WordHashBaseline.sumOfWordHashes("  Hello, wörld! 42 times-two."))
        .isEqualTo(komihash("Hello") + komihash("wörld") + komihash("times") + komihash("two"));
  }

  @Test
  void aTextWithoutLettersSumsToZero() {
    assertThat(WordHashBaseline.sumOfWordHashes("")).isZero();
    assertThat(WordHashBaseline.sumOfWordHashes("12, 34 -- 56.")).isZero();
  }
}
