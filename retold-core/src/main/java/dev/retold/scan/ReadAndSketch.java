package dev.retold.scan;

import dev.retold.ArticleInfo;
import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.load.SkippedOrder;
import dev.retold.load.SlicedSource;
import dev.retold.text.TermDictionary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The scan's first stage, read and sketch: reads every article once, in batches, and keeps a sketch
 * of each ({@link ArticleSketcher}): metadata, a body hash, LSH band keys (the signature goes into
 * the index and is dropped), a sample of its shingles, and its story terms as dictionary ids. Then
 * numbers the articles in id order and the terms in hash order, so nothing after depends on threads
 * or on the order the source gave.
 *
 * <p>Shingle sampling: up to {@code exactShingleIndexArticles} articles every shingle is kept; each
 * doubling beyond keeps half as many, down to 1 in 2^{@value #MAX_SAMPLE_BITS}, chosen by hash so
 * two articles keep the same sample of what they share.
 *
 * <p>Exact copies: an article with the same words as one read before it (the same words hash) is
 * neither indexed for LSH nor sampled; the copy it repeats stands for it among the candidates, and
 * {@link ExactCopies} pairs it with its class's representative. So {@code n} copies of one text
 * make one entry in each index, not {@code n (n - 1) / 2} candidate pairs.
 */
final class ReadAndSketch {
  /** Articles indexed with every shingle, by default; each doubling past this samples half. */
  static final int EXACT_SHINGLE_INDEX_ARTICLES = 8192;

  /** The sparsest shingle sample: 1 in 2^4. */
  private static final int MAX_SAMPLE_BITS = 4;

  private final RetoldSettings settings;
  private final StageRunner stages;
  private final int exactShingleIndexArticles;
  private final ArticleSketcher sketcher;

  ReadAndSketch(
      RetoldSettings settings,
      ArticleSketcher sketcher,
      StageRunner stages,
      int exactShingleIndexArticles) {
    this.settings = settings;
    this.sketcher = sketcher;
    this.stages = stages;
    this.exactShingleIndexArticles = exactShingleIndexArticles;
  }

  /**
   * How sparsely shingles are sampled once {@code articles} articles are in (1 in 2^bits): every
   * one up to {@code exactShingleIndexArticles}, half as many each doubling past it, down to
   * {@value #MAX_SAMPLE_BITS} bits. The samples nest: an article's sample at more bits is a part of
   * its sample at fewer.
   */
  static int sampleBitsFor(long articles, int exactShingleIndexArticles) {
    int bits = 0;
    while (bits < MAX_SAMPLE_BITS && articles > (long) exactShingleIndexArticles << bits) {
      bits++;
    }
    return bits;
  }

  /**
   * Reads every article of {@code source} once and sketches it, a batch at a time in parallel.
   *
   * @throws IOException if the source cannot be read
   * @throws IllegalArgumentException if two articles share an id
   */
  Sketches read(ArticleSource source) throws IOException {
    Pass pass = new Pass(true);
    List<SkippedFile> skipped =
        source.read(
            batch -> {
              int bits = pass.sampleBits;
              pass.add(
                  stages.inParallel(
                      null,
                      batch.size(),
                      i -> sketcher.sketch(batch.get(i), bits, pass.dictionary)),
                  source.size());
            });
    return pass.finish(skipped);
  }

  /**
   * Takes articles sketched elsewhere ({@link HashedSketch#encode}), in the order their source
   * reads them, as {@link #read} would have sketched them. An article whose id one taken before has
   * is skipped with the entry {@link SlicedSource#repeated} names.
   *
   * @param source the articles' source: how many there are, if known (for progress), and the
   *     entries for repeated ids
   * @param findCopies whether the copy candidates are to be found from these sketches (their LSH
   *     pairs and sampled shingles), or elsewhere
   * @throws IOException if the source cannot name a repeated id's entry
   * @throws IllegalArgumentException if two articles share an id and the source's slices never
   *     repeat one, or a sketch is malformed
   */
  Sketches take(
      Iterator<byte[]> encoded, List<SkippedFile> skipped, ArticleSource source, boolean findCopies)
      throws IOException {
    Pass pass = new Pass(findCopies);
    Map<String, Long> firstAt = new HashMap<>();
    List<SkippedFile> repeated = new ArrayList<>();
    List<byte[]> batch = new ArrayList<>();
    while (encoded.hasNext()) {
      batch.add(encoded.next());
      if (batch.size() == ArticleSource.BATCH || !encoded.hasNext()) {
        List<byte[]> taken = batch;
        List<HashedSketch> decoded =
            stages.inParallel(null, taken.size(), i -> HashedSketch.decode(taken.get(i)));
        List<HashedSketch> kept = new ArrayList<>(decoded.size());
        for (HashedSketch sketch : decoded) { // in order: the first article with an id wins
          Long first = firstAt.putIfAbsent(sketch.info().id(), sketch.position());
          if (first == null) {
            kept.add(sketch);
          } else if (source instanceof SlicedSource sliced) {
            repeated.add(sliced.repeated(sketch.info().id(), first, sketch.position()));
          } else {
            throw new IllegalArgumentException("two articles share the id " + sketch.info().id());
          }
        }
        int bits = pass.sampleBits;
        pass.add(
            stages.inParallel(null, kept.size(), i -> kept.get(i).interned(bits, pass.dictionary)),
            source.size());
        batch = new ArrayList<>();
      }
    }
    List<SkippedFile> all = new ArrayList<>(skipped);
    all.addAll(repeated);
    return pass.finish(all);
  }

  /** How the scan's LSH index cuts signatures. */
  static LshParameters lshParameters(RetoldSettings settings) {
    return LshParameters.optimal(
        settings.copies().lshThreshold(), settings.copies().minHashComponents());
  }

  /**
   * The first pass's state as sketches come in, a batch at a time; without {@code findCopies}, no
   * LSH index and no shingles (the copy candidates are found elsewhere).
   */
  private final class Pass {
    final boolean findCopies;
    final BandedLshIndex lsh = new BandedLshIndex(lshParameters(settings));
    final TermDictionary dictionary = new TermDictionary();
    final List<ArticleSketch> sketches = new ArrayList<>();
    final LongSet wordsSeen = new LongSet();
    int sampleBits;

    Pass(boolean findCopies) {
      this.findCopies = findCopies;
    }

    /** Adds a batch of sketches, their shingles sampled at {@link #sampleBits} as it was. */
    void add(List<ArticleSketch> sketched, int size) {
      int bits = sampleBits;
      for (ArticleSketch sketch : sketched) {
        if (!findCopies) {
          sketches.add(sketch.withoutSignature().withSampledShingles(new long[0]));
        } else if (sketch.wordsHash() == 0 || wordsSeen.add(sketch.wordsHash())) {
          lsh.add(sketches.size(), sketch.signature());
          sketches.add(sketch.withoutSignature());
        } else { // an exact copy of one read before
          sketches.add(sketch.withoutSignature().withSampledShingles(new long[0]));
        }
      }
      stages.progress("analyse", sketches.size(), size);
      sampleBits = sampleBitsFor(sketches.size(), exactShingleIndexArticles);
      if (findCopies && sampleBits != bits) {
        for (int i = 0; i < sketches.size(); i++) {
          ArticleSketch sketch = sketches.get(i);
          sketches.set(
              i,
              sketch.withSampledShingles(
                  ArticleSketcher.sample(sketch.sampledShingles(), sampleBits)));
        }
      }
    }

    /** The sketches in id order, terms numbered in hash order. */
    Sketches finish(List<SkippedFile> skippedFiles) {
      List<SkippedFile> skipped = new ArrayList<>(skippedFiles);
      skipped.sort(SkippedOrder.BY_PATH);
      int n = sketches.size();
      Integer[] byId = new Integer[n];
      Arrays.setAll(byId, i -> i);
      String[] ids = new String[n];
      Arrays.setAll(ids, i -> sketches.get(i).info().id());
      Arrays.parallelSort(byId, Comparator.comparing(i -> ids[i]));
      int[] rank = new int[n];
      ArticleInfo[] infos = new ArticleInfo[n];
      long[] positions = new long[n];
      long[] bodyHashes = new long[n];
      long[] wordsHashes = new long[n];
      long[][] sampledShingles = new long[n][];
      int[][] termIds = new int[n][];
      float[][] termCounts = new float[n][];
      byte[][] embeddings = settings.stories().embedder().isPresent() ? new byte[n][] : null;
      for (int k = 0; k < n; k++) {
        int read = byId[k];
        ArticleSketch sketch = sketches.get(read);
        sketches.set(read, null); // the arrays below hold it now
        if (k > 0 && sketch.info().id().equals(infos[k - 1].id())) {
          throw new IllegalArgumentException("two articles share the id " + sketch.info().id());
        }
        rank[read] = k;
        infos[k] = sketch.info();
        positions[k] = sketch.position();
        bodyHashes[k] = sketch.bodyHash();
        wordsHashes[k] = sketch.wordsHash();
        sampledShingles[k] = sketch.sampledShingles();
        termIds[k] = sketch.termIds();
        termCounts[k] = sketch.termCounts();
        if (embeddings != null) {
          embeddings[k] = sketch.embedding();
        }
      }
      int[] ranks = dictionary.ranks();
      stages.inParallel(
          "terms",
          n,
          k -> {
            sortByFinalId(termIds[k], termCounts[k], ranks);
            return null;
          });
      List<CandidatePair> lshPairs = lsh.candidates();
      long[] keys = new long[lshPairs.size()];
      for (int i = 0; i < keys.length; i++) {
        CandidatePair pair = lshPairs.get(i);
        int a = rank[pair.a()];
        int b = rank[pair.b()];
        keys[i] = CandidatePair.key(Math.min(a, b), Math.max(a, b));
      }
      Arrays.sort(keys);
      return new Sketches(
          new ArticleTable(infos, positions, bodyHashes, wordsHashes),
          new Handoff<>("sampled shingles", sampledShingles),
          sampleBits,
          new Handoff<>("LSH pairs", keys),
          new Handoff<>(
              "story terms", new Sketches.StoryTerms(termIds, termCounts, dictionary.size())),
          embeddings == null ? null : new Handoff<>("embeddings", embeddings),
          List.copyOf(skipped));
    }
  }

  /** Renumbers provisional term ids to final ones and sorts both arrays by them, in place. */
  private static void sortByFinalId(int[] ids, float[] counts, int[] ranks) {
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      packed[i] = ((long) ranks[ids[i]] << 32) | (Float.floatToRawIntBits(counts[i]) & 0xFFFFFFFFL);
    }
    Arrays.sort(packed);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) (packed[i] >>> 32);
      counts[i] = Float.intBitsToFloat((int) packed[i]);
    }
  }
}
