package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.ArticleSource;
import dev.retold.ArticleSource.Located;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The engine's stages, each run alone on what the stages before it hand on: the first pass's table
 * and hand-offs, the copy candidates and their verification, the clustering and the evidence.
 */
class StagesTest {
  private static final RetoldSettings SETTINGS = RetoldSettings.defaults();

  /** Three stories of an original, an edited copy and an excerpt, and three unrelated articles. */
  private static final List<Article> ARTICLES = RandomArticles.planted(81).subList(0, 12);

  private final StageRunner stages = new StageRunner(2, ProgressListener.NONE);

  private Sketches sketch(ArticleSource source) throws IOException {
    return new ReadAndSketch(
            SETTINGS,
            new ArticleSketcher(SETTINGS),
            stages,
            ReadAndSketch.EXACT_SHINGLE_INDEX_ARTICLES)
        .read(source);
  }

  @Test
  void readAndSketchNumbersArticlesInIdOrderAndHandsEachPartOverOnce() throws IOException {
    Sketches sketches = sketch(ArticleSource.of(ARTICLES));
    ArticleTable table = sketches.articles();
    assertThat(table.size()).isEqualTo(12);
    for (int k = 1; k < table.size(); k++) {
      assertThat(table.id(k - 1)).isLessThan(table.id(k));
    }
    // the position is where the source reads it again: its index in the list given
    assertThat(ARTICLES.get((int) table.position(0)).id()).isEqualTo(table.id(0));
    long[][] shingles = sketches.sampledShingles().take();
    assertThat(shingles).hasNumberOfRows(12); // every shingle kept, below 8,192 articles
    assertThat(shingles[0]).isSorted().doesNotHaveDuplicates().isNotEmpty();
    assertThatThrownBy(() -> sketches.sampledShingles().take())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void copyCandidatesAreVerifiedIntoCopyGroupsThatClusteringNeverSplitsAndDerivedPairsJoin()
      throws IOException {
    ArticleSource source = ArticleSource.of(ARTICLES);
    Sketches sketches = sketch(source);
    ArticleTable table = sketches.articles();
    ExactCopies exact = ExactCopies.of(table);
    List<CandidatePair> candidates = new CopyCandidates(SETTINGS.copies(), 2).find(sketches, exact);
    StoryScores scores = new StoryVectors(SETTINGS.stories(), stages).weigh(sketches);
    PairReader reader = new PairReader(new Rereader(source, table, 3), stages);
    PairEvidence evidence = new PairEvidence(SETTINGS);
    CopyPairs copies =
        new VerifyCopies(SETTINGS, evidence, scores).verify(candidates, reader, table, exact);

    // each story's original, copy and excerpt: three copy pairs a story
    assertThat(copies.pairs().pairs())
        .extracting(ArticlePair::relation)
        .containsOnly(Relation.NEAR_DUPLICATE, Relation.DERIVED)
        .hasSize(9);
    assertThat(copies.pairs().pairs())
        .extracting(ArticlePair::relation)
        .contains(Relation.NEAR_DUPLICATE, Relation.DERIVED);
    int s0 = table.indexOf("s0-original");
    assertThat(copies.groups()[table.indexOf("u0")]).isNotEqualTo(copies.groups()[s0]);

    // near-duplicates make copy groups; a derived pair joins none (the clustering weighs it as a
    // strong link), so at the usual threshold every copy pair is in one story, and even at the
    // highest threshold nothing pulls a near-duplicate group apart
    StoryGraph graph =
        new StoryCandidates(SETTINGS.stories(), stages).find(scores, copies.groups());
    ClusterStories stories = new ClusterStories(SETTINGS.stories(), graph, copies);
    Clustering usual = stories.cluster(SETTINGS.stories().threshold());
    Clustering strict = stories.cluster(1.0);
    for (ArticlePair pair : copies.pairs().pairs()) {
      int a = table.indexOf(pair.a());
      int b = table.indexOf(pair.b());
      assertThat(usual.storyOf()[a]).isEqualTo(usual.storyOf()[b]);
      if (pair.relation() == Relation.DERIVED) {
        assertThat(copies.groups()[a]).isNotEqualTo(copies.groups()[b]);
      } else {
        assertThat(copies.groups()[a]).isEqualTo(copies.groups()[b]);
        assertThat(strict.storyOf()[a]).isEqualTo(strict.storyOf()[b]);
      }
    }
    for (ScoredEdge link : strict.links()) {
      assertThat(copies.pairs().contains(CandidatePair.key(link.a(), link.b()))).isFalse();
    }
    // passages are searched for the reported pairs only: the links, the copy pairs across groups,
    // and one pair a copy group
    assertThat(copies.pairs().pairs()).allSatisfy(pair -> assertThat(pair.passages()).isEmpty());
    // s1's and s2's original and copy; s0's copy is edited past the near-duplicate Jaccard
    assertThat(copies.copyGroups())
        .extracting(group -> table.id(group.members()[0]) + "+" + table.id(group.members()[1]))
        .containsExactlyInAnyOrder("s1-copy+s1-original", "s2-copy+s2-original");
    PairTable reported = new FindEvidence(evidence, scores, copies).find(List.of(strict), reader);
    assertThat(reported.size())
        .isEqualTo(strict.links().size() + copies.evidenceKeys().length)
        .isEqualTo(strict.links().size() + copies.pairs().size());
    for (CopyPairs.Group group : copies.copyGroups()) {
      assertThat(reported.get(group.evidenceKey()).passages()).isNotEmpty();
    }
  }

  @Test
  void thePairReaderReadsEachBlockOnceAndAChangedArticleFailsTheStage() throws IOException {
    List<Article> two = ARTICLES.subList(0, 2);
    ArticleSource changing = RandomArticles.changingWhenReadAgain(two);
    ArticleTable table = sketch(changing).articles();
    PairReader reader = new PairReader(new Rereader(changing, table, 3), stages);
    assertThat(reader.inBlocks("evidence", List.of(), (job, a, b) -> a)).isEmpty();
    assertThatThrownBy(
            () ->
                reader.inBlocks(
                    "evidence", List.of(new PairReader.Job(0, 1)), (job, a, b) -> a.article()))
        .isInstanceOf(IOException.class)
        .hasMessage(table.id(0) + " changed while it was scanned");
  }

  @Test
  void theRereaderKeepsAnalysesWithinItsBudgetAndTheyAreWhatAReadingGives() throws IOException {
    AtomicInteger rereads = new AtomicInteger();
    ArticleSource plain = ArticleSource.of(ARTICLES);
    ArticleSource counting =
        new ArticleSource() {
          @Override
          public List<SkippedFile> read(Consumer<List<Located>> batches) throws IOException {
            return plain.read(batches);
          }

          @Override
          public Article reread(long position) throws IOException {
            rereads.incrementAndGet();
            return plain.reread(position);
          }

          @Override
          public void close() {}
        };
    ArticleTable table = sketch(counting).articles();
    // room for the first article read, in the reader's estimate of an analysis (8 bytes a char)
    long firstArticle =
        8L
            * ARTICLES.stream()
                .filter(article -> article.id().equals(table.id(0)))
                .findFirst()
                .orElseThrow()
                .body()
                .length();

    Rereader none = new Rereader(counting, table, 3);
    Rereader all = new Rereader(counting, table, 3, Long.MAX_VALUE);
    Rereader some = new Rereader(counting, table, 3, firstArticle);
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < table.size(); k++) {
        AnalyzedArticle fresh = none.read(k);
        AnalyzedArticle kept = all.read(k);
        assertThat(kept.article()).isEqualTo(fresh.article());
        assertThat(kept.shingles()).isEqualTo(fresh.shingles());
        assertThat(kept.wordStarts()).isEqualTo(fresh.wordStarts());
        assertThat(kept.termHashes()).isEqualTo(fresh.termHashes());
        some.read(k);
      }
    }
    assertThat(all.kept()).isEqualTo(table.size());
    assertThat(none.kept()).isZero();
    assertThat(some.kept()).isEqualTo(1);
    // none reads every article twice, all once, some twice but the one it kept
    assertThat(rereads.get()).isEqualTo(2 * 12 + 12 + 2 * 12 - 1);
    assertThatThrownBy(() -> new Rereader(counting, table, 3, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
