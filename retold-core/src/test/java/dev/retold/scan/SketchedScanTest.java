package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.load.ArticleFiles;
import dev.retold.load.JsonLinesLoader;
import dev.retold.load.LoadListener;
import dev.retold.load.SlicedSource;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles sketched one at a time, knowing nothing of the others (as a distributed scan's workers
 * sketch them), and handed to the engine as bytes give the very scan the engine makes on its own.
 */
class SketchedScanTest {
  private static final RetoldSettings SETTINGS = RetoldSettings.defaults();
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  @Test
  void aSketchComesBackFromItsBytesUnchanged() {
    Article article =
        new Article(
            "dir/a.md",
            "A title with a lone \uD800 surrogate",
            LocalDate.of(2026, 1, 5),
            "Seoul, Jan 5. The president met Xi Jinping in Beijing on Monday for talks on trade.",
            Map.of("author", "Kim", "tags", "politics"),
            List.of("Navigation", "Related posts"),
            null);
    HashedSketch sketch =
        new ArticleSketcher(SETTINGS).hashed(new ArticleSource.Located(article, 1L << 62 | 7));
    HashedSketch back = HashedSketch.decode(sketch.encode());

    assertThat(back.info()).isEqualTo(sketch.info());
    assertThat(back.position()).isEqualTo(sketch.position());
    assertThat(back.bodyHash()).isEqualTo(sketch.bodyHash());
    assertThat(back.wordsHash()).isEqualTo(sketch.wordsHash());
    assertThat(back.signature()).isEqualTo(sketch.signature());
    assertThat(back.shingles()).isEqualTo(sketch.shingles()).isNotEmpty();
    assertThat(back.termHashes()).isEqualTo(sketch.termHashes()).isNotEmpty();
    assertThat(back.termCounts()).isEqualTo(sketch.termCounts());
    assertThat(back.embedding()).isNull();
  }

  @Test
  void anArticleWithoutTitleDateOrWordsComesBackToo() {
    Article article = Article.of("empty", "");
    HashedSketch sketch =
        new ArticleSketcher(SETTINGS).hashed(new ArticleSource.Located(article, 0));
    HashedSketch back = HashedSketch.decode(sketch.encode());
    assertThat(back.info()).isEqualTo(sketch.info());
    assertThat(back.wordsHash()).isZero();
    assertThat(back.shingles()).isEmpty();
  }

  @Test
  void bytesOfAnotherFormatAreRefused() {
    byte[] bytes =
        new ArticleSketcher(SETTINGS)
            .hashed(new ArticleSource.Located(Article.of("a", "some words here"), 0))
            .encode();
    bytes[0] = 99;
    assertThatThrownBy(() -> HashedSketch.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 99");
  }

  @Test
  void theSeedsSketchedSliceBySliceScanAsTheEngineScansThem() throws IOException {
    try (ArticleSource source = ArticleFiles.source(SEEDS, SETTINGS, ProgressListener.NONE)) {
      assertThat(source).isInstanceOf(SlicedSource.class);
      ScanEngine engine = new ScanEngine(SETTINGS);
      ScanResult apart = sliceBySlice(engine, (SlicedSource) source);
      ScanResult together = engine.scan(source, ProgressListener.NONE);
      assertThat(json(apart)).isEqualTo(json(together));
      assertThat(together.stories()).hasSize(1);
    }
  }

  /**
   * A JSON Lines file in small slices: lines that repeat an id of an earlier slice are skipped by
   * the sweep, named and explained as a whole reading skips them.
   */
  @Test
  void aJsonLinesFileSketchedSliceBySliceScansAsTheEngineScansIt(@TempDir Path root)
      throws IOException {
    List<Article> articles = RandomArticles.planted(40);
    StringBuilder lines = new StringBuilder();
    int repeats = 0;
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      lines.append(line(article.id(), article.body()));
      if (i % 7 == 3) {
        lines.append(line(articles.get(i / 2).id(), "a later line with an id used before"));
        repeats++;
      }
    }
    Path file = Files.writeString(root.resolve("corpus.jsonl"), lines);
    JsonLinesLoader loader = new JsonLinesLoader(SETTINGS.loading(), LoadListener.NONE, 2);
    try (SlicedSource source = loader.source(file, 2_000)) {
      assertThat(source.slices()).isGreaterThan(5);
      ScanEngine engine = new ScanEngine(SETTINGS);
      ScanResult apart = sliceBySlice(engine, source);
      ScanResult together = engine.scan(source, ProgressListener.NONE);
      assertThat(json(apart)).isEqualTo(json(together));
      assertThat(together.skipped()).hasSize(repeats).isNotEmpty();
      assertThat(together.pairs()).isNotEmpty();
    }
  }

  /**
   * Copy candidates found outside the engine, by joining the articles' {@link CopyKeys} as a
   * distributed scan does ({@link #joinedCopyPairs}), give the scan the engine makes on its own:
   * with exact copies (only the first takes part), repeated ids (the later skipped) and shingles
   * sampled (past 16 articles here).
   */
  @Test
  void copyPairsJoinedOnTheirKeysScanAsTheEngineFindsThem(@TempDir Path root) throws IOException {
    List<Article> articles = RandomArticles.planted(41);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      lines.append(line(article.id(), article.body()));
      if (i % 11 == 5) { // an exact copy of an article before it, and a repeated id
        lines.append(line(article.id() + "-again", article.body()));
        lines.append(line(article.id() + "-edited", article.body() + " Updated on Monday."));
        lines.append(line(articles.get(i / 2).id(), "a later line with an id used before"));
      }
    }
    Path file = Files.writeString(root.resolve("corpus.jsonl"), lines);
    JsonLinesLoader loader = new JsonLinesLoader(SETTINGS.loading(), LoadListener.NONE, 2);
    try (SlicedSource source = loader.source(file, 2_000)) {
      ScanEngine engine = new ScanEngine(SETTINGS, 16);
      List<byte[]> whole = new ArrayList<>();
      List<SkippedFile> skipped = new ArrayList<>();
      for (int slice = 0; slice < source.slices(); slice++) {
        skipped.addAll(
            source.read(slice, batch -> batch.forEach(a -> whole.add(engine.sketch(a)))));
      }
      long distinct = whole.stream().map(b -> engine.copyKeys(b, 0).id()).distinct().count();
      List<CopyKeys> keys = new ArrayList<>();
      List<byte[]> forDriver = new ArrayList<>();
      for (byte[] sketch : whole) {
        keys.add(engine.copyKeys(sketch, distinct));
        forDriver.add(engine.withoutCopyKeys(sketch));
      }
      long[] pairs = joinedCopyPairs(engine, keys, distinct);
      long[] storyPairs = joinedStoryPairs(engine, whole);
      assertThat(storyPairs).isNotEmpty();
      ScanResult together = engine.scan(source, ProgressListener.NONE);
      for (long[] story : Arrays.asList(null, storyPairs)) { // the story pairs found, then given
        ScanResult joined =
            engine
                .sweep(
                    forDriver.iterator(),
                    skipped,
                    source,
                    pairs,
                    story,
                    List.of(SETTINGS.stories().threshold()),
                    ProgressListener.NONE)
                .get(0);
        assertThat(json(joined)).isEqualTo(json(together));
      }
      assertThat(together.copyGroups())
          .extracting(group -> group.members().size())
          .contains(3); // an article, its exact copy and its edited copy
      assertThat(together.pairs()).extracting(ArticlePair::relation).contains(Relation.DERIVED);
      assertThat(forDriver.stream().mapToInt(b -> b.length).sum())
          .isLessThan(whole.stream().mapToInt(b -> b.length).sum() / 2);
    }
  }

  /** A pair naming a position no article has is refused. */
  @Test
  void aCopyPairOfAnUnknownPositionIsRefused() throws IOException {
    Article article = Article.of("a", "The harbour opened on Monday.");
    ScanEngine engine = new ScanEngine(SETTINGS);
    byte[] sketch = engine.withoutCopyKeys(engine.sketch(new ArticleSource.Located(article, 0)));
    try (ArticleSource source = ArticleSource.of(List.of(article))) {
      assertThatThrownBy(
              () ->
                  engine.sweep(
                      List.of(sketch).iterator(),
                      List.of(),
                      source,
                      new long[] {0, 7},
                      List.of(SETTINGS.stories().threshold()),
                      ProgressListener.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("position: 7");
    }
  }

  /**
   * The copy pairs {@link CopyKeys} describes, joined in memory (keys in read order): the first
   * article of an id and of a words hash take part; pairs that share a band key at one band, or
   * enough shingles held by few enough articles.
   */
  private static long[] joinedCopyPairs(ScanEngine engine, List<CopyKeys> keys, long articles) {
    Set<String> ids = new HashSet<>();
    Set<Long> words = new HashSet<>();
    Map<String, List<Long>> buckets = new HashMap<>();
    Map<Long, List<Long>> holders = new HashMap<>();
    for (CopyKeys one : keys) {
      if (!ids.add(one.id()) || (one.wordsHash() != 0 && !words.add(one.wordsHash()))) {
        continue;
      }
      for (int band = 0; band < one.bandKeys().length; band++) {
        buckets
            .computeIfAbsent(band + ":" + one.bandKeys()[band], b -> new ArrayList<>())
            .add(one.position());
      }
      for (long shingle : one.shingles()) {
        holders.computeIfAbsent(shingle, h -> new ArrayList<>()).add(one.position());
      }
    }
    Set<List<Long>> pairs = new HashSet<>();
    for (List<Long> bucket : buckets.values()) {
      pairs.addAll(allPairs(bucket));
    }
    Map<List<Long>, Integer> shared = new HashMap<>();
    for (List<Long> held : holders.values()) {
      if (held.size() <= engine.maxShingleDocuments()) {
        allPairs(held).forEach(pair -> shared.merge(pair, 1, Integer::sum));
      }
    }
    shared.forEach(
        (pair, count) -> {
          if (count >= engine.minSharedShingles(articles)) {
            pairs.add(pair);
          }
        });
    return pairs.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
  }

  /**
   * The story pairs {@link StoryTermKeys} describes, joined in memory (sketches in read order): the
   * first article of each id takes part; its terms' document frequencies counted over those; pairs
   * sharing enough heavy terms held by few enough articles' heaviest.
   */
  private static long[] joinedStoryPairs(ScanEngine engine, List<byte[]> sketches) {
    Set<String> ids = new HashSet<>();
    List<StoryTermKeys> taking = new ArrayList<>();
    for (byte[] sketch : sketches) {
      StoryTermKeys one = engine.storyTerms(sketch);
      if (ids.add(one.id())) {
        taking.add(one);
      }
    }
    Map<Long, Integer> frequency = new HashMap<>();
    for (StoryTermKeys one : taking) {
      for (long term : one.terms()) {
        frequency.merge(term, 1, Integer::sum);
      }
    }
    Map<Long, List<Long>> holders = new HashMap<>();
    for (StoryTermKeys one : taking) {
      int[] frequencies = new int[one.terms().length];
      Arrays.setAll(frequencies, i -> frequency.get(one.terms()[i]));
      for (long term : engine.heaviestTerms(one, frequencies, taking.size())) {
        holders.computeIfAbsent(term, t -> new ArrayList<>()).add(one.position());
      }
    }
    Map<List<Long>, Integer> shared = new HashMap<>();
    for (List<Long> held : holders.values()) {
      if (held.size() <= engine.maxHeavyTermArticles()) {
        allPairs(held).forEach(pair -> shared.merge(pair, 1, Integer::sum));
      }
    }
    return shared.entrySet().stream()
        .filter(pair -> pair.getValue() >= engine.minSharedHeavyTerms())
        .flatMap(pair -> pair.getKey().stream())
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** Heavy terms are weighed only with one document frequency, at least 1, per term. */
  @Test
  void heavyTermsAskOneFrequencyPerTerm() {
    ScanEngine engine = new ScanEngine(SETTINGS);
    StoryTermKeys terms =
        engine.storyTerms(
            engine.sketch(
                new ArticleSource.Located(
                    Article.of("a", "The harbour opened on Monday in Valletta."), 0)));
    int[] ones = new int[terms.terms().length];
    Arrays.fill(ones, 1);
    assertThat(engine.heaviestTerms(terms, ones, 1)).isEmpty(); // no term another article holds
    assertThatThrownBy(() -> engine.heaviestTerms(terms, new int[ones.length + 1], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one document frequency per term");
    assertThatThrownBy(() -> engine.heaviestTerms(terms, new int[ones.length], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 1..1");
  }

  private static List<List<Long>> allPairs(List<Long> positions) {
    List<List<Long>> pairs = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      for (int j = i + 1; j < positions.size(); j++) {
        long a = positions.get(i);
        long b = positions.get(j);
        pairs.add(List.of(Math.min(a, b), Math.max(a, b)));
      }
    }
    return pairs;
  }

  /** Two sketches with one id from a source that never repeats one are refused. */
  @Test
  void twoSketchesWithOneIdFromAFolderAreRefused() throws IOException {
    Article article = Article.of("a", "The harbour opened on Monday.");
    ScanEngine engine = new ScanEngine(SETTINGS);
    byte[] sketch = engine.sketch(new ArticleSource.Located(article, 0));
    try (ArticleSource source = ArticleSource.of(List.of(article))) {
      assertThatThrownBy(
              () ->
                  engine.sweep(
                      List.of(sketch, sketch).iterator(),
                      List.of(),
                      source,
                      List.of(SETTINGS.stories().threshold()),
                      ProgressListener.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("share the id a");
    }
  }

  /** {@code source} sketched a slice at a time, as workers sketch it, and swept by the engine. */
  private static ScanResult sliceBySlice(ScanEngine engine, SlicedSource source)
      throws IOException {
    List<byte[]> sketches = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (int slice = 0; slice < source.slices(); slice++) {
      skipped.addAll(
          source.read(slice, batch -> batch.forEach(a -> sketches.add(engine.sketch(a)))));
    }
    return engine
        .sweep(
            sketches.iterator(),
            skipped,
            source,
            List.of(SETTINGS.stories().threshold()),
            ProgressListener.NONE)
        .get(0);
  }

  private static String line(String id, String text) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", id);
      json.writeStringField("text", text);
      json.writeEndObject();
    }
    return out + "\n";
  }

  /** Past 16 articles the shingles are sampled, and more sparsely as more come in. */
  @Test
  void sketchesTakenInBatchesAreSampledAsTheEngineSamplesThem() throws IOException {
    List<Article> articles = RandomArticles.planted(79);
    ScanEngine engine = new ScanEngine(SETTINGS, 16);
    List<byte[]> sketches = new ArrayList<>();
    try (ArticleSource source = ArticleSource.of(articles)) {
      source.read(batch -> batch.forEach(a -> sketches.add(engine.sketch(a))));
      ScanResult apart =
          engine
              .sweep(
                  sketches.iterator(),
                  List.of(),
                  source,
                  List.of(SETTINGS.stories().threshold()),
                  ProgressListener.NONE)
              .get(0);
      ScanResult together = engine.scan(source, ProgressListener.NONE);
      assertThat(apart).isEqualTo(together);
      assertThat(together.pairs()).isNotEmpty();
    }
  }

  private static String json(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    ReportFormat.JSON.write(result, out);
    return out.toString();
  }
}
