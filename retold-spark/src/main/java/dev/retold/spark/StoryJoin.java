package dev.retold.spark;

import dev.retold.scan.ScanEngine;
import dev.retold.scan.StoryTermKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The scan's lexical story candidates found on the workers, by joins over each article's {@link
 * StoryTermKeys} rather than in the driver's index of heavy terms: each story term's document
 * frequency (the articles holding it, grouped by term), each article's terms weighed by them into
 * its heaviest ({@link ScanEngine#heaviestTerms}, grouped back by article), and the pairs sharing
 * at least {@link ScanEngine#minSharedHeavyTerms} heavy terms, counting only terms among at most
 * {@link ScanEngine#maxHeavyTermArticles} articles' heaviest (grouped by term, then each article's
 * followers in the holder lists counted, as {@link CopyJoin} counts shared shingles). Every article
 * takes part but for a repeated id's later ones (the driver skips them); exact copies take part, as
 * in the driver's own index. The same pairs as that index finds: the sketches' story terms are
 * hashes, and the driver numbers terms in the order of their hashes, so the weights, and the ties
 * between them, come out alike.
 */
final class StoryJoin {
  private StoryJoin() {}

  /**
   * The candidate pairs among the articles {@code sketched} holds, {@code articles} of them once
   * repeated ids are dropped, as the two articles' positions one after the other, in no particular
   * order.
   */
  static long[] pairs(
      JavaSparkContext context,
      JavaRDD<Sketched> sketched,
      String scan,
      String input,
      Recipe recipe,
      long articles) {
    ScanEngine rules = Workers.of(scan, input, recipe).engine();
    int minShared = rules.minSharedHeavyTerms();
    int maxArticles = rules.maxHeavyTermArticles();
    JavaRDD<Termed> termed =
        sketched.mapPartitionsWithIndex(
            (partition, made) -> terms(partition, made, scan, input, recipe), true);
    Broadcast<long[]> repeated = null;
    try {
      repeated = context.broadcast(repeatedIds(sketched));
      Broadcast<long[]> later = repeated;
      return CopyJoin.flat(
          termed
              .filter(one -> Arrays.binarySearch(later.value(), one.order) < 0)
              .flatMapToPair(StoryJoin::occurrences)
              .groupByKey()
              .flatMapToPair(StoryJoin::withFrequency)
              .groupByKey()
              .flatMapToPair(
                  article -> heavy(article._1(), article._2(), scan, input, recipe, articles))
              .groupByKey()
              .flatMapToPair(holders -> CopyJoin.followers(holders._2(), maxArticles))
              .groupByKey()
              .flatMapToPair(
                  followed -> CopyJoin.sharedEnough(followed._1(), followed._2(), minShared))
              .collect());
    } finally {
      if (repeated != null) {
        repeated.destroy();
      }
    }
  }

  /** The orders ({@link CopyJoin#numbered}) of a repeated id's later articles, sorted. */
  private static long[] repeatedIds(JavaRDD<Sketched> sketched) {
    return CopyJoin.allButFirst(
            sketched
                .mapPartitionsWithIndex(
                    (partition, made) ->
                        CopyJoin.numbered(
                            partition, made, (order, one) -> new Tuple2<>(one.id(), order)),
                    true)
                .mapToPair(one -> one))
        .collect()
        .stream()
        .mapToLong(Long::longValue)
        .sorted()
        .toArray();
  }

  /** An article's story terms, with where it comes in the driver's order. */
  private static final class Termed implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Increases in the order the driver takes the sketches, as {@link CopyJoin}'s. */
    final long order;

    final long position;
    final long[] terms;
    final float[] counts;

    Termed(long order, StoryTermKeys keys) {
      this.order = order;
      this.position = keys.position();
      this.terms = keys.terms();
      this.counts = keys.counts();
    }
  }

  /** A task's articles' story terms, numbered as {@link CopyJoin} numbers them. */
  private static Iterator<Termed> terms(
      int partition, Iterator<Sketched> made, String scan, String input, Recipe recipe) {
    ScanEngine engine = Workers.of(scan, input, recipe).engine();
    return CopyJoin.numbered(
        partition, made, (order, one) -> new Termed(order, engine.storyTerms(one.sketch())));
  }

  /** Each of an article's terms with the article's position and the term's count (its bits). */
  private static Iterator<Tuple2<Long, long[]>> occurrences(Termed one) {
    List<Tuple2<Long, long[]>> out = new ArrayList<>(one.terms.length);
    for (int i = 0; i < one.terms.length; i++) {
      out.add(
          new Tuple2<>(
              one.terms[i], new long[] {one.position, Float.floatToRawIntBits(one.counts[i])}));
    }
    return out.iterator();
  }

  /**
   * A term's holders, each told the term, its count there, and how many articles hold it: {@code
   * (position, [term, count bits, frequency])}.
   */
  private static Iterator<Tuple2<Long, long[]>> withFrequency(Tuple2<Long, Iterable<long[]>> term) {
    List<long[]> holders = new ArrayList<>();
    term._2().forEach(holders::add);
    List<Tuple2<Long, long[]>> out = new ArrayList<>(holders.size());
    for (long[] holder : holders) {
      out.add(new Tuple2<>(holder[0], new long[] {term._1(), holder[1], holders.size()}));
    }
    return out.iterator();
  }

  /**
   * An article's heaviest terms, each with its position, from its terms as {@link #withFrequency}
   * tells them.
   */
  private static Iterator<Tuple2<Long, Long>> heavy(
      long position,
      Iterable<long[]> told,
      String scan,
      String input,
      Recipe recipe,
      long articles) {
    List<long[]> all = new ArrayList<>();
    told.forEach(all::add);
    all.sort((x, y) -> Long.compare(x[0], y[0]));
    long[] terms = new long[all.size()];
    float[] counts = new float[all.size()];
    int[] frequencies = new int[all.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = all.get(i)[0];
      counts[i] = Float.intBitsToFloat((int) all.get(i)[1]);
      frequencies[i] = Math.toIntExact(all.get(i)[2]);
    }
    ScanEngine engine = Workers.of(scan, input, recipe).engine();
    long[] heaviest =
        engine.heaviestTerms(
            new StoryTermKeys(position, null, terms, counts), frequencies, articles);
    List<Tuple2<Long, Long>> out = new ArrayList<>(heaviest.length);
    for (long term : heaviest) {
      out.add(new Tuple2<>(term, position));
    }
    return out.iterator();
  }
}
