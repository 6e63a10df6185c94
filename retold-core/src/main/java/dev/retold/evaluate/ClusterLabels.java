package dev.retold.evaluate;

import dev.retold.load.TabSeparatedRows;
import dev.retold.load.TableFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a labels file: the gold clustering that {@link ClusteringScores} compares Retold's stories
 * with.
 *
 * <p>The format is tab-separated UTF-8 text, one labelled file a line: {@code file<TAB>cluster},
 * where {@code file} is the article's path relative to the scanned folder, with {@code /}, and
 * {@code cluster} any non-empty name shared by the files that tell the same story. The rules:
 *
 * <ul>
 *   <li>Columns after the second are ignored, so a file can carry notes (topic, source...).
 *   <li>Blank lines are ignored, and so are spaces around a field.
 *   <li>The first non-blank line is a header, and skipped, when its first field is {@code file} or
 *       {@code path} (in any case).
 *   <li>Fields may be quoted with {@code "}, as in CSV, to hold a tab or a quote ({@code ""}).
 *   <li>A line with fewer than two fields, or an empty file or cluster, is an error, and so is a
 *       file labelled twice (even with the same cluster) and a file with no labels at all.
 * </ul>
 *
 * <p>Errors are {@link TableFormatException}s whose message names the file and the line, e.g.
 * {@code "labels.tsv line 7: expected file<TAB>cluster"}.
 */
public final class ClusterLabels {
  private ClusterLabels() {}

  /**
   * Reads the labels in {@code file}.
   *
   * @return file to cluster, unmodifiable, in the order of the file
   * @throws TableFormatException if the file is not UTF-8 or breaks a rule of the format
   * @throws IOException if the file cannot be read
   */
  public static Map<String, String> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads labels from text the caller already has.
   *
   * @param in the labels, read to the end but not closed
   * @param source the name errors give the text, e.g. its file name
   * @return file to cluster, unmodifiable, in the order of the text
   * @throws TableFormatException if the text breaks a rule of the format
   * @throws IOException if reading {@code in} fails
   */
  public static Map<String, String> read(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    boolean[] firstRow = {true};
    TabSeparatedRows.read(
        in,
        source,
        (line, row) -> {
          boolean header = firstRow[0] && row.length > 0 && isHeader(row[0]);
          firstRow[0] = false;
          if (header) {
            return;
          }
          if (row.length < 2 || row[0].isEmpty() || row[1].isEmpty()) {
            throw new TableFormatException(source, line, "expected file<TAB>cluster");
          }
          Integer earlier = firstLine.putIfAbsent(row[0], line);
          if (earlier != null) {
            throw new TableFormatException(
                source,
                line,
                "duplicate file " + row[0] + " (first labelled on line " + earlier + ")");
          }
          labels.put(row[0], row[1]);
        });
    if (labels.isEmpty()) {
      throw new TableFormatException(source, 0, "no labels");
    }
    return Collections.unmodifiableMap(labels);
  }

  private static boolean isHeader(String firstField) {
    return firstField.equalsIgnoreCase("file") || firstField.equalsIgnoreCase("path");
  }
}
