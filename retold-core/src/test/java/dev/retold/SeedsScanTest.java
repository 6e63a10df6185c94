package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.load.FolderLoader;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample of five articles, end to end: the story, its origin, and every report format. */
class SeedsScanTest {
  static final Path SEEDS = Path.of("..", "testdata", "seeds");
  static final String ORIGINAL = "003_6669a427d399b261.txt";
  static final String CONDENSED = "000_6eb4ee3ca36ee36b.txt";
  static final String SOURCED = "001_893e1b22cc0b54cc.txt";
  static final String SCRAPED = "002_15fc58843f25bcb7.txt";
  static final String AGENCY = "004_d6e9b4307be571ab.txt";

  private static ScanResult result;

  @BeforeAll
  static void scan() throws IOException {
    result = Retold.withDefaults().scan(SEEDS);
  }

  @Test
  void allFiveFormOneStoryAroundTheOriginal() {
    Story story = result.storyOf(ORIGINAL).orElseThrow();
    assertThat(story.canonical()).isEqualTo(ORIGINAL);
    Map<String, Relation> members =
        story.members().stream().collect(Collectors.toMap(StoryMember::id, StoryMember::relation));
    assertThat(members)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                CONDENSED, Relation.DERIVED,
                SOURCED, Relation.DERIVED,
                SCRAPED, Relation.DERIVED,
                AGENCY, Relation.SAME_STORY));
    assertThat(result.stories()).hasSize(1);
  }

  @Test
  void eachRewriteNamesTheOriginalAsItsOrigin() {
    for (String rewrite : new String[] {CONDENSED, SOURCED, SCRAPED}) {
      ArticlePair pair =
          result.pairs().stream()
              .filter(p -> p.a().equals(rewrite) && p.b().equals(ORIGINAL))
              .findFirst()
              .orElseThrow();
      assertThat(pair.relation()).isEqualTo(Relation.DERIVED);
      assertThat(pair.origin()).isEqualTo(ORIGINAL);
      assertThat(pair.passages()).isNotEmpty();
    }
  }

  @Test
  void theIndependentReportIsLinkedByTheStoryScoreNotByWording() {
    ArticlePair pair =
        result.pairs().stream()
            .filter(p -> p.a().equals(ORIGINAL) && p.b().equals(AGENCY))
            .findFirst()
            .orElseThrow();
    assertThat(pair.relation()).isEqualTo(Relation.SAME_STORY);
    assertThat(pair.origin()).isNull();
    assertThat(pair.jaccard()).isLessThan(0.05);
    assertThat(pair.similarity()).isGreaterThan(0.2);
  }

  @Test
  void pageChromeAndFrontMatterAreNotInTheBodies() throws IOException {
    Map<String, Article> loaded = loadSeeds();
    assertThat(loaded.get(SCRAPED).body())
        .doesNotContain("Ask Onix", "Report a Problem", "Related posts");
    assertThat(result.article(SCRAPED).orElseThrow().removedLines())
        .contains("Navigation", "Ask Onix", "Report a Problem");
    assertThat(loaded.get(ORIGINAL).body()).doesNotContain("layout: post", "---");
    assertThat(result.article(ORIGINAL).orElseThrow().title())
        .isEqualTo(
            "Latest: Selfies and smiles - South Korea seeks 'latest phase' in ties with China");
  }

  @Test
  void theResultKeepsEachLoadedArticlesInfo() throws IOException {
    assertThat(result.articles())
        .containsExactlyElementsOf(loadSeeds().values().stream().map(Article::info).toList());
  }

  @Test
  void passagesPointIntoTheFilesAsTheyAreOnDisk() throws IOException {
    for (ArticlePair pair : result.pairs()) {
      String sourceA = SourceText.read(SEEDS.resolve(pair.a()));
      String sourceB = SourceText.read(SEEDS.resolve(pair.b()));
      for (Passage passage : pair.passages()) {
        assertThat(words(sourceA.substring(passage.startA(), passage.endA())))
            .isEqualTo(words(passage.text()));
        assertThat(words(sourceB.substring(passage.startB(), passage.endB())))
            .isEqualTo(words(passage.text()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void everyFormatMatchesItsGoldenFile(ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(result, SEEDS, out);
    GoldenFiles.assertMatches(
        "seeds." + format.name().toLowerCase(java.util.Locale.ROOT), out.toString());
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() throws IOException {
    ScanResult single = Retold.builder().threads(1).build().scan(SEEDS);
    assertThat(single).isEqualTo(result);
  }

  /** The seeds as the scan loads them, bodies included, by id. */
  private static Map<String, Article> loadSeeds() throws IOException {
    Map<String, Article> articles = new TreeMap<>();
    for (Article article : FolderLoader.withDefaults().load(SEEDS).articles()) {
      articles.put(article.id(), article);
    }
    return articles;
  }

  /** Lower-cased words only, so typographic quotes and line breaks in the file do not matter. */
  private static String words(String text) {
    return String.join(" ", text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .trim();
  }
}
