package dev.retold.load;

import dev.retold.IdPair;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a pairs file: tab-separated UTF-8, {@code A<TAB>B} a line, blank lines ignored, for {@code
 * retold compare --pairs}. Problems are {@link TableFormatException}s naming the line.
 */
public final class PairsFile {
  private PairsFile() {}

  /**
   * The pairs {@code file} lists, in its order.
   *
   * @throws TableFormatException if a line is not two different non-empty fields, or there is none
   * @throws IOException if the file cannot be read
   */
  public static List<IdPair> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    List<IdPair> pairs = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TabSeparatedRows.read(
          in,
          source,
          (line, row) -> {
            if (row.length != 2 || row[0].isEmpty() || row[1].isEmpty()) {
              throw new TableFormatException(source, line, "expected A<TAB>B");
            }
            if (row[0].equals(row[1])) {
              throw new TableFormatException(source, line, "a file paired with itself: " + row[0]);
            }
            pairs.add(new IdPair(row[0], row[1]));
          });
    }
    if (pairs.isEmpty()) {
      throw new TableFormatException(source, 0, "no pairs");
    }
    return List.copyOf(pairs);
  }
}
