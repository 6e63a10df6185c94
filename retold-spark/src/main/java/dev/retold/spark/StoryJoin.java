package dev.retold.spark;

import dev.retold.scan.ScanEngine;
import dev.retold.scan.StoryTermKeys;
import java.io.Serializable;
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
 * frequency (the articles holding it, gathered by term), each article's terms weighed by them into
 * its heaviest ({@link ScanEngine#heaviestTerms}, gathered back by article), and the pairs sharing
 * at least {@link ScanEngine#minSharedHeavyTerms} heavy terms, counting only terms among at most
 * {@link ScanEngine#maxHeavyTermArticles} articles' heaviest ({@link CopyJoin#sharedPairs}, as the
 * copy join counts shared shingles). Every shuffle is of {@link Rows}: packed arrays of {@code
 * long}s, one a task and partition. Every article takes part but for a repeated id's later ones
 * (the driver skips them); exact copies take part, as in the driver's own index. The same pairs as
 * that index finds: the sketches' story terms are hashes, and the driver numbers terms in the order
 * of their hashes, so the weights, and the ties between them, come out alike.
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
      int partitions = Rows.partitions(context, sketched);
      JavaRDD<long[]> occurrences =
          termed
              .filter(one -> Arrays.binarySearch(later.value(), one.order) < 0)
              .mapPartitions(StoryJoin::occurrences);
      JavaRDD<long[]> told = Rows.byFirst(occurrences, 3, partitions).map(StoryJoin::withFrequency);
      JavaRDD<long[]> heavy =
          Rows.byFirst(told, 3, partitions)
              .map(terms -> heavy(terms, scan, input, recipe, articles));
      return Rows.joined(CopyJoin.sharedPairs(heavy, partitions, maxArticles, minShared).collect());
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

  /**
   * A task's articles' story terms: rows of a term, the position of the article holding it and the
   * term's count there (its bits).
   */
  private static Iterator<long[]> occurrences(Iterator<Termed> made) {
    Rows out = new Rows(3);
    made.forEachRemaining(
        one -> {
          for (int i = 0; i < one.terms.length; i++) {
            out.add(one.terms[i], one.position, Float.floatToRawIntBits(one.counts[i]));
          }
        });
    return List.of(out.toArray()).iterator();
  }

  /**
   * From {@link #occurrences} grouped by term, each holder of a term told the term, its count there
   * and how many articles hold it: rows of a position, a term, and the count's bits (the high half)
   * with the frequency (the low half); as many rows as {@code occurrences} has.
   */
  private static long[] withFrequency(long[] occurrences) {
    long[] told = new long[occurrences.length];
    for (int start = 0, end; start < occurrences.length; start = end) {
      end = Rows.runEnd(occurrences, start, 3);
      long frequency = (end - start) / 3;
      for (int at = start; at < end; at += 3) {
        told[at] = occurrences[at + 1];
        told[at + 1] = occurrences[at];
        told[at + 2] = occurrences[at + 2] << 32 | frequency;
      }
    }
    return told;
  }

  /**
   * From the rows {@link #withFrequency} tells, grouped by position (each article's in term order):
   * each article's heaviest terms, rows of a term and the article's position.
   */
  private static long[] heavy(
      long[] told, String scan, String input, Recipe recipe, long articles) {
    ScanEngine engine = Workers.of(scan, input, recipe).engine();
    Rows out = new Rows(2);
    for (int start = 0, end; start < told.length; start = end) {
      end = Rows.runEnd(told, start, 3);
      int size = (end - start) / 3;
      long[] terms = new long[size];
      float[] counts = new float[size];
      int[] frequencies = new int[size];
      for (int i = 0, at = start; i < size; i++, at += 3) {
        terms[i] = told[at + 1];
        counts[i] = Float.intBitsToFloat((int) (told[at + 2] >>> 32));
        frequencies[i] = (int) told[at + 2];
      }
      long position = told[start];
      long[] heaviest =
          engine.heaviestTerms(
              new StoryTermKeys(position, null, terms, counts), frequencies, articles);
      for (long term : heaviest) {
        out.add(term, position);
      }
    }
    return out.toArray();
  }
}
