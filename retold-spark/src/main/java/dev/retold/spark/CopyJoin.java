package dev.retold.spark;

import dev.retold.scan.CopyKeys;
import dev.retold.scan.ScanEngine;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The scan's copy candidates found on the workers, by joins over each article's {@link CopyKeys}
 * rather than in the driver's LSH and shared-shingle indexes: the pairs that share an LSH bucket (a
 * band key at the same band), and the pairs that share at least {@link
 * ScanEngine#minSharedShingles} sampled shingles, counting only shingles held by at most {@link
 * ScanEngine#maxShingleDocuments} articles. Only the articles the driver's first pass would index
 * take part: the first of each id (a later one is skipped) and, among those, the first of each
 * words hash (the others are its exact copies, which the driver pairs with it), first in the order
 * the driver takes the sketches. The keys and the pairs are shuffled as {@link Rows}: packed arrays
 * of {@code long}s, one a task and partition.
 *
 * <p>The same pairs as the driver's indexes find, but for chance collisions of the keys those cut
 * to share a {@code long} with an article's number (a few spurious candidates at a million
 * articles, which verification drops): the joins compare whole keys.
 */
final class CopyJoin {
  private CopyJoin() {}

  /**
   * An article's copy keys, with where it comes in the driver's order (a class, not a record:
   * Spark's Kryo serializer, a common cluster setting, cannot make records).
   */
  static final class Keyed implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Increases in the order the driver takes the sketches. */
    final long order;

    /** Where the source reads the article again. */
    final long position;

    /** The article's id. */
    final String id;

    /** Its words hash, 0 without shingles. */
    final long wordsHash;

    /** Its LSH bucket keys, one per band. */
    final long[] bandKeys;

    /** Its sampled shingles. */
    final long[] shingles;

    Keyed(long order, CopyKeys keys) {
      this.order = order;
      this.position = keys.position();
      this.id = keys.id();
      this.wordsHash = keys.wordsHash();
      this.bandKeys = keys.bandKeys();
      this.shingles = keys.shingles();
    }
  }

  /**
   * The candidate pairs among the articles {@code sketched} holds (in the driver's order: partition
   * by partition, each in its order), {@code articles} of them once repeated ids are dropped, as
   * the two articles' positions one after the other, in no particular order.
   */
  static long[] pairs(
      JavaSparkContext context,
      JavaRDD<Sketched> sketched,
      String scan,
      String input,
      Recipe recipe,
      long articles) {
    ScanEngine rules = Workers.of(scan, input, recipe).engine();
    int minShared = rules.minSharedShingles(articles);
    int maxDocuments = rules.maxShingleDocuments();
    JavaRDD<Keyed> keyed =
        sketched.mapPartitionsWithIndex(
            (partition, made) -> keys(partition, made, scan, input, recipe, articles), true);
    keyed.persist(StorageLevel.MEMORY_AND_DISK_SER());
    Broadcast<long[]> skipped = null;
    try {
      skipped = context.broadcast(notIndexed(keyed));
      Broadcast<long[]> notIndexed = skipped;
      JavaRDD<Keyed> indexed =
          keyed.filter(one -> Arrays.binarySearch(notIndexed.value(), one.order) < 0);
      int partitions = Rows.partitions(context, sketched);
      JavaRDD<long[]> lsh =
          Rows.byFirst(indexed.mapPartitions(CopyJoin::buckets), 2, partitions)
              .map(buckets -> followers(buckets, Integer.MAX_VALUE));
      JavaRDD<long[]> shared =
          sharedPairs(indexed.mapPartitions(CopyJoin::held), partitions, maxDocuments, minShared);
      return Rows.joined(
          Rows.byFirst(lsh.union(shared), 2, partitions).map(CopyJoin::distinct).collect());
    } finally {
      if (skipped != null) {
        skipped.destroy();
      }
      keyed.unpersist(false);
    }
  }

  /**
   * The pairs of articles that share at least {@code least} keys among {@code held} (rows of a key
   * and the position of an article holding it), counting only keys held by 2 to {@code most}
   * articles: rows of the two positions, the smaller first. Each key's holders are listed with the
   * holders after them ({@link #followers}), then the pairs listed often enough are kept ({@link
   * #sharedEnough}).
   */
  static JavaRDD<long[]> sharedPairs(JavaRDD<long[]> held, int partitions, int most, int least) {
    JavaRDD<long[]> listed =
        Rows.byFirst(held, 2, partitions).map(holders -> followers(holders, most));
    return Rows.byFirst(listed, 2, partitions).map(pairs -> sharedEnough(pairs, least));
  }

  /** A task's articles' copy keys, numbered in its partition's order. */
  private static Iterator<Keyed> keys(
      int partition,
      Iterator<Sketched> made,
      String scan,
      String input,
      Recipe recipe,
      long articles) {
    ScanEngine engine = Workers.of(scan, input, recipe).engine();
    return numbered(
        partition, made, (order, one) -> new Keyed(order, engine.copyKeys(one.sketch(), articles)));
  }

  /**
   * What {@code make} makes of each of a task's articles (its skipped entries passed over), told
   * the article's order: the task's first article is at {@link #firstOrder}, each next one after.
   */
  static <T> Iterator<T> numbered(
      int partition, Iterator<Sketched> made, BiFunction<Long, Sketched, T> make) {
    List<T> out = new ArrayList<>();
    long order = firstOrder(partition);
    while (made.hasNext()) {
      Sketched one = made.next();
      if (one.sketch() != null) {
        out.add(make.apply(order++, one));
      }
    }
    return out.iterator();
  }

  /**
   * The order of a task's first article: a task's articles are numbered from it in their order
   * there, so that the numbers increase in the order the driver takes the sketches.
   */
  private static long firstOrder(int partition) {
    return (long) partition << 32;
  }

  /**
   * The orders of the articles the driver does not index, sorted: an id's later articles, and of
   * the first articles of the ids, those whose words hash an earlier one has.
   */
  private static long[] notIndexed(JavaRDD<Keyed> keyed) {
    JavaPairRDD<String, long[]> byId =
        keyed.mapToPair(one -> new Tuple2<>(one.id, new long[] {one.order, one.wordsHash}));
    JavaRDD<Long> repeated = allButFirst(byId.mapToPair(id -> new Tuple2<>(id._1(), id._2()[0])));
    JavaRDD<Long> copies =
        allButFirst(
            byId.reduceByKey((a, b) -> a[0] <= b[0] ? a : b)
                .values()
                .filter(first -> first[1] != 0)
                .mapToPair(first -> new Tuple2<>(first[1], first[0])));
    return repeated.union(copies).collect().stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** Of each key's orders, all but the least. */
  static <K> JavaRDD<Long> allButFirst(JavaPairRDD<K, Long> orders) {
    return orders
        .groupByKey()
        .flatMap(
            group -> {
              List<Long> all = new ArrayList<>();
              group._2().forEach(all::add);
              all.sort(null);
              return all.subList(1, all.size()).iterator();
            });
  }

  /**
   * A task's articles' LSH buckets, each a band's key mixed with the band's number (two keys alike
   * at different bands are not one bucket, but for a chance collision of 64-bit hashes), with the
   * article's position: rows of the two.
   */
  private static Iterator<long[]> buckets(Iterator<Keyed> made) {
    Rows out = new Rows(2);
    made.forEachRemaining(
        one -> {
          for (int band = 0; band < one.bandKeys.length; band++) {
            out.add((one.bandKeys[band] ^ band) * 0x9E3779B97F4A7C15L, one.position);
          }
        });
    return List.of(out.toArray()).iterator();
  }

  /** A task's articles' sampled shingles, each with the article's position: rows of the two. */
  private static Iterator<long[]> held(Iterator<Keyed> made) {
    Rows out = new Rows(2);
    made.forEachRemaining(
        one -> {
          for (long shingle : one.shingles) {
            out.add(shingle, one.position);
          }
        });
    return List.of(out.toArray()).iterator();
  }

  /**
   * From rows of a key and a position, {@linkplain Rows#grouped grouped}: for each key held by 2 to
   * {@code most} articles, each holder with each holder after it (in position order), rows of the
   * two; what {@link #sharedEnough} counts (and, with no most, every pair of an LSH bucket).
   */
  static long[] followers(long[] holders, int most) {
    Rows out = new Rows(2);
    for (int start = 0, end; start < holders.length; start = end) {
      end = Rows.runEnd(holders, start, 2);
      int count = (end - start) / 2;
      if (count >= 2 && count <= most) {
        for (int i = start; i < end; i += 2) {
          for (int j = i + 2; j < end; j += 2) {
            out.add(holders[i + 1], holders[j + 1]);
          }
        }
      }
    }
    return out.toArray();
  }

  /**
   * From rows of pairs, {@linkplain Rows#grouped grouped}, the pairs listed at least {@code least}
   * times: those whose two articles share that many shingles (or heavy terms), once each.
   */
  static long[] sharedEnough(long[] pairs, int least) {
    Rows out = new Rows(2);
    for (int start = 0, end; start < pairs.length; start = end) {
      end = start + 2;
      while (end < pairs.length
          && pairs[end] == pairs[start]
          && pairs[end + 1] == pairs[start + 1]) {
        end += 2;
      }
      if ((end - start) / 2 >= least) {
        out.add(pairs[start], pairs[start + 1]);
      }
    }
    return out.toArray();
  }

  /** From rows of pairs, grouped, each pair once. */
  private static long[] distinct(long[] pairs) {
    return sharedEnough(pairs, 1);
  }
}
