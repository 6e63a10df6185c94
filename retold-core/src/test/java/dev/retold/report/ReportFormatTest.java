package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.Passage;
import dev.retold.Relation;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format on a small hand-made result: what the seeds' golden files do not cover. */
class ReportFormatTest {
  private static final ScanResult RESULT =
      new ScanResult(
          List.of(
              Article.of("a.txt", "One, two \"three\".").info(),
              Article.of("b.txt", "One, two.").info()),
          List.of(new Story("s1", "a.txt", List.of(new StoryMember("b.txt", Relation.DERIVED)))),
          List.of(),
          List.of(
              new ArticlePair(
                  "a.txt",
                  "b.txt",
                  Relation.DERIVED,
                  "a.txt",
                  0.8,
                  1.0 / 3,
                  0.5,
                  1.0,
                  List.of(new Passage(2, 0, 8, 0, 8, "One, two")))),
          List.of(new SkippedFile("c.bin", "binary (NUL byte at offset 0)")),
          new ScanSummary(3, 2, 1, 1, 1));

  /** Four copies of a.txt in one group, and e.txt derived from them. */
  private static final ScanResult WITH_COPIES =
      new ScanResult(
          List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt").stream()
              .map(id -> Article.of(id, "One, two.").info())
              .toList(),
          List.of(
              new Story(
                  "s1",
                  "a.txt",
                  List.of(
                      new StoryMember("b.txt", Relation.DUPLICATE),
                      new StoryMember("c.txt", Relation.DUPLICATE),
                      new StoryMember("d.txt", Relation.DUPLICATE),
                      new StoryMember("e.txt", Relation.DERIVED)))),
          List.of(
              new CopyGroup(
                  "c1",
                  "a.txt",
                  List.of("a.txt", "b.txt", "c.txt", "d.txt"),
                  Relation.DUPLICATE,
                  new ArticlePair(
                      "a.txt",
                      "b.txt",
                      Relation.DUPLICATE,
                      null,
                      1.0,
                      1.0,
                      1.0,
                      1.0,
                      List.of(new Passage(2, 0, 8, 0, 8, "One, two"))))),
          List.of(
              new ArticlePair(
                  "a.txt", "e.txt", Relation.DERIVED, "a.txt", 0.8, 0.5, 0.5, 1.0, List.of())),
          List.of(),
          new ScanSummary(5, 5, 0, 1, 1, 1, 4));

  private static String write(ReportFormat format) throws IOException {
    return write(format, RESULT);
  }

  private static String write(ReportFormat format, ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    format.write(result, out);
    return out.toString();
  }

  @ParameterizedTest
  @CsvSource({
    "0.33333333, 0.3333",
    "0.5, 0.5",
    "1, 1.0",
    "0, 0.0",
    "0.00005, 0.0", // half-even
    "0.00015, 0.0002"
  })
  void scoresAreRoundedToFourDecimals(double value, String expected) {
    assertThat(ScoreFormat.text(value)).isEqualTo(expected);
  }

  @Test
  void textListsSkippedFilesAndTheSummary() throws IOException {
    assertThat(write(ReportFormat.TEXT))
        .contains("Story s1: 2 articles")
        .contains("DERIVED        b.txt")
        .contains(
            "story similarity 0.8; 100% of its shingles in the canonical, 50% back; jaccard 0.3333")
        .contains("Skipped: 1 file\n  c.bin: binary (NUL byte at offset 0)\n")
        .endsWith(
            "3 files found: 2 loaded, 1 skipped; 1 group of related articles, 1 related pair.\n");
  }

  @Test
  void jsonHasEveryDocumentedField() throws IOException {
    assertThat(write(ReportFormat.JSON))
        .startsWith("{\n  \"format\": \"retold-scan/2\",\n  \"articles\": [\n")
        .contains("\"copy_groups\": [],\n  \"pairs\": [\n")
        .contains("\"removed_lines\": []")
        .contains("\"containment_a_in_b\": 0.5")
        .contains("\"jaccard\": 0.3333")
        .contains("\"a_start\": 0,")
        .contains("\"origin\": \"a.txt\"")
        .contains("\"reason\": \"binary (NUL byte at offset 0)\"")
        .endsWith(
            "    \"pairs\": 1,\n    \"copy_groups\": 0,\n    \"copy_group_articles\": 0\n  }\n}\n");
  }

  @Test
  void csvHasOneRowPerFile() throws IOException {
    assertThat(write(ReportFormat.CSV).replace("\"", "").lines())
        .containsExactly(
            "path,status,story,canonical,relation,title,date,reason,copy_group",
            "a.txt,loaded,s1,a.txt,CANONICAL,,,,",
            "b.txt,loaded,s1,a.txt,DERIVED,,,,",
            "c.bin,skipped,,,,,,binary (NUL byte at offset 0),");
  }

  @Test
  void textGivesACopyGroupOneLineAndCountsItsPairsApart() throws IOException {
    assertThat(write(ReportFormat.TEXT, WITH_COPIES))
        .isEqualTo(
            """
            Story s1: 5 articles
              CANONICAL      a.txt
              DERIVED        e.txt
                             story similarity 0.8; 100% of its shingles in the canonical, 50% back; jaccard 0.5
              COPIES         c1: 4 articles, DUPLICATE: a.txt (representative), b.txt, c.txt and 1 more
                             a.txt and b.txt: jaccard 1.0; 1 shared passage, longest 2 words

            5 files found: 5 loaded, 0 skipped; 1 group of related articles, 1 copy group holding 4 \
            articles, 1 other related pair.
            """);
  }

  @Test
  void jsonListsEachCopyGroupWithItsMembersAndEvidence() throws IOException {
    assertThat(write(ReportFormat.JSON, WITH_COPIES))
        .contains(
            """
              "copy_groups": [
                {
                  "id": "c1",
                  "representative": "a.txt",
                  "size": 4,
                  "relation": "DUPLICATE",
                  "members": [
                    "a.txt",
                    "b.txt",
                    "c.txt",
                    "d.txt"
                  ],
                  "evidence": {
                    "a": "a.txt",
                    "b": "b.txt",
                    "relation": "DUPLICATE",
                    "origin": null,
            """)
        .contains("\"copy_groups\": 1,\n    \"copy_group_articles\": 4\n");
  }

  @Test
  void csvNamesEachMembersCopyGroup() throws IOException {
    assertThat(write(ReportFormat.CSV, WITH_COPIES).replace("\"", "").lines())
        .containsExactly(
            "path,status,story,canonical,relation,title,date,reason,copy_group",
            "a.txt,loaded,s1,a.txt,CANONICAL,,,,c1",
            "b.txt,loaded,s1,a.txt,DUPLICATE,,,,c1",
            "c.txt,loaded,s1,a.txt,DUPLICATE,,,,c1",
            "d.txt,loaded,s1,a.txt,DUPLICATE,,,,c1",
            "e.txt,loaded,s1,a.txt,DERIVED,,,,");
  }
}
