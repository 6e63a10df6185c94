package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandoffTest {
  @Test
  void handsItsValueOverOnceAndSaysWhatWasTakenTwice() {
    long[][] shingles = {{1L, 2L}};
    Handoff<long[][]> handoff = new Handoff<>("sampled shingles", shingles);
    assertThat(handoff.take()).isSameAs(shingles);
    assertThatThrownBy(handoff::take)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sampled shingles were handed over already");
  }

  @Test
  void refusesNothingToHandOver() {
    assertThatThrownBy(() -> new Handoff<>("story terms", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("story terms");
  }
}
