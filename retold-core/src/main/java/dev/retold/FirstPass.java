package dev.retold;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.retold.fingerprint.MinHasher;
import dev.retold.index.BandedLshIndex;
import dev.retold.index.CandidatePair;
import dev.retold.index.LshParameters;
import dev.retold.load.ArticleSource;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.StoryTermWeigher;
import dev.retold.text.TermCounts;
import dev.retold.text.TermDictionary;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A scan's first pass: reads every article once, in batches, and keeps a sketch of each ({@link
 * ArticleSketch}): metadata, a body hash, LSH band keys (the signature goes into the index and is
 * dropped), a sample of its shingles, and its story terms as dictionary ids. Then numbers the
 * articles in id order and the terms in hash order, so nothing after depends on threads or on the
 * order the source gave.
 *
 * <p>Shingle sampling: up to {@code exactShingleIndexArticles} articles every shingle is kept; each
 * doubling beyond keeps half as many, down to 1 in 2^{@value #MAX_SAMPLE_BITS}, chosen by hash so
 * two articles keep the same sample of what they share.
 */
final class FirstPass {
  /** Articles indexed with every shingle, by default; each doubling past this samples half. */
  static final int EXACT_SHINGLE_INDEX_ARTICLES = 8192;

  /** The sparsest shingle sample: 1 in 2^4. */
  private static final int MAX_SAMPLE_BITS = 4;

  private final RetoldSettings settings;
  private final StageRunner stages;
  private final int exactShingleIndexArticles;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
  private final MinHasher minHasher;

  FirstPass(RetoldSettings settings, StageRunner stages, int exactShingleIndexArticles) {
    this.settings = settings;
    this.stages = stages;
    this.exactShingleIndexArticles = exactShingleIndexArticles;
    this.minHasher =
        MinHasher.builder()
            .numberOfComponents(settings.minHashComponents())
            .seed(settings.seed())
            .build();
  }

  /**
   * Reads every article of {@code source} once and sketches it, a batch at a time in parallel.
   *
   * @throws IOException if the source cannot be read
   * @throws IllegalArgumentException if two articles share an id
   */
  Sketches read(ArticleSource source) throws IOException {
    LshParameters parameters =
        LshParameters.optimal(settings.lshThreshold(), settings.minHashComponents(), 0.5, 0.5);
    BandedLshIndex lsh = new BandedLshIndex(parameters);
    TermDictionary dictionary = new TermDictionary();
    List<ArticleSketch> sketches = new ArrayList<>();
    int[] sampleBits = {0};
    List<SkippedFile> skipped =
        source.read(
            batch -> {
              int bits = sampleBits[0];
              List<ArticleSketch> sketched =
                  stages.inParallel(
                      null, batch.size(), i -> sketch(batch.get(i), bits, dictionary));
              for (ArticleSketch sketch : sketched) {
                lsh.add(sketches.size(), sketch.signature());
                sketches.add(sketch.withoutSignature());
              }
              settings.progress().progress("analyse", sketches.size(), source.size());
              while (sampleBits[0] < MAX_SAMPLE_BITS
                  && sketches.size() > (long) exactShingleIndexArticles << sampleBits[0]) {
                sampleBits[0]++;
              }
              if (sampleBits[0] != bits) {
                for (int i = 0; i < sketches.size(); i++) {
                  ArticleSketch sketch = sketches.get(i);
                  sketches.set(
                      i, sketch.withSampledShingles(sample(sketch.sampledShingles(), sampleBits[0])));
                }
              }
            });
    int n = sketches.size();
    Integer[] byId = new Integer[n];
    Arrays.setAll(byId, i -> i);
    String[] ids = new String[n];
    Arrays.setAll(ids, i -> sketches.get(i).info().id());
    Arrays.parallelSort(byId, Comparator.comparing(i -> ids[i]));
    int[] rank = new int[n];
    Sketches result = new Sketches();
    result.infos = new ArticleInfo[n];
    result.bodyHashes = new long[n];
    result.sampledShingles = new long[n][];
    result.termIds = new int[n][];
    result.termCounts = new float[n][];
    result.positions = new int[n];
    int[] ranks = dictionary.ranks();
    for (int k = 0; k < n; k++) {
      int position = byId[k];
      ArticleSketch sketch = sketches.get(position);
      sketches.set(position, null);
      if (k > 0 && sketch.info().id().equals(result.infos[k - 1].id())) {
        throw new IllegalArgumentException("two articles share the id " + sketch.info().id());
      }
      rank[position] = k;
      result.positions[k] = position;
      result.infos[k] = sketch.info();
      result.bodyHashes[k] = sketch.bodyHash();
      result.sampledShingles[k] = sketch.sampledShingles();
      result.termIds[k] = sketch.termIds();
      result.termCounts[k] = sketch.termCounts();
    }
    stages.inParallel(
        "terms",
        n,
        k -> {
          sortByFinalId(result.termIds[k], result.termCounts[k], ranks);
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
    result.lshPairs = keys;
    result.sampleBits = sampleBits[0];
    result.vocabulary = dictionary.size();
    result.skipped = skipped;
    result.source = source;
    return result;
  }

  /** The first pass over one article: everything later stages need, nothing of the body itself. */
  private ArticleSketch sketch(Article article, int sampleBits, TermDictionary dictionary) {
    String body = article.body();
    NormalizedText normalized = TextNormalizer.normalize(body);
    Tokens tokens = tokenizer.tokenize(normalized);
    long[] shingleSet = Shingles.distinctSorted(Shingles.hashes(tokens, settings.shingleSize()));
    Tokens titleTokens =
        article.title() == null
            ? Tokens.empty()
            : tokenizer.tokenize(TextNormalizer.normalize(article.title()));
    TermCounts terms = weigher.weigh(body, normalized, tokens, titleTokens);
    long[] hashes = new long[terms.size()];
    float[] counts = new float[terms.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = terms.term(i);
      counts[i] = (float) terms.weight(i);
    }
    return new ArticleSketch(
        article.info(),
        bodyHash(body),
        minHasher.sign(shingleSet),
        sample(shingleSet, sampleBits),
        dictionary.intern(hashes, hashes.length),
        counts);
  }

  /** A hash of the body, to tell whether a second reading is the same article. */
  static long bodyHash(String body) {
    return Hashing.komihash5_0().hashCharsToLong(body);
  }

  /**
   * The shingles whose hash, scrambled, has its top {@code bits} bits clear: 1 in 2^bits of them,
   * the same ones in every article, so two articles keep the same sample of what they share.
   */
  static long[] sample(long[] sortedShingles, int bits) {
    if (bits == 0) {
      return sortedShingles;
    }
    int kept = 0;
    long[] sample = new long[sortedShingles.length];
    for (long shingle : sortedShingles) {
      if ((shingle * 0x9E3779B97F4A7C15L) >>> (64 - bits) == 0) {
        sample[kept++] = shingle;
      }
    }
    return Arrays.copyOf(sample, kept);
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
