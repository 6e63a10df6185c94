package dev.retold.scan;

import dev.retold.index.CandidatePair;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The scan's exact copies: classes of articles with the same words once normalised (the same words
 * hash, {@link ArticleTable#wordsHash}), each named by its representative, the member {@link
 * #FIRST} puts first.
 *
 * <p>Why before verification: {@code n} copies of one text (a syndicated wire story) would give
 * {@code n (n - 1) / 2} candidate pairs, each read again and verified. Instead the representative
 * stands for its copies among the candidates (what is true of its words is true of theirs), and
 * each copy is verified once, against it: {@code n - 1} pairs. The words hash has 64 bits; two
 * different texts that hash alike (about once in 10^7 scans of a million articles) are still
 * verified on their words, so their pair is reported as what it is.
 */
final class ExactCopies {
  private final int[] representatives;
  private final int[] classSizes;
  private final long[] starKeys;

  private ExactCopies(int[] representatives, long[] starKeys) {
    this.representatives = representatives;
    this.classSizes = new int[representatives.length];
    for (int representative : representatives) {
      classSizes[representative]++;
    }
    this.starKeys = starKeys;
  }

  /** No copies among {@code articles} articles: each its own representative. */
  static ExactCopies none(int articles) {
    int[] representatives = new int[articles];
    Arrays.setAll(representatives, k -> k);
    return new ExactCopies(representatives, new long[0]);
  }

  /**
   * The order that picks a representative: the earliest dated (undated last), then the longest,
   * then the first by id (by index, which is id order). The copy most likely the one the others
   * copy.
   */
  static Comparator<Integer> first(ArticleTable articles) {
    return Comparator.comparing(
            (Integer k) -> articles.date(k),
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(Comparator.comparingInt((Integer k) -> articles.info(k).length()).reversed())
        .thenComparingInt(k -> k);
  }

  /** The exact copies among {@code articles}. */
  static ExactCopies of(ArticleTable articles) {
    int n = articles.size();
    int[] representatives = new int[n];
    Arrays.setAll(representatives, k -> k);
    Integer[] hashed =
        java.util.stream.IntStream.range(0, n)
            .filter(k -> articles.wordsHash(k) != 0)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(
        hashed,
        Comparator.comparingLong((Integer k) -> articles.wordsHash(k))
            .thenComparing(first(articles)));
    long[] stars = new long[hashed.length];
    int count = 0;
    for (int i = 1; i < hashed.length; i++) {
      int previous = hashed[i - 1];
      int k = hashed[i];
      if (articles.wordsHash(k) == articles.wordsHash(previous)) {
        int representative = representatives[previous];
        representatives[k] = representative;
        stars[count++] =
            CandidatePair.key(Math.min(k, representative), Math.max(k, representative));
      }
    }
    long[] starKeys = Arrays.copyOf(stars, count);
    Arrays.sort(starKeys);
    return new ExactCopies(representatives, starKeys);
  }

  /** The representative of article {@code k}'s class: {@code k} itself when it has no copy. */
  int representative(int k) {
    return representatives[k];
  }

  /** How many articles the class of representative {@code k} holds, {@code k} included. */
  int classSize(int k) {
    return classSizes[representatives[k]];
  }

  /** The key of each copy's pair with its representative, sorted: one per copy. */
  long[] starKeys() {
    return starKeys.clone();
  }

  /** The candidate pair key {@code key} with each article replaced by its representative, or -1. */
  long toRepresentatives(long key) {
    CandidatePair pair = CandidatePair.ofKey(key);
    int a = representatives[pair.a()];
    int b = representatives[pair.b()];
    return a == b ? -1 : CandidatePair.key(Math.min(a, b), Math.max(a, b));
  }
}
