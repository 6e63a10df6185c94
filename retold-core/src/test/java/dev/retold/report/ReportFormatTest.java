package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticlePair;
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

  private static String write(ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(RESULT, out);
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
        .startsWith("{\n  \"format\": \"retold-scan/1\",\n  \"articles\": [\n")
        .contains("\"removed_lines\": []")
        .contains("\"containment_a_in_b\": 0.5")
        .contains("\"jaccard\": 0.3333")
        .contains("\"a_start\": 0,")
        .contains("\"origin\": \"a.txt\"")
        .contains("\"reason\": \"binary (NUL byte at offset 0)\"")
        .endsWith("    \"pairs\": 1\n  }\n}\n");
  }

  @Test
  void csvHasOneRowPerFile() throws IOException {
    assertThat(write(ReportFormat.CSV).replace("\"", "").lines())
        .containsExactly(
            "path,status,story,canonical,relation,title,date,reason",
            "a.txt,loaded,s1,a.txt,CANONICAL,,,",
            "b.txt,loaded,s1,a.txt,DERIVED,,,",
            "c.bin,skipped,,,,,,binary (NUL byte at offset 0)");
  }
}
