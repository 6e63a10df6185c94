package dev.retold.index;

import dev.retold.parallel.ParallelTasks;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Counts, over {@link Postings}, how many indexed hashes each pair of documents shares, and keeps
 * the pairs sharing at least a minimum, without a table of pairs: for each document {@code a}, one
 * thread's dense counter at {@code b} goes up by one for every document {@code b} after {@code a}
 * in each of {@code a}'s postings, and each {@code b} counted often enough is kept. A pair sharing
 * one hash costs one array increment, and only candidates are stored.
 *
 * <p>The documents are cut into {@value #TASKS_PER_THREAD} tasks per thread, so threads that finish
 * early take over work; each task's candidates are in order, and tasks are joined in order, so the
 * output does not depend on the thread count. Memory per counting thread: 4 bytes per document id,
 * and 4 per document one document meets; the candidates take 12 bytes each. One instance is one
 * thread's counters, all zero between documents.
 */
final class SharedHashCounter {
  /** Counting tasks per thread, so threads that finish early take over work. */
  private static final int TASKS_PER_THREAD = 64;

  private final int[] counts;
  private int[] touched = new int[1024];

  private SharedHashCounter(int ids) {
    counts = new int[ids];
  }

  /**
   * Every pair of documents sharing at least {@code minShared} hashes of {@code postings}, with the
   * number they share, ordered by {@code a} then {@code b}, counted on {@code threads} threads: an
   * unmodifiable list of 12 bytes per candidate.
   */
  static List<SharedHashCandidate> candidates(Postings postings, int minShared, int threads) {
    int ids = postings.ids();
    if (postings.places().length == 0) {
      return new CandidateList(new long[0], new int[0]);
    }
    int tasks = (int) Math.min(ids, (long) threads * TASKS_PER_THREAD);
    Found[] found = new Found[tasks];
    ParallelTasks.run(
        threads,
        tasks,
        () -> new SharedHashCounter(ids),
        (task, counter) -> {
          int from = (int) ((long) ids * task / tasks);
          int to = (int) ((long) ids * (task + 1) / tasks);
          found[task] = counter.count(postings, from, to, minShared);
        });
    int total = 0;
    for (Found part : found) {
      total = Math.addExact(total, part.size);
    }
    long[] pairs = new long[total];
    int[] shared = new int[total];
    int length = 0;
    for (int task = 0; task < tasks; task++) {
      System.arraycopy(found[task].pairs, 0, pairs, length, found[task].size);
      System.arraycopy(found[task].shared, 0, shared, length, found[task].size);
      length += found[task].size;
      found[task] = null;
    }
    return new CandidateList(pairs, shared);
  }

  /** The candidates {@code (a, b)} for every {@code a} in {@code [from, to)}, in order. */
  private Found count(Postings postings, int from, int to, int minShared) {
    int[] docs = postings.docs();
    int[] docStart = postings.docStart();
    int[] places = postings.places();
    Found found = new Found();
    for (int a = from; a < to; a++) {
      int met = 0;
      for (int entry = docStart[a]; entry < docStart[a + 1]; entry++) {
        for (int place = places[entry] + 1, b; (b = docs[place]) != Postings.END; place++) {
          if (counts[b]++ == 0) {
            if (met == touched.length) {
              touched = Arrays.copyOf(touched, met * 2);
            }
            touched[met++] = b;
          }
        }
      }
      int kept = 0;
      for (int i = 0; i < met; i++) {
        int b = touched[i];
        if (counts[b] >= minShared) {
          touched[kept++] = b;
        } else {
          counts[b] = 0;
        }
      }
      Arrays.sort(touched, 0, kept);
      for (int i = 0; i < kept; i++) {
        int b = touched[i];
        found.add(CandidatePair.key(a, b), counts[b]);
        counts[b] = 0;
      }
    }
    return found;
  }

  /** The candidates one counting task found, as pair keys and shared counts. */
  private static final class Found {
    long[] pairs = new long[16];
    int[] shared = new int[16];
    int size;

    void add(long pair, int count) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
        shared = Arrays.copyOf(shared, size * 2);
      }
      pairs[size] = pair;
      shared[size] = count;
      size++;
    }
  }

  /** Candidates as pair keys and counts, each made into a record when read. */
  private static final class CandidateList extends AbstractList<SharedHashCandidate>
      implements RandomAccess {
    private final long[] pairs;
    private final int[] shared;

    CandidateList(long[] pairs, int[] shared) {
      this.pairs = pairs;
      this.shared = shared;
    }

    @Override
    public SharedHashCandidate get(int index) {
      Objects.checkIndex(index, pairs.length);
      return new SharedHashCandidate(
          (int) (pairs[index] >>> 32), (int) pairs[index], shared[index]);
    }

    @Override
    public int size() {
      return pairs.length;
    }
  }
}
