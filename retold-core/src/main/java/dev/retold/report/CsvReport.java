package dev.retold.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.retold.ArticleInfo;
import dev.retold.CopyGroup;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV report: a header, then one row per file found, by path, so a spreadsheet shows every file
 * once. Columns: {@code path}, {@code status} ({@code loaded} or {@code skipped}), {@code story},
 * {@code canonical}, {@code relation} (to the canonical article; {@code CANONICAL} for the
 * canonical article itself), {@code title}, {@code date}, {@code reason} (why a file was skipped),
 * {@code copy_group} (the id of the article's copy group, if it is in one). RFC 4180 quoting,
 * {@code \n} line ends. A path, title or reason that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}, so that a spreadsheet does not
 * run it as a formula (CSV injection).
 */
final class CsvReport implements ReportWriter {
  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumn("path")
          .addColumn("status")
          .addColumn("story")
          .addColumn("canonical")
          .addColumn("relation")
          .addColumn("title")
          .addColumn("date")
          .addColumn("reason")
          .addColumn("copy_group")
          .setUseHeader(true)
          .setLineSeparator("\n")
          .build();

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS).build();

  /** One row of the report. */
  record Row(
      String path,
      String status,
      String story,
      String canonical,
      String relation,
      String title,
      String date,
      String reason,
      @JsonProperty("copy_group") String copyGroup) {}

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, Story> storyOf = result.storyIndex();
    Map<String, String> relationOf = new HashMap<>();
    for (Story story : result.stories()) {
      relationOf.put(story.canonical(), "CANONICAL");
      for (StoryMember member : story.members()) {
        relationOf.put(member.id(), member.relation().name());
      }
    }
    Map<String, String> copyGroupOf = new HashMap<>();
    for (CopyGroup group : result.copyGroups()) {
      for (String member : group.members()) {
        copyGroupOf.put(member, group.id());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (ArticleInfo article : result.articles()) {
      Story story = storyOf.get(article.id());
      rows.add(
          new Row(
              cell(article.id()),
              "loaded",
              story.id(),
              cell(story.canonical()),
              relationOf.get(article.id()),
              cell(article.title()),
              article.date() == null ? null : article.date().toString(),
              null,
              copyGroupOf.get(article.id())));
    }
    for (SkippedFile file : result.skipped()) {
      rows.add(
          new Row(
              cell(file.path()),
              "skipped",
              null,
              null,
              null,
              null,
              null,
              cell(file.reason()),
              null));
    }
    rows.sort(Comparator.comparing(Row::path));
    MAPPER
        .writerFor(Row.class)
        .with(SCHEMA)
        .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValues(out)
        .writeAll(rows)
        .flush();
    out.flush();
  }

  private static String cell(String text) {
    return UntrustedText.spreadsheetCell(text);
  }
}
