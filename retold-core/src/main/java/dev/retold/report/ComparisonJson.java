package dev.retold.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.Comparison;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Comparisons as JSON Lines: one compact object a line with {@code a}, {@code b}, {@code relation}
 * ({@code UNRELATED} when none holds), {@code similarity}, {@code jaccard}, {@code
 * containment_a_in_b}, {@code containment_b_in_a} and {@code passages}, the same fields and
 * rounding as a scan's JSON pairs.
 */
final class ComparisonJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ComparisonJson() {}

  /** Writes each comparison on a line of its own. */
  static void write(List<Comparison> comparisons, Writer out) throws IOException {
    for (Comparison comparison : comparisons) {
      JsonGenerator json = FACTORY.createGenerator(out);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("a", comparison.a());
      json.writeStringField("b", comparison.b());
      json.writeStringField("relation", comparison.relationName());
      JsonFields.scores(
          json,
          comparison.similarity(),
          comparison.jaccard(),
          comparison.containmentAInB(),
          comparison.containmentBInA());
      JsonFields.passages(json, comparison.passages());
      JsonFields.sharedNames(json, comparison.sharedNames());
      JsonFields.semanticSimilarity(json, comparison.semanticSimilarity());
      json.writeEndObject();
      json.flush();
      out.write("\n");
    }
    out.flush();
  }
}
