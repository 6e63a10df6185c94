package dev.retold.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.SkippedFile;
import dev.retold.StoryIndex;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * What a story index's {@code add} and {@code query} answer, as text (one line an article) or as
 * one JSON document: {@code format}, then {@code articles} ({@code path}, {@code story}, {@code
 * relation}, {@code new_story}, {@code unchanged}), {@code skipped} and {@code expired}, or {@code
 * matches} ({@code path}, {@code story}, {@code canonical}, {@code relation}, {@code similarity};
 * {@code null}s for a file that matches no story).
 */
final class IndexOutput {
  /** The layout's name and version, written as each document's first field. */
  static final String FORMAT = "retold-index/1";

  private IndexOutput() {}

  static void addedText(StoryIndex.Update update, Writer out) throws IOException {
    int newStories = 0;
    int unchanged = 0;
    for (StoryIndex.Added added : update.articles()) {
      String note = added.unchanged() ? "  unchanged" : added.newStory() ? "  new story" : "";
      out.write(
          UntrustedText.visible(added.id())
              + "  "
              + added.story()
              + "  "
              + added.relationName()
              + note
              + "\n");
      newStories += added.newStory() ? 1 : 0;
      unchanged += added.unchanged() ? 1 : 0;
    }
    for (SkippedFile skipped : update.skipped()) {
      out.write(
          "skipped  "
              + UntrustedText.visible(skipped.path())
              + ": "
              + UntrustedText.visible(skipped.reason())
              + "\n");
    }
    for (String expired : update.expired()) {
      out.write("expired  " + UntrustedText.visible(expired) + "\n");
    }
    int articles = update.articles().size();
    out.write(
        articles
            + " article"
            + HtmlReport.plural(articles)
            + " read: "
            + (articles - unchanged)
            + " added or changed, "
            + unchanged
            + " unchanged, "
            + update.skipped().size()
            + " skipped; articles in a new story: "
            + newStories
            + (update.expired().isEmpty()
                ? ""
                : "; " + update.expired().size() + " left the index, past the retention window")
            + ".\n");
    out.flush();
  }

  static void addedJson(StoryIndex.Update update, Writer out) throws IOException {
    JsonGenerator json = JsonReport.prettyGenerator(out);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeArrayFieldStart("articles");
    for (StoryIndex.Added added : update.articles()) {
      json.writeStartObject();
      json.writeStringField("path", added.id());
      json.writeStringField("story", added.story());
      json.writeStringField("relation", added.relationName());
      json.writeBooleanField("new_story", added.newStory());
      json.writeBooleanField("unchanged", added.unchanged());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skipped");
    for (SkippedFile skipped : update.skipped()) {
      json.writeStartObject();
      json.writeStringField("path", skipped.path());
      json.writeStringField("reason", skipped.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("expired");
    for (String expired : update.expired()) {
      json.writeString(expired);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write("\n");
    out.flush();
  }

  static void matchesText(Map<String, Optional<StoryIndex.Match>> matches, Writer out)
      throws IOException {
    for (Map.Entry<String, Optional<StoryIndex.Match>> entry : matches.entrySet()) {
      String path = UntrustedText.visible(entry.getKey());
      if (entry.getValue().isEmpty()) {
        out.write(path + "  no story\n");
        continue;
      }
      StoryIndex.Match match = entry.getValue().get();
      out.write(
          path
              + "  "
              + match.story()
              + "  "
              + match.relationName()
              + "  canonical "
              + UntrustedText.visible(match.canonical())
              + "  similarity "
              + ScoreFormat.text(match.similarity())
              + "\n");
    }
    out.flush();
  }

  static void matchesJson(Map<String, Optional<StoryIndex.Match>> matches, Writer out)
      throws IOException {
    JsonGenerator json = JsonReport.prettyGenerator(out);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeArrayFieldStart("matches");
    for (Map.Entry<String, Optional<StoryIndex.Match>> entry : matches.entrySet()) {
      Optional<StoryIndex.Match> match = entry.getValue();
      json.writeStartObject();
      json.writeStringField("path", entry.getKey());
      json.writeStringField("story", match.map(StoryIndex.Match::story).orElse(null));
      json.writeStringField("canonical", match.map(StoryIndex.Match::canonical).orElse(null));
      json.writeStringField("relation", match.map(StoryIndex.Match::relationName).orElse(null));
      if (match.isPresent()) {
        json.writeNumberField("similarity", ScoreFormat.round(match.get().similarity()));
      } else {
        json.writeNullField("similarity");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write("\n");
    out.flush();
  }
}
