package dev.retold.bench.harness;

import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scale harness for the shared-hash index, run by hand (not a test): builds the index over a
 * synthetic corpus shaped like one of the scan's two uses and reports wall time (adding, {@code
 * build()}, one {@code candidates()}) and heap.
 *
 * <p>Each document gets {@code perDoc} distinct hashes drawn from a Zipf-like vocabulary (rank
 * {@code r} of {@code vocabulary} with probability about {@code 1 / (r ln vocabulary)}); a fraction
 * {@code retell} of documents are retellings of an earlier document and take up to half their
 * hashes from it, so there are real candidates. Heap is sampled every millisecond while the index
 * is built (the peak includes garbage not yet collected) and measured after a full GC for what the
 * index keeps.
 *
 * <pre>
 * ./mvnw -q -B -pl retold-bench -am package -DskipTests
 * java -Xmx6g -cp retold-bench/target/retold-bench.jar dev.retold.bench.harness.SharedHashIndexScale \
 *     docs perDoc vocabulary maxDf minShared threads [retell]
 * # like the story candidates' top terms:  1000000 30 4000000 64 2 2  (and maxDf 1000)
 * # like the copy candidates' shingles:    1000000 40 200000000 50 2 2
 * </pre>
 */
public final class SharedHashIndexScale {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private SharedHashIndexScale() {}

  public static void main(String[] args) throws InterruptedException {
    int docs = Integer.parseInt(args[0]);
    int perDoc = Integer.parseInt(args[1]);
    long vocabulary = Long.parseLong(args[2]);
    int maxDf = Integer.parseInt(args[3]);
    int minShared = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    double retell = args.length > 6 ? Double.parseDouble(args[6]) : 0.2;
    System.out.printf(
        "docs %,d x %d hashes, vocabulary %,d, retell %.2f; maxDf %d, minShared %d, threads %d,"
            + " max heap %,d MB%n",
        docs,
        perDoc,
        vocabulary,
        retell,
        maxDf,
        minShared,
        threads,
        mb(Runtime.getRuntime().maxMemory()));

    long start = System.nanoTime();
    long[][] corpus = corpus(docs, perDoc, vocabulary, retell, new Random(42));
    System.out.printf("corpus generated in %.1f s%n", seconds(start));
    long baseline = liveHeap();
    System.out.printf("live heap with the corpus: %,d MB%n", mb(baseline));

    Sampler sampler = new Sampler();
    sampler.start();
    List<SharedHashCandidate> candidates;
    try {
      start = System.nanoTime();
      SharedHashIndex.Builder builder =
          SharedHashIndex.builder()
              .maxDocumentFrequency(maxDf)
              .minSharedHashes(minShared)
              .threads(threads);
      for (int doc = 0; doc < docs; doc++) {
        builder.add(doc, corpus[doc]);
      }
      double added = seconds(start);
      start = System.nanoTime();
      SharedHashIndex index = builder.build();
      double built = seconds(start);
      start = System.nanoTime();
      candidates = index.candidates();
      double listed = seconds(start);
      sampler.stop();
      System.out.printf(
          "add %.2f s, build() %.2f s, candidates() %.2f s (build and candidates %.2f s); %,d"
              + " candidates; peak heap %,d MB (%,d MB above the corpus)%n",
          added,
          built,
          listed,
          built + listed,
          candidates.size(),
          mb(sampler.peak.get()),
          mb(sampler.peak.get() - baseline));
      long withIndex = liveHeap();
      System.out.printf(
          "live heap kept by index and candidates: %,d MB%n", mb(withIndex - baseline));
      Reference.reachabilityFence(index);
      index = null;
      System.out.printf(
          "live heap kept by the candidates alone: %,d MB%n", mb(liveHeap() - baseline));
      Reference.reachabilityFence(candidates);
    } catch (OutOfMemoryError e) {
      sampler.stop();
      System.out.printf(
          "OutOfMemoryError after %.1f s; peak heap %,d MB%n",
          seconds(start), mb(sampler.peak.get()));
      return;
    }
    candidates = null;
    describe(corpus, maxDf);
  }

  /** Hashes, documents and pair increments of the corpus, by a sort of all its hashes. */
  private static void describe(long[][] corpus, int maxDf) {
    long entries = 0;
    for (long[] hashes : corpus) {
      entries += hashes.length;
    }
    long[] all = new long[Math.toIntExact(entries)];
    int n = 0;
    for (long[] hashes : corpus) {
      System.arraycopy(hashes, 0, all, n, hashes.length);
      n += hashes.length;
    }
    Arrays.parallelSort(all);
    long distinct = 0;
    long kept = 0;
    long keptEntries = 0;
    long increments = 0;
    for (int i = 0, j; i < n; i = j) {
      for (j = i + 1; j < n && all[j] == all[i]; j++) {}
      long df = j - i;
      distinct++;
      if (df >= 2 && df <= maxDf) {
        kept++;
        keptEntries += df;
        increments += df * (df - 1) / 2;
      }
    }
    System.out.printf(
        "%,d entries, %,d distinct hashes, %,d indexed (in 2..%d documents) with %,d entries;"
            + " %,d pair increments%n",
        entries, distinct, kept, maxDf, keptEntries, increments);
  }

  private static long[][] corpus(
      int docs, int perDoc, long vocabulary, double retell, Random random) {
    long[][] corpus = new long[docs][];
    double logVocabulary = Math.log(vocabulary);
    long[] picked = new long[perDoc];
    for (int doc = 0; doc < docs; doc++) {
      int n = 0;
      if (doc > 0 && random.nextDouble() < retell) {
        long[] source = corpus[random.nextInt(doc)];
        for (int i = 0; i < source.length && n < perDoc / 2; i++) {
          if (random.nextBoolean()) {
            picked[n++] = source[i];
          }
        }
      }
      while (n < perDoc) {
        long rank = (long) Math.exp(random.nextDouble() * logVocabulary);
        picked[n++] = mix(rank);
        if (n == perDoc) {
          Arrays.sort(picked);
          n = distinct(picked);
        }
      }
      corpus[doc] = picked.clone();
    }
    return corpus;
  }

  private static int distinct(long[] sorted) {
    int n = sorted.length == 0 ? 0 : 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[n - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return n;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long mb(long bytes) {
    return bytes >> 20;
  }

  /** Samples heap use every millisecond on a daemon thread, keeping the peak. */
  private static final class Sampler {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }
  }
}
