package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
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
import java.util.List;
import java.util.Map;
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

  /**
   * Sketches thinned on their workers to the sample a scan of that many articles keeps (past 16
   * here) scan as the whole sketches do; below it nothing is thinned.
   */
  @Test
  void sketchesThinnedForTheirCountScanAsWholeOnes() throws IOException {
    List<Article> articles = RandomArticles.planted(79);
    ScanEngine engine = new ScanEngine(SETTINGS, 16);
    List<byte[]> whole = new ArrayList<>();
    try (ArticleSource source = ArticleSource.of(articles)) {
      source.read(batch -> batch.forEach(a -> whole.add(engine.sketch(a))));
      List<byte[]> thinned = new ArrayList<>();
      for (byte[] sketch : whole) {
        thinned.add(engine.thinned(sketch, articles.size()));
      }
      assertThat(articles.size()).isGreaterThan(64); // thinned to 1 in 8
      assertThat(thinned.stream().mapToInt(b -> b.length).sum())
          .isLessThan(whole.stream().mapToInt(b -> b.length).sum() * 2 / 3);
      assertThat(engine.thinned(whole.get(0), 16)).isSameAs(whole.get(0));
      List<Double> threshold = List.of(SETTINGS.stories().threshold());
      ScanResult fromThinned =
          engine
              .sweep(thinned.iterator(), List.of(), source, threshold, ProgressListener.NONE)
              .get(0);
      ScanResult together = engine.scan(source, ProgressListener.NONE);
      assertThat(fromThinned).isEqualTo(together);
      assertThat(together.pairs()).isNotEmpty();
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
