package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.RandomArticles;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.index.CandidatePair;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exact copies collapsed before verification: the work on {@code n} copies of one text, counted in
 * candidate pairs verified and pairs searched for passages, is linear in {@code n}.
 */
class ExactCopiesTest {
  private static final RetoldSettings SETTINGS = RetoldSettings.defaults();
  private final StageRunner stages = new StageRunner(2, ProgressListener.NONE);

  @Test
  void theRepresentativeIsTheEarliestThenTheLongestThenTheFirstById() throws IOException {
    String body = RandomArticles.text(RandomArticles.randomWords(new Random(1), 200));
    List<Article> articles =
        List.of(
            Article.of("a", body),
            Article.of("b", body.toUpperCase(Locale.ROOT) + "\n\n"), // longer, the same words
            Article.of("c", body).withTitleAndDate(null, LocalDate.of(2026, 3, 1)),
            Article.of("d", body).withTitleAndDate(null, LocalDate.of(2026, 2, 1)),
            Article.of("e", "..."),
            Article.of("f", "..."));
    ArticleTable table = read(articles).articles();
    ExactCopies exact = ExactCopies.of(table);
    assertThat(List.of(0, 1, 2, 3).stream().map(exact::representative)).containsOnly(3);
    // articles without a shingle are never duplicates, so never collapsed
    assertThat(exact.representative(4)).isEqualTo(4);
    assertThat(exact.representative(5)).isEqualTo(5);
    assertThat(exact.starKeys())
        .containsExactly(CandidatePair.key(0, 3), CandidatePair.key(1, 3), CandidatePair.key(2, 3));
    assertThat(exact.toRepresentatives(CandidatePair.key(0, 4))).isEqualTo(CandidatePair.key(3, 4));
    assertThat(exact.toRepresentatives(CandidatePair.key(0, 2))).isEqualTo(-1);

    List<Article> reversed = new ArrayList<>(articles);
    Collections.reverse(reversed); // another first-read copy: the same classes
    ArticleTable rebuilt = read(reversed).articles();
    assertThat(ExactCopies.of(rebuilt).starKeys()).containsExactly(exact.starKeys());
  }

  @Test
  void aThousandCopiesAreVerifiedOnceEachAndSearchedForPassagesOnce() throws IOException {
    int n = 1000;
    Random random = new Random(2);
    List<String> words = RandomArticles.randomWords(random, 300);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(Article.of(String.format("copy-%04d", i), RandomArticles.text(words)));
    }
    articles.add(
        Article.of("excerpt", RandomArticles.text(words.subList(50, 200)))); // derived from them
    articles.add(
        Article.of(
            "edited", RandomArticles.text(RandomArticles.edited(random, words, 0.02)))); // near
    ArticleSource source = ArticleSource.of(articles);
    Sketches sketches = read(source);
    ArticleTable table = sketches.articles();
    ExactCopies exact = ExactCopies.of(table);
    List<CandidatePair> candidates = new CopyCandidates(SETTINGS.copies(), 2).find(sketches, exact);
    // n - 1 copies against their representative, and the excerpt and the edited copy against it
    // and each other: not the n (n - 1) / 2 pairs of the copies
    assertThat(candidates).hasSize(n - 1 + 3);

    StoryScores scores = new StoryVectors(SETTINGS.stories(), stages).weigh(sketches);
    PairReader reader = new PairReader(new Rereader(source, table, 3), stages);
    CopyPairs copies =
        new VerifyCopies(SETTINGS, new PairEvidence(SETTINGS), scores)
            .verify(candidates, reader, table, exact);
    assertThat(copies.copyGroups()).hasSize(1);
    CopyPairs.Group group = copies.copyGroups().get(0);
    assertThat(group.members()).hasSize(n + 1); // the edited copy is a near-duplicate of them
    assertThat(group.relation()).isEqualTo(Relation.NEAR_DUPLICATE);
    assertThat(table.id(group.representative())).isEqualTo("copy-0000");
    // passages are searched for the group's evidence pair and the two derived pairs of the
    // excerpt, which lies outside the group
    assertThat(copies.evidenceKeys()).hasSize(3);
  }

  private Sketches read(List<Article> articles) throws IOException {
    return read(ArticleSource.of(articles));
  }

  private Sketches read(ArticleSource source) throws IOException {
    return new ReadAndSketch(
            SETTINGS,
            new ArticleSketcher(SETTINGS),
            stages,
            ReadAndSketch.EXACT_SHINGLE_INDEX_ARTICLES)
        .read(source);
  }
}
