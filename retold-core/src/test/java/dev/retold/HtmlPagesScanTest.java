package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved web pages through the facade: a site's template (menus, cookie notice, related stories,
 * newsletter box, a long footer about the paper) must not make two of its articles look copied from
 * each other, and one article must be the same article whichever site's template it was saved in.
 *
 * <p>{@code newspaper-article.html} (a tidal barrier) and {@code gazette-ferry.html} (a ferry) are
 * two stories of one site in one template; {@code coastline-ferry.html} is the ferry story as
 * another site reprinted it, in a template of its own.
 */
class HtmlPagesScanTest {
  private static final Path PAGES = Path.of("src", "test", "resources", "dev", "retold", "load");
  private static final String BARRIER = "gazette/tidal-barrier.html";
  private static final String FERRY = "gazette/skerra-ferry.html";
  private static final String REPRINT = "coastline/skerra-ferry.html";

  @TempDir static Path folder;
  private static ScanResult result;

  @BeforeAll
  static void scanTheFolder() throws IOException {
    copy("newspaper-article.html", BARRIER);
    copy("gazette-ferry.html", FERRY);
    copy("coastline-ferry.html", REPRINT);
    result = Retold.withDefaults().scan(folder);
  }

  private static void copy(String fixture, String to) throws IOException {
    Path target = folder.resolve(to);
    Files.createDirectories(target.getParent());
    Files.copy(PAGES.resolve("html").resolve(fixture), target);
  }

  @Test
  void everyPageLoadsWithItsMetadata() {
    assertThat(result.skipped()).isEmpty();
    assertThat(result.articles())
        .extracting(ArticleInfo::id)
        .containsExactly(REPRINT, FERRY, BARRIER);
    assertThat(result.article(BARRIER).orElseThrow().title())
        .isEqualTo("Council approves £40m tidal barrier for Port Ellery harbour");
    assertThat(result.article(FERRY).orElseThrow().metadata()).containsEntry("format", "html");
  }

  @Test
  void twoStoriesOfOneTemplateAreNotCopies() {
    Optional<ArticlePair> pair = pair(BARRIER, FERRY);
    pair.ifPresent(
        found ->
            assertThat(found.relation())
                .isNotIn(Relation.DUPLICATE, Relation.NEAR_DUPLICATE, Relation.DERIVED));
    assertThat(result.storyOf(BARRIER)).isNotEqualTo(result.storyOf(FERRY));
  }

  @Test
  void oneStoryInTwoTemplatesIsACopy() {
    ArticlePair pair = pair(FERRY, REPRINT).orElseThrow();
    assertThat(pair.relation()).isIn(Relation.DUPLICATE, Relation.NEAR_DUPLICATE);
    assertThat(result.storyOf(FERRY)).isEqualTo(result.storyOf(REPRINT));
  }

  /**
   * Each passage's offsets span its words in each page: the span starts with its first word and
   * ends with its last, and holds all of its words in order (with tags, and any chrome removed from
   * between two of its paragraphs, such as the related stories box, among them).
   */
  @Test
  void passagesPointIntoThePagesAsTheyAreOnDisk() throws IOException {
    ArticlePair pair = pair(FERRY, REPRINT).orElseThrow();
    assertThat(pair.passages()).isNotEmpty();
    String a = SourceText.read(folder.resolve(pair.a()));
    String b = SourceText.read(folder.resolve(pair.b()));
    for (Passage passage : pair.passages()) {
      List<String> words = words(passage.text());
      assertThat(words(a.substring(passage.startA(), passage.endA())))
          .startsWith(words.get(0))
          .endsWith(words.get(words.size() - 1))
          .containsSubsequence(words);
      assertThat(words(b.substring(passage.startB(), passage.endB())))
          .startsWith(words.get(0))
          .endsWith(words.get(words.size() - 1))
          .containsSubsequence(words);
    }
  }

  /**
   * The control: read as plain text, the two stories of one template share enough of it to be
   * reported as copies. Without it, the test above could pass on pages that share too little.
   */
  @Test
  void asPlainTextTheTemplateAloneMakesTheTwoStoriesCopies() throws IOException {
    List<Article> asText =
        List.of(
            Article.of("barrier", Files.readString(folder.resolve(BARRIER))),
            Article.of("ferry", Files.readString(folder.resolve(FERRY))));
    ScanResult plain = Retold.withDefaults().scan(asText);
    assertThat(plain.pairs())
        .extracting(ArticlePair::relation)
        .containsAnyOf(Relation.DUPLICATE, Relation.NEAR_DUPLICATE, Relation.DERIVED);
  }

  /** The pair of the two, listed on its own or as the evidence of their copy group. */
  private static Optional<ArticlePair> pair(String one, String other) {
    String a = one.compareTo(other) < 0 ? one : other;
    String b = a.equals(one) ? other : one;
    return Stream.concat(
            result.pairs().stream(), result.copyGroups().stream().map(CopyGroup::evidence))
        .filter(p -> p.a().equals(a) && p.b().equals(b))
        .findFirst();
  }

  /** The words of a span of a page, its tags left out. */
  private static List<String> words(String text) {
    String withoutTags = text.replaceAll("<[^>]*>", " ").toLowerCase(Locale.ROOT).strip();
    return Arrays.stream(withoutTags.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }
}
