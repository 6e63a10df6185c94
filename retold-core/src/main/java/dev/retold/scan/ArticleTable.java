package dev.retold.scan;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.retold.Article;
import dev.retold.ArticleInfo;
import dev.retold.index.CandidatePair;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Every article of a scan, by its index: article {@code k} is the {@code k}-th in id order. What
 * the scan keeps of each once the first pass is done: its {@link ArticleInfo}, where its source can
 * read it again, a hash of its body, to tell whether the second reading is the same article, and a
 * hash of its words, to find its exact copies ({@link ExactCopies}). Arrays rather than objects,
 * because a million articles each cost their object headers. Immutable: built once by the first
 * pass, read by every stage after it.
 */
final class ArticleTable {
  private final ArticleInfo[] infos;
  private final long[] positions;
  private final long[] bodyHashes;
  private final long[] wordsHashes;

  /** Takes the arrays, which its caller gives up: {@code infos} sorted by id, ids unique. */
  ArticleTable(ArticleInfo[] infos, long[] positions, long[] bodyHashes, long[] wordsHashes) {
    if (infos.length != positions.length
        || infos.length != bodyHashes.length
        || infos.length != wordsHashes.length) {
      throw new IllegalArgumentException("one position, body hash and words hash per article");
    }
    this.infos = infos;
    this.positions = positions;
    this.bodyHashes = bodyHashes;
    this.wordsHashes = wordsHashes;
  }

  /** A hash of a body, as the table keeps it. */
  static long bodyHash(String body) {
    return Hashing.komihash5_0().hashCharsToLong(body);
  }

  /** How many articles. */
  int size() {
    return infos.length;
  }

  /** What the scan keeps of article {@code k}. */
  ArticleInfo info(int k) {
    return infos[k];
  }

  /** Article {@code k}'s id. */
  String id(int k) {
    return infos[k].id();
  }

  /** Article {@code k}'s date, or null. */
  LocalDate date(int k) {
    return infos[k].date();
  }

  /** The hash of article {@code k}'s words, or 0 when it has too few for a shingle. */
  long wordsHash(int k) {
    return wordsHashes[k];
  }

  /** Where the source reads article {@code k} again. */
  long position(int k) {
    return positions[k];
  }

  /** Whether {@code article}, read again, is article {@code k} as the first pass read it. */
  boolean readsTheSame(int k, Article article) {
    return article.id().equals(infos[k].id()) && bodyHash(article.body()) == bodyHashes[k];
  }

  /** The index of the article with this id. */
  int indexOf(String id) {
    int low = 0;
    int high = infos.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = infos[middle].id().compareTo(id);
      if (order == 0) {
        return middle;
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    throw new IllegalArgumentException("no article with the id " + id);
  }

  /**
   * The pair keys ({@link CandidatePair#key}) of pairs found elsewhere (a distributed scan's joins)
   * and given as the two articles' positions one after the other, in their order.
   *
   * @throws IllegalArgumentException if a position is no article's, or a pair names one article
   *     twice
   */
  long[] pairKeys(long[] positionPairs) {
    if (positionPairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs come as two positions each");
    }
    int n = infos.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingLong(k -> positions[k]));
    long[] byPosition = new long[n]; // sorted, for a binary search
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      byPosition[i] = positions[order[i]];
      index[i] = order[i];
    }
    long[] keys = new long[positionPairs.length / 2];
    for (int i = 0; i < keys.length; i++) {
      int a = indexAt(positionPairs[2 * i], byPosition, index);
      int b = indexAt(positionPairs[2 * i + 1], byPosition, index);
      if (a == b) {
        throw new IllegalArgumentException("a pair of one article: " + positionPairs[2 * i]);
      }
      keys[i] = CandidatePair.key(Math.min(a, b), Math.max(a, b));
    }
    return keys;
  }

  private static int indexAt(long position, long[] byPosition, int[] index) {
    int at = Arrays.binarySearch(byPosition, position);
    if (at < 0) {
      throw new IllegalArgumentException("a pair names no article's position: " + position);
    }
    return index[at];
  }

  /** Every article's info, in id order; unmodifiable. */
  List<ArticleInfo> infos() {
    return Collections.unmodifiableList(Arrays.asList(infos));
  }
}
