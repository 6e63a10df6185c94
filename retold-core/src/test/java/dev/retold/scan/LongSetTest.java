package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongSetTest {
  @Test
  void addsAsAHashSetDoesThroughEveryGrowth() {
    Random random = new Random(9);
    LongSet set = new LongSet();
    Set<Long> reference = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long value = random.nextInt(10) == 0 ? 1 + random.nextInt(50) : random.nextLong() | 1;
      assertThat(set.add(value)).as("add %d", value).isEqualTo(reference.add(value));
    }
    assertThat(set.size()).isEqualTo(reference.size());
  }

  @Test
  void refusesZero() {
    assertThatThrownBy(() -> new LongSet().add(0)).hasMessage("0 is not a member");
  }
}
