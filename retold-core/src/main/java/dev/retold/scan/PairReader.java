package dev.retold.scan;

import dev.retold.cluster.UnionFind;
import dev.retold.index.CandidatePair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scan's second pass: reads again only the articles of the pairs it is given, a block of
 * related articles at a time ({@link Rereader}), and gives each pair to a stage's {@link PairWork}.
 */
final class PairReader {
  /** Articles read again and held together, by one thread. */
  private static final int BLOCK_ARTICLES = 256;

  private final Rereader rereader;
  private final StageRunner stages;

  PairReader(Rereader rereader, StageRunner stages) {
    this.rereader = rereader;
    this.stages = stages;
  }

  /**
   * Two articles, by their index in id order, in the order a stage wants them.
   *
   * @param a the first article's index
   * @param b the second article's index
   */
  record Job(int a, int b) {
    static List<Job> of(List<CandidatePair> pairs) {
      List<Job> jobs = new ArrayList<>(pairs.size());
      for (CandidatePair pair : pairs) {
        jobs.add(new Job(pair.a(), pair.b()));
      }
      return jobs;
    }
  }

  /** Pairs {@code order[from, to)} and the articles they name, read and worked together. */
  private record Block(int from, int to, int[] members) {}

  /**
   * Gives every pair to {@code work}, reading its articles again. Pairs are taken a connected group
   * at a time (a story's articles together), packed into blocks of at most {@value #BLOCK_ARTICLES}
   * articles; blocks are worked in parallel, each by one thread that reads its articles once and
   * then works its pairs, so only a few blocks of articles are in memory at once, besides the
   * analyses the {@link Rereader} keeps within its budget for the next pass. Tells the progress
   * listener about {@code stage} as blocks finish.
   *
   * @return the results in the order of {@code pairs}
   * @throws IOException if an article cannot be read again, or reads differently
   */
  <T> List<T> inBlocks(String stage, List<Job> pairs, PairWork<T> work) throws IOException {
    int count = pairs.size();
    if (count == 0) {
      return List.of();
    }
    long[] order = groupedOrder(pairs);
    List<Block> blocks = blocks(pairs, order);
    AtomicLong done = new AtomicLong();
    List<List<T>> worked =
        stages.inParallel(
            null,
            blocks.size(),
            b -> {
              Block block = blocks.get(b);
              AnalyzedArticle[] analysed = new AnalyzedArticle[block.members().length];
              for (int i = 0; i < analysed.length; i++) {
                analysed[i] = rereader.read(block.members()[i]);
              }
              List<T> results = new ArrayList<>(block.to() - block.from());
              for (int i = block.from(); i < block.to(); i++) {
                Job pair = pairs.get((int) order[i]);
                results.add(
                    work.apply(
                        pair,
                        analysed[Arrays.binarySearch(block.members(), pair.a())],
                        analysed[Arrays.binarySearch(block.members(), pair.b())]));
              }
              stages.progress(stage, done.addAndGet(results.size()), count);
              return results;
            });
    List<T> results = new ArrayList<>(Collections.nCopies(count, null));
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      for (int i = block.from(); i < block.to(); i++) {
        results.set((int) order[i], worked.get(b).get(i - block.from()));
      }
    }
    return results;
  }

  /** The pairs' indexes, grouped by connected group of articles: group root, then index. */
  private long[] groupedOrder(List<Job> pairs) {
    UnionFind groups = new UnionFind(rereader.size());
    for (Job pair : pairs) {
      groups.union(pair.a(), pair.b());
    }
    long[] order = new long[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = ((long) groups.find(pairs.get(i).a()) << 32) | i;
    }
    Arrays.sort(order);
    return order;
  }

  /** The pairs in {@code order}, cut into blocks of at most {@value #BLOCK_ARTICLES} articles. */
  private List<Block> blocks(List<Job> pairs, long[] order) {
    int count = pairs.size();
    int[] blockOf = new int[rereader.size()];
    Arrays.fill(blockOf, -1);
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    while (from < count) {
      int block = blocks.size();
      int[] members = new int[Math.min(BLOCK_ARTICLES, 2 * count)];
      int size = 0;
      int to = from;
      while (to < count) {
        Job pair = pairs.get((int) order[to]);
        int fresh = (blockOf[pair.a()] == block ? 0 : 1) + (blockOf[pair.b()] == block ? 0 : 1);
        if (size + fresh > members.length && to > from) {
          break;
        }
        for (int article : new int[] {pair.a(), pair.b()}) {
          if (blockOf[article] != block) {
            blockOf[article] = block;
            members[size++] = article;
          }
        }
        to++;
      }
      int[] sorted = Arrays.copyOf(members, size);
      Arrays.sort(sorted);
      blocks.add(new Block(from, to, sorted));
      from = to;
    }
    return blocks;
  }
}
