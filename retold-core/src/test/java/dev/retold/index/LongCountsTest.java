package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongCountsTest {

  @Test
  void everyLongIsAKeyZeroIncluded() {
    LongCounts counts = new LongCounts();
    counts.increment(0);
    counts.increment(0);
    counts.add(-1, 5);
    counts.increment(Long.MIN_VALUE);
    assertThat(counts.count(0)).isEqualTo(2);
    assertThat(counts.count(-1)).isEqualTo(5);
    assertThat(counts.count(Long.MIN_VALUE)).isEqualTo(1);
    assertThat(counts.count(7)).isZero();
    assertThat(counts.size()).isEqualTo(3);
    assertThat(counts.keysCountedAtLeast(2)).containsExactly(-1, 0);
    assertThat(counts.keysCountedAtLeast(1)).containsExactly(Long.MIN_VALUE, -1, 0);
  }

  @Test
  void agreesWithAHashMapThroughManyResizes() {
    Random random = new Random(99);
    LongCounts counts = new LongCounts();
    Map<Long, Integer> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      long key = random.nextInt(50_000) * 0x9E3779B97F4A7C15L; // spread, with repeats
      counts.increment(key);
      expected.merge(key, 1, Integer::sum);
    }
    assertThat(counts.size()).isEqualTo(expected.size());
    expected.forEach((key, count) -> assertThat(counts.count(key)).isEqualTo(count));
    assertThat(counts.keysCountedAtLeast(1)).hasSize(expected.size()).isSorted();
  }
}
