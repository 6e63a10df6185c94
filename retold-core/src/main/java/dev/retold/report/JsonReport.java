package dev.retold.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON report: one document, fields in a fixed order, two-space indentation, {@code \n} line
 * ends. The README documents every field; {@code format} names the layout's version so readers can
 * tell when it changes. Version 2 added {@code copy_groups}: {@code pairs} no longer holds the
 * pairs within a copy group, which the group stands for.
 */
final class JsonReport implements ReportWriter {
  /** The layout's name and version, written as the document's first field. */
  static final String FORMAT = "retold-scan/2";

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * A generator writing Retold's JSON layout to {@code out}: two-space indentation, {@code \n} line
   * ends, {@code "name": value}, {@code []} for empty arrays; {@code out} is not closed with it.
   */
  static JsonGenerator prettyGenerator(Writer out) throws IOException {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    JsonGenerator json = FACTORY.createGenerator(out).setPrettyPrinter(printer);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    JsonGenerator json = prettyGenerator(out);
    Map<String, Story> storyOf = result.storyIndex();
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeArrayFieldStart("articles");
    for (ArticleInfo article : result.articles()) {
      writeArticle(json, article, storyOf.get(article.id()));
    }
    json.writeEndArray();
    json.writeArrayFieldStart("stories");
    for (Story story : result.stories()) {
      writeStory(json, story);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("copy_groups");
    for (CopyGroup group : result.copyGroups()) {
      writeCopyGroup(json, group);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("pairs");
    for (ArticlePair pair : result.pairs()) {
      writePair(json, pair);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skipped");
    for (SkippedFile file : result.skipped()) {
      json.writeStartObject();
      json.writeStringField("path", file.path());
      json.writeStringField("reason", file.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeSummary(json, result.summary());
    json.writeEndObject();
    json.flush();
    out.write("\n");
    out.flush();
  }

  private static void writeArticle(JsonGenerator json, ArticleInfo article, Story story)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("path", article.id());
    json.writeStringField("title", article.title());
    json.writeStringField("date", article.date() == null ? null : article.date().toString());
    json.writeStringField("story", story == null ? null : story.id());
    json.writeArrayFieldStart("removed_lines");
    for (String line : article.removedLines()) {
      json.writeString(line);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("metadata");
    for (Map.Entry<String, String> field : article.metadata().entrySet()) {
      json.writeStringField(field.getKey(), field.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeStory(JsonGenerator json, Story story) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", story.id());
    json.writeStringField("canonical", story.canonical());
    json.writeNumberField("size", story.size());
    json.writeArrayFieldStart("members");
    for (StoryMember member : story.members()) {
      json.writeStartObject();
      json.writeStringField("path", member.id());
      json.writeStringField("relation", member.relation().name());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeCopyGroup(JsonGenerator json, CopyGroup group) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", group.id());
    json.writeStringField("representative", group.representative());
    json.writeNumberField("size", group.size());
    json.writeStringField("relation", group.relation().name());
    json.writeArrayFieldStart("members");
    for (String member : group.members()) {
      json.writeString(member);
    }
    json.writeEndArray();
    json.writeFieldName("evidence");
    writePair(json, group.evidence());
    json.writeEndObject();
  }

  private static void writePair(JsonGenerator json, ArticlePair pair) throws IOException {
    json.writeStartObject();
    json.writeStringField("a", pair.a());
    json.writeStringField("b", pair.b());
    json.writeStringField("relation", pair.relation().name());
    json.writeStringField("origin", pair.origin());
    JsonFields.scores(
        json, pair.similarity(), pair.jaccard(), pair.containmentAInB(), pair.containmentBInA());
    JsonFields.passages(json, pair.passages());
    JsonFields.sharedNames(json, pair.sharedNames());
    JsonFields.semanticSimilarity(json, pair.semanticSimilarity());
    json.writeEndObject();
  }

  private static void writeSummary(JsonGenerator json, ScanSummary summary) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("found", summary.found());
    json.writeNumberField("loaded", summary.loaded());
    json.writeNumberField("skipped", summary.skipped());
    json.writeNumberField("groups", summary.groups());
    json.writeNumberField("pairs", summary.pairs());
    json.writeNumberField("copy_groups", summary.copyGroups());
    json.writeNumberField("copy_group_articles", summary.copyGroupArticles());
    json.writeEndObject();
  }
}
