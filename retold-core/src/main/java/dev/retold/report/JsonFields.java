package dev.retold.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.Passage;
import java.io.IOException;
import java.util.List;

/** The JSON fields a scan's pairs and a comparison share, written the same way in both. */
final class JsonFields {
  private JsonFields() {}

  /**
   * {@code similarity}, {@code jaccard}, {@code containment_a_in_b}, {@code containment_b_in_a}.
   */
  static void scores(
      JsonGenerator json, double similarity, double jaccard, double aInB, double bInA)
      throws IOException {
    json.writeNumberField("similarity", ScoreFormat.round(similarity));
    json.writeNumberField("jaccard", ScoreFormat.round(jaccard));
    json.writeNumberField("containment_a_in_b", ScoreFormat.round(aInB));
    json.writeNumberField("containment_b_in_a", ScoreFormat.round(bInA));
  }

  /** {@code passages}: an array of {@code words}, {@code a_start}... {@code text} objects. */
  static void passages(JsonGenerator json, List<Passage> passages) throws IOException {
    json.writeArrayFieldStart("passages");
    for (Passage passage : passages) {
      json.writeStartObject();
      json.writeNumberField("words", passage.words());
      json.writeNumberField("a_start", passage.startA());
      json.writeNumberField("a_end", passage.endA());
      json.writeNumberField("b_start", passage.startB());
      json.writeNumberField("b_end", passage.endB());
      json.writeStringField("text", passage.text());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** {@code semantic_similarity}, when there is one (the scan had the semantic signal). */
  static void semanticSimilarity(JsonGenerator json, double semantic) throws IOException {
    if (!Double.isNaN(semantic)) {
      json.writeNumberField("semantic_similarity", ScoreFormat.round(semantic));
    }
  }

  /** {@code shared_names}: the names and numbers both articles use, as strings. */
  static void sharedNames(JsonGenerator json, List<String> names) throws IOException {
    json.writeArrayFieldStart("shared_names");
    for (String name : names) {
      json.writeString(name);
    }
    json.writeEndArray();
  }
}
