package dev.retold.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.load.UnpairedSurrogates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of articles as JSON Lines lines: a row's {@code id}, {@code text}, {@code title}, {@code
 * date} and {@code url} columns (the last three optional) become the fields of a line that {@code
 * JsonLinesLoader.parseLine} reads, so a row is the article a JSON Lines file of such lines holds
 * and is skipped for the same reasons (no id, no text). Values are taken as their text (a date
 * column as {@code YYYY-MM-DD}); a null is an absent field; other columns are passed over.
 */
final class RowLines implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The columns an article is made of, in the order they are written. */
  static final List<String> FIELDS = List.of("id", "text", "title", "date", "url");

  private final String[] fields;
  private final int[] columns;
  private transient JsonFactory json;

  private RowLines(String[] fields, int[] columns) {
    this.fields = fields;
    this.columns = columns;
  }

  /**
   * The lines of rows of {@code schema}.
   *
   * @throws IllegalArgumentException unless the schema has an {@code id} and a {@code text} column
   */
  static RowLines of(StructType schema) {
    List<String> found = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (String field : FIELDS) {
      for (int i = 0; i < schema.fields().length; i++) {
        if (schema.fields()[i].name().toLowerCase(Locale.ROOT).equals(field)) {
          found.add(field);
          at.add(i);
          break;
        }
      }
    }
    if (!found.contains("id") || !found.contains("text")) {
      throw new IllegalArgumentException(
          "rows of articles need an id and a text column; these have "
              + String.join(", ", schema.fieldNames()));
    }
    return new RowLines(
        found.toArray(String[]::new), at.stream().mapToInt(Integer::intValue).toArray());
  }

  /** {@code row} as one line, without a line break. */
  byte[] line(Row row) {
    if (json == null) {
      json = new JsonFactory();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator line = json.createGenerator(out)) {
      line.writeStartObject();
      for (int i = 0; i < fields.length; i++) {
        Object value = row.isNullAt(columns[i]) ? null : row.get(columns[i]);
        if (value != null) {
          line.writeStringField(fields[i], UnpairedSurrogates.replace(value.toString()));
        }
      }
      line.writeEndObject();
    } catch (IOException impossible) { // written to memory
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }
}
