package dev.retold;

import dev.retold.cluster.UnionFind;
import dev.retold.index.CandidatePair;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scan's second pass: reads again only the articles of the pairs it is given, analyses them in
 * full ({@link AnalyzedArticle}) and runs a task on each pair, a block of related articles at a
 * time. An article that reads differently from the first time fails the scan.
 */
final class SecondPass {
  /** Articles read again and held together, by one thread. */
  private static final int BLOCK_ARTICLES = 256;

  private final RetoldSettings settings;
  private final StageRunner stages;
  private final WordTokenizer tokenizer = new WordTokenizer();

  SecondPass(RetoldSettings settings, StageRunner stages) {
    this.settings = settings;
    this.stages = stages;
  }

  /** Two articles, by their index in id order, in the order a task wants them. */
  record Job(int a, int b) {
    static List<Job> of(List<CandidatePair> pairs) {
      List<Job> jobs = new ArrayList<>(pairs.size());
      for (CandidatePair pair : pairs) {
        jobs.add(new Job(pair.a(), pair.b()));
      }
      return jobs;
    }
  }

  /** Work on a pair of articles read again in full. */
  @FunctionalInterface
  interface PairTask<T> {
    T apply(Job job, AnalyzedArticle a, AnalyzedArticle b);
  }

  /** Pairs {@code order[from, to)} and the articles they name, read and worked together. */
  private record Block(int from, int to, int[] members) {}

  /**
   * Runs {@code task} on every pair, reading its articles again. Pairs are taken a connected group
   * at a time (a story's articles together), packed into blocks of at most {@value
   * #BLOCK_ARTICLES} articles; blocks are worked in parallel, each by one thread that reads its
   * articles once and then works its pairs, so only a few blocks of articles are in memory at once.
   * Results are in the order of {@code pairs}.
   */
  <T> List<T> inBlocks(String stage, Sketches sketches, List<Job> pairs, PairTask<T> task) {
    int count = pairs.size();
    if (count == 0) {
      return List.of();
    }
    UnionFind groups = new UnionFind(sketches.size());
    for (Job pair : pairs) {
      groups.union(pair.a(), pair.b());
    }
    long[] order = new long[count];
    for (int i = 0; i < count; i++) {
      order[i] = ((long) groups.find(pairs.get(i).a()) << 32) | i;
    }
    Arrays.sort(order);
    int[] blockOf = new int[sketches.size()];
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
    AtomicLong done = new AtomicLong();
    List<List<T>> worked =
        stages.inParallel(
            null,
            blocks.size(),
            b -> {
              Block block = blocks.get(b);
              AnalyzedArticle[] analysed = new AnalyzedArticle[block.members().length];
              for (int i = 0; i < analysed.length; i++) {
                analysed[i] = reread(sketches, block.members()[i]);
              }
              List<T> results = new ArrayList<>(block.to() - block.from());
              for (int i = block.from(); i < block.to(); i++) {
                Job pair = pairs.get((int) order[i]);
                results.add(
                    task.apply(
                        pair,
                        analysed[Arrays.binarySearch(block.members(), pair.a())],
                        analysed[Arrays.binarySearch(block.members(), pair.b())]));
              }
              settings.progress().progress(stage, done.addAndGet(results.size()), count);
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

  private AnalyzedArticle reread(Sketches sketches, int k) {
    Article article;
    try {
      article = sketches.source.reread(sketches.positions[k]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!article.id().equals(sketches.infos[k].id())
        || FirstPass.bodyHash(article.body()) != sketches.bodyHashes[k]) {
      throw new UncheckedIOException(
          new IOException(sketches.infos[k].id() + " changed while it was scanned"));
    }
    return analyse(article);
  }

  private AnalyzedArticle analyse(Article article) {
    NormalizedText normalized = TextNormalizer.normalize(article.body());
    Tokens tokens = tokenizer.tokenize(normalized);
    long[] termHashes = new long[tokens.size()];
    int[] wordStarts = new int[tokens.size()];
    int[] wordEnds = new int[tokens.size()];
    for (int i = 0; i < termHashes.length; i++) {
      termHashes[i] = tokens.termHash(i);
      wordStarts[i] = normalized.originalOffset(tokens.start(i));
      wordEnds[i] = normalized.originalEnd(tokens.end(i));
    }
    long[] shingles = Shingles.hashes(termHashes, settings.shingleSize());
    return new AnalyzedArticle(
        article, termHashes, wordStarts, wordEnds, shingles, Shingles.distinctSorted(shingles));
  }
}
