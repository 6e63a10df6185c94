package dev.retold.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.util.IntroSorter;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Rows of a fixed number of {@code long}s packed one after the other in one growable array: what
 * the joins shuffle. A task sends one array to each partition it has rows for, rather than an
 * object a row, so a shuffle of tens of millions of rows costs copies of primitive arrays instead
 * of boxing, hashing and serialising each row (the first story join, with a {@code groupByKey} of
 * boxed keys, spent 45 % of its profile in Spark's hash map of them and 40 % serialising).
 *
 * <p>{@link #byFirst} is the one shuffle: rows gathered by their first value, each partition then
 * one array of its rows {@linkplain #grouped grouped} (the rows alike in their first value
 * together, in the order of their further values), in one order whatever the partitioning of the
 * input.
 */
final class Rows {
  private final int width;
  private long[] values;
  private int length;

  /** No rows yet, each to hold {@code width} values. */
  Rows(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1: " + width);
    }
    this.width = width;
    this.values = new long[16 * width];
  }

  /** Adds a row of two values; for rows of width 2. */
  void add(long first, long second) {
    room(2);
    values[length++] = first;
    values[length++] = second;
  }

  /** Adds a row of three values; for rows of width 3. */
  void add(long first, long second, long third) {
    room(3);
    values[length++] = first;
    values[length++] = second;
    values[length++] = third;
  }

  /** The rows added, packed (the array they were added to when it is full: not copied then). */
  long[] toArray() {
    return length == values.length ? values : Arrays.copyOf(values, length);
  }

  private void room(int given) {
    if (given != width) {
      throw new IllegalArgumentException("a row of " + given + " values, not " + width);
    }
    if (values.length - length < width) {
      long most = Integer.MAX_VALUE - 8 - (Integer.MAX_VALUE - 8) % width;
      if (length + width > most) {
        throw new IllegalStateException("more rows than one array holds: " + length / width);
      }
      values = Arrays.copyOf(values, (int) Math.min(most, Math.max(2L * values.length, 16)));
    }
  }

  /**
   * How many partitions the joins' shuffles spread rows among: {@code spark.default.parallelism}
   * when it is set, else as many as {@code input} has (what Spark's own {@code groupByKey} takes).
   */
  static int partitions(JavaSparkContext context, JavaRDD<?> input) {
    return context.getConf().contains("spark.default.parallelism")
        ? context.defaultParallelism()
        : input.getNumPartitions();
  }

  /**
   * The rows {@code blocks} hold (each block rows of {@code width} values, packed), gathered by
   * their first value into {@code partitions} partitions: each partition of the answer is one array
   * of the rows whose first value falls to it, {@linkplain #grouped grouped}. Rows alike in every
   * value are all kept.
   */
  static JavaRDD<long[]> byFirst(JavaRDD<long[]> blocks, int width, int partitions) {
    return blocks
        .mapPartitionsToPair(made -> split(made, width, partitions))
        .partitionBy(new Direct(partitions))
        .mapPartitions(received -> gathered(received, width));
  }

  /**
   * The rows of a task's blocks, one block for each partition they fall to, each made at its size
   * (the rows counted first): no array grown and copied on the way.
   */
  private static Iterator<Tuple2<Integer, long[]>> split(
      Iterator<long[]> made, int width, int partitions) {
    List<long[]> blocks = new ArrayList<>();
    made.forEachRemaining(blocks::add);
    int[] sizes = new int[partitions];
    for (long[] block : blocks) {
      for (int at = 0; at < block.length; at += width) {
        sizes[partition(block[at], partitions)] += width;
      }
    }
    long[][] to = new long[partitions][];
    int[] filled = new int[partitions];
    for (long[] block : blocks) {
      for (int at = 0; at < block.length; at += width) {
        int partition = partition(block[at], partitions);
        if (to[partition] == null) {
          to[partition] = new long[sizes[partition]];
        }
        System.arraycopy(block, at, to[partition], filled[partition], width);
        filled[partition] += width;
      }
    }
    List<Tuple2<Integer, long[]>> out = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      if (to[partition] != null) {
        out.add(new Tuple2<>(partition, to[partition]));
      }
    }
    return out.iterator();
  }

  /** The blocks a partition received, as one grouped array (empty when it received none). */
  private static Iterator<long[]> gathered(Iterator<Tuple2<Integer, long[]>> received, int width) {
    List<long[]> blocks = new ArrayList<>();
    received.forEachRemaining(block -> blocks.add(block._2()));
    return List.of(grouped(blocks, width)).iterator();
  }

  /** Which of {@code partitions} a row whose first value is {@code key} goes to. */
  static int partition(long key, int partitions) {
    return (int) Long.remainderUnsigned(mix(key), partitions);
  }

  /**
   * {@code key}'s bits mixed (SplitMix64's finaliser), so that keys alike in some bits spread: the
   * partition takes the remainder, the bucket within a partition the highest bits.
   */
  private static long mix(long key) {
    long mixed = (key ^ (key >>> 30)) * 0xBF58476D1CE4E5B9L;
    mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
    return mixed ^ (mixed >>> 31);
  }

  /**
   * {@code rows} (rows of {@code width} values, packed) grouped by their first value: the rows
   * alike there lie together, ordered by their further values (in signed order), and the groups in
   * an order that depends on their first values alone. It is a sort in all but the groups' order:
   * the rows are spread by a hash of their first value into buckets of about eight rows, and each
   * bucket is sorted: fewer comparisons than a sort of the whole, each on a few rows that lie
   * together in memory (in the story join's profile, the joins' sorting took 56 % of the samples a
   * sort of the whole took). The answer is a new array; {@code rows} is left as it was.
   */
  static long[] grouped(long[] rows, int width) {
    return grouped(List.of(rows), width);
  }

  /** The rows of {@code blocks} together, {@linkplain #grouped(long[], int) grouped}. */
  static long[] grouped(List<long[]> blocks, int width) {
    long size = 0;
    for (long[] block : blocks) {
      if (block.length % width != 0) {
        throw new IllegalArgumentException(
            block.length + " values are not rows of " + width + " values");
      }
      size += block.length;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "one partition received more rows than one array holds ("
              + size / width
              + "): set spark.default.parallelism higher");
    }
    int count = (int) size / width;
    if (count <= 16) {
      long[] all = joined(blocks);
      new Sorter(all, width).sort(0, count);
      return all;
    }
    long[] spread = new long[(int) size];
    int bits = Math.min(20, 32 - Integer.numberOfLeadingZeros((count - 1) / 8));
    int[] starts = new int[(1 << bits) + 1];
    for (long[] block : blocks) {
      for (int at = 0; at < block.length; at += width) {
        starts[bucket(block[at], bits) + 1]++;
      }
    }
    for (int bucket = 0; bucket + 1 < starts.length; bucket++) {
      starts[bucket + 1] += starts[bucket];
    }
    int[] next = Arrays.copyOf(starts, starts.length - 1);
    for (long[] block : blocks) {
      for (int at = 0; at < block.length; at += width) {
        int to = next[bucket(block[at], bits)]++ * width;
        for (int k = 0; k < width; k++) {
          spread[to + k] = block[at + k];
        }
      }
    }
    Sorter sorter = new Sorter(spread, width);
    for (int bucket = 0; bucket + 1 < starts.length; bucket++) {
      if (starts[bucket + 1] - starts[bucket] > 1) {
        sorter.sort(starts[bucket], starts[bucket + 1]);
      }
    }
    return spread;
  }

  /** {@code blocks} (of rows, or any values) one after the other in one array. */
  static long[] joined(List<long[]> blocks) {
    long[] all = new long[Math.toIntExact(blocks.stream().mapToLong(block -> block.length).sum())];
    int at = 0;
    for (long[] block : blocks) {
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    return all;
  }

  /**
   * Where the run of rows (of {@code width} values, {@linkplain #grouped grouped}) that share the
   * first value of the row at {@code start} ends: the offset after its last row.
   */
  static int runEnd(long[] rows, int start, int width) {
    int end = start + width;
    while (end < rows.length && rows[end] == rows[start]) {
      end += width;
    }
    return end;
  }

  /** The bucket of {@code bits} bits a row whose first value is {@code key} is spread to. */
  private static int bucket(long key, int bits) {
    return (int) (mix(key) >>> (64 - bits));
  }

  /** Sorts rows of an array, packed: by their first value, then their second, and so on. */
  private static final class Sorter extends IntroSorter {
    private final long[] rows;
    private final int width;
    private final long[] pivot;

    Sorter(long[] rows, int width) {
      this.rows = rows;
      this.width = width;
      this.pivot = new long[width];
    }

    @Override
    protected void swap(int i, int j) {
      for (int k = 0, x = i * width, y = j * width; k < width; k++, x++, y++) {
        long kept = rows[x];
        rows[x] = rows[y];
        rows[y] = kept;
      }
    }

    @Override
    protected int compare(int i, int j) {
      for (int k = 0, x = i * width, y = j * width; k < width; k++, x++, y++) {
        int order = Long.compare(rows[x], rows[y]);
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }

    @Override
    protected void setPivot(int i) {
      System.arraycopy(rows, i * width, pivot, 0, width);
    }

    @Override
    protected int comparePivot(int j) {
      for (int k = 0, y = j * width; k < width; k++, y++) {
        int order = Long.compare(pivot[k], rows[y]);
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }
  }

  /** The partition a block is sent to is its key. */
  private static final class Direct extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    Direct(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
      }
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Direct direct && direct.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }
}
