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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

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
            "reuses the canonical article's wording: 100% of its word sequences are in the"
                + " canonical article, 50% of the canonical's in it; 1 shared passage, the longest 2"
                + " words\n")
        .contains("longest shared passage: \"One, two\"\n")
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

  /** A result whose names and titles come from hostile files. */
  private static final ScanResult HOSTILE =
      new ScanResult(
          List.of(
              new Article(
                      "=HYPERLINK(\"http://x\").txt",
                      "\u001b[31mRed\u0007 \u009b2J \u202Eevil\n" + "Story s9: forged \ud800",
                      null,
                      "Body \udc00 one.",
                      Map.of(),
                      List.of(),
                      null)
                  .info(),
              new Article(
                      "b.txt",
                      "x".repeat(66) + "\ud83d\ude00 tail",
                      null,
                      "Two.",
                      Map.of(),
                      List.of(),
                      null)
                  .info()),
          List.of(
              new Story("s1", "=HYPERLINK(\"http://x\").txt", List.of()),
              new Story("s2", "b.txt", List.of())),
          List.of(),
          List.of(),
          List.of(
              new SkippedFile("-cmd\u001b]0;title\u0007.txt", "@sum"),
              new SkippedFile("+x\ud800", "\ttab")),
          new ScanSummary(4, 2, 2, 0, 0));

  /** {@code format}'s report of {@link #HOSTILE} through a strict UTF-8 encoder, as to a file. */
  private static String writeStrictly(ReportFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out =
        new OutputStreamWriter(
            bytes,
            StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      format.write(HOSTILE, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void unpairedSurrogatesNeverBreakAReport(ReportFormat format) throws IOException {
    String report = writeStrictly(format);
    assertThat(report).contains("\uFFFD").doesNotContain("\ud800").endsWith("\n");
    if (format != ReportFormat.TEXT) {
      assertThat(report).contains("\ud83d\ude00 tail"); // a real pair is kept
    }
  }

  @Test
  void textShowsControlCharactersAsEscapes() throws IOException {
    String report = writeStrictly(ReportFormat.TEXT);
    assertThat(report)
        .contains("\"\\x1B[31mRed\\x07 \\x9B2J \\u202Eevil\\x0AStory s9: forged \uFFFD\"")
        .contains("  -cmd\\x1B]0;title\\x07.txt: @sum\n")
        .contains("\"" + "x".repeat(66) + "...\"") // the emoji is not cut in two
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .doesNotContain("\u009b")
        .doesNotContain("\u202E");
    assertThat(report.lines()).noneMatch(line -> line.startsWith("Story s9"));
  }

  @Test
  void csvCellsThatLookLikeFormulasAreQuoted() throws IOException {
    List<String> rows = writeStrictly(ReportFormat.CSV).lines().toList();
    assertThat(rows.get(0))
        .isEqualTo("path,status,story,canonical,relation,title,date,reason,copy_group");
    assertThat(rows)
        .anyMatch(row -> row.startsWith("\"'+x\uFFFD\",skipped,") && row.endsWith(",\"'\ttab\","))
        .anyMatch(row -> row.startsWith("\"'-cmd\u001b]0;title\u0007.txt\",skipped,"))
        .anyMatch(row -> row.endsWith(",\"'@sum\","))
        .anyMatch(
            row ->
                row.startsWith(
                    "\"'=HYPERLINK(\"\"http://x\"\").txt\",loaded,s1,"
                        + "\"'=HYPERLINK(\"\"http://x\"\").txt\",CANONICAL,"));
    assertThat(rows).noneMatch(row -> row.startsWith("=") || row.startsWith("\"="));
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
                             reuses the canonical article's wording: 100% of its word sequences are in the canonical article, 50% of the canonical's in it
              COPIES         c1: 4 articles, DUPLICATE: a.txt (representative), b.txt, c.txt and 1 more
                             a.txt and b.txt: Jaccard 1.0; 1 shared passage, longest 2 words

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
