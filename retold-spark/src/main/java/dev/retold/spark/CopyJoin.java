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
 * the driver takes the sketches.
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
      JavaPairRDD<Long, Long> lsh =
          indexed
              .flatMapToPair(CopyJoin::buckets)
              .groupByKey()
              .flatMapToPair(bucket -> allPairs(bucket._2()));
      JavaPairRDD<Long, Long> shared =
          indexed
              .flatMapToPair(CopyJoin::held)
              .groupByKey()
              .flatMapToPair(holders -> followers(holders._2(), maxDocuments))
              .groupByKey()
              .flatMapToPair(followed -> sharedEnough(followed._1(), followed._2(), minShared));
      return flat(lsh.union(shared).distinct().collect());
    } finally {
      if (skipped != null) {
        skipped.destroy();
      }
      keyed.unpersist(false);
    }
  }

  /** {@code pairs} as the two positions of each, one after the other. */
  static long[] flat(List<Tuple2<Long, Long>> pairs) {
    long[] flat = new long[2 * pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      flat[2 * i] = pairs.get(i)._1();
      flat[2 * i + 1] = pairs.get(i)._2();
    }
    return flat;
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
   * An article's LSH buckets, each a band's key mixed with the band's number (two keys alike at
   * different bands are not one bucket, but for a chance collision of 64-bit hashes), with its
   * position.
   */
  private static Iterator<Tuple2<Long, Long>> buckets(Keyed one) {
    List<Tuple2<Long, Long>> out = new ArrayList<>(one.bandKeys.length);
    for (int band = 0; band < one.bandKeys.length; band++) {
      long bucket = (one.bandKeys[band] ^ band) * 0x9E3779B97F4A7C15L;
      out.add(new Tuple2<>(bucket, one.position));
    }
    return out.iterator();
  }

  /** An article's sampled shingles, each with its position. */
  private static Iterator<Tuple2<Long, Long>> held(Keyed one) {
    List<Tuple2<Long, Long>> out = new ArrayList<>(one.shingles.length);
    for (long shingle : one.shingles) {
      out.add(new Tuple2<>(shingle, one.position));
    }
    return out.iterator();
  }

  /** Every pair of {@code positions} (smaller first). */
  private static Iterator<Tuple2<Long, Long>> allPairs(Iterable<Long> positions) {
    long[] all = sorted(positions);
    List<Tuple2<Long, Long>> pairs = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        pairs.add(new Tuple2<>(all[i], all[j]));
      }
    }
    return pairs.iterator();
  }

  /**
   * The holders of one shingle (or heavy term), each with the holders after it (in position order),
   * if it is held by 2 to {@code most} articles: what {@link #sharedEnough} counts.
   */
  static Iterator<Tuple2<Long, long[]>> followers(Iterable<Long> holders, int most) {
    long[] all = sorted(holders);
    if (all.length < 2 || all.length > most) {
      return List.<Tuple2<Long, long[]>>of().iterator();
    }
    List<Tuple2<Long, long[]>> out = new ArrayList<>(all.length - 1);
    for (int i = 0; i + 1 < all.length; i++) {
      out.add(new Tuple2<>(all[i], Arrays.copyOfRange(all, i + 1, all.length)));
    }
    return out.iterator();
  }

  /**
   * The pairs of {@code article} with the articles after it that follow it in at least {@code
   * least} of its shingles' (or heavy terms') holders: the pairs sharing that many.
   */
  static Iterator<Tuple2<Long, Long>> sharedEnough(
      long article, Iterable<long[]> followed, int least) {
    List<long[]> lists = new ArrayList<>();
    int size = 0;
    for (long[] followers : followed) {
      lists.add(followers);
      size += followers.length;
    }
    long[] all = new long[size];
    int at = 0;
    for (long[] followers : lists) {
      System.arraycopy(followers, 0, all, at, followers.length);
      at += followers.length;
    }
    Arrays.sort(all);
    List<Tuple2<Long, Long>> pairs = new ArrayList<>();
    for (int i = 0, run = 1; i < all.length; i++, run++) {
      if (i + 1 == all.length || all[i + 1] != all[i]) {
        if (run >= least) {
          pairs.add(new Tuple2<>(article, all[i]));
        }
        run = 0;
      }
    }
    return pairs.iterator();
  }

  private static long[] sorted(Iterable<Long> values) {
    List<Long> all = new ArrayList<>();
    values.forEach(all::add);
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
