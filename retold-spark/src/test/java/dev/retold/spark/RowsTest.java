package dev.retold.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packed rows the joins shuffle: grouping them by their first value, and the two counts the
 * joins make of grouped rows ({@link CopyJoin#followers}, {@link CopyJoin#sharedEnough}), against
 * plain collections on seeded random rows.
 */
class RowsTest {
  @ParameterizedTest(name = "seed {0}: {1} rows of {2}, first values among {3}")
  @CsvSource({
    "1, 0, 2, 5",
    "2, 1, 3, 5",
    "3, 16, 2, 3",
    "4, 17, 4, 3",
    "5, 1000, 2, 40",
    "6, 5000, 3, 2000",
    "7, 20000, 4, 100000",
    "8, 3000, 2, 1"
  })
  void groupedPutsRowsAlikeInTheirFirstValueTogetherInTheOrderOfTheRest(
      long seed, int count, int width, int firsts) {
    Random random = new Random(seed);
    long[] rows = new long[count * width];
    for (int at = 0; at < rows.length; at += width) {
      rows[at] = random.nextInt(firsts) * 0x9E3779B97F4A7C15L; // negative values too
      for (int k = 1; k < width; k++) {
        rows[at + k] = random.nextInt(4) - 2L; // repeated rows too
      }
    }
    long[] grouped = Rows.grouped(rows.clone(), width);

    assertThat(asRows(grouped, width)).containsExactlyInAnyOrderElementsOf(asRows(rows, width));
    Set<Long> seen = new HashSet<>();
    for (int at = 0; at < grouped.length; at += width) {
      boolean sameGroup = at > 0 && grouped[at - width] == grouped[at];
      if (sameGroup) {
        assertThat(compare(grouped, at - width, at, width)).isLessThanOrEqualTo(0);
      } else {
        assertThat(seen.add(grouped[at])).as("one run per first value").isTrue();
      }
    }
    long[] shuffled = shuffledRows(rows, width, random);
    assertThat(Rows.grouped(shuffled, width)).as("the input's order").isEqualTo(grouped);
  }

  @Test
  void aRowOfAnotherWidthIsRefused() {
    Rows rows = new Rows(3);
    assertThatThrownBy(() -> rows.add(1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rows.grouped(new long[5], 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rows(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rowsGrowPastTheirFirstArray() {
    Rows rows = new Rows(2);
    for (int i = 0; i < 1000; i++) {
      rows.add(i, -i);
    }
    long[] all = rows.toArray();
    assertThat(all).hasSize(2000);
    assertThat(all[1998]).isEqualTo(999);
    assertThat(all[1999]).isEqualTo(-999);
  }

  @Test
  void partitionsSpreadKeysOverAllOfThem() {
    int[] counts = new int[7];
    for (long key = 0; key < 7000; key++) {
      counts[Rows.partition(key << 20, 7)]++;
    }
    assertThat(Arrays.stream(counts).boxed())
        .allSatisfy(count -> assertThat(count).isBetween(800, 1200));
  }

  @ParameterizedTest(name = "seed {0}: {1} articles, {2} keys, at most {3} holders, at least {4}")
  @CsvSource({"11, 30, 60, 5, 2", "12, 200, 300, 8, 2", "13, 200, 50, 128, 3", "14, 50, 500, 2, 1"})
  void pairsSharingEnoughKeysAreThoseAPlainCountFinds(
      long seed, int articles, int keys, int most, int least) {
    Random random = new Random(seed);
    Rows held = new Rows(2);
    Map<Long, Set<Long>> holders = new TreeMap<>();
    for (long article = 0; article < articles; article++) {
      long position = article * 1000 + 7;
      Set<Long> chosen = new TreeSet<>();
      int many = 1 + random.nextInt(12);
      while (chosen.size() < many) {
        chosen.add((long) random.nextInt(keys) - keys / 2);
      }
      for (long key : chosen) {
        held.add(key, position);
        holders.computeIfAbsent(key, any -> new TreeSet<>()).add(position);
      }
    }
    long[] listed = CopyJoin.followers(Rows.grouped(held.toArray(), 2), most);
    long[] found = CopyJoin.sharedEnough(Rows.grouped(listed, 2), least);

    Map<List<Long>, Integer> shared = new TreeMap<>(RowsTest::compareLists);
    for (Set<Long> of : holders.values()) {
      if (of.size() < 2 || of.size() > most) {
        continue;
      }
      List<Long> sorted = new ArrayList<>(of);
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          shared.merge(List.of(sorted.get(i), sorted.get(j)), 1, Integer::sum);
        }
      }
    }
    List<List<Long>> expected = new ArrayList<>();
    shared.forEach(
        (pair, count) -> {
          if (count >= least) {
            expected.add(pair);
          }
        });
    assertThat(asRows(found, 2)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).as("a case with pairs to find").isNotEmpty();
  }

  private static List<List<Long>> asRows(long[] rows, int width) {
    List<List<Long>> out = new ArrayList<>();
    for (int at = 0; at < rows.length; at += width) {
      List<Long> row = new ArrayList<>();
      for (int k = 0; k < width; k++) {
        row.add(rows[at + k]);
      }
      out.add(row);
    }
    return out;
  }

  private static long[] shuffledRows(long[] rows, int width, Random random) {
    List<List<Long>> all = asRows(rows, width);
    Collections.shuffle(all, random);
    return all.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
  }

  private static int compare(long[] rows, int x, int y, int width) {
    return Arrays.compare(rows, x, x + width, rows, y, y + width);
  }

  private static int compareLists(List<Long> x, List<Long> y) {
    for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
      int order = Long.compare(x.get(k), y.get(k));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
