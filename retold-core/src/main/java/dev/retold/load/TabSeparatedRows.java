package dev.retold.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;

/**
 * Reads tab-separated UTF-8 text row by row with Jackson's CSV parser (a tab separator, RFC 4180
 * quoting, blank lines skipped, fields trimmed), telling each row's line. Problems come out as
 * {@link TableFormatException}s naming the source and the line; a byte order mark is dropped.
 */
public final class TabSeparatedRows {
  private static final ObjectReader ROWS =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .build()
          .readerFor(String[].class)
          .with(CsvSchema.emptySchema().withColumnSeparator('\t').withQuoteChar('"'));

  private TabSeparatedRows() {}

  /** Told each row in order. */
  @FunctionalInterface
  public interface RowConsumer {
    /**
     * One row.
     *
     * @param line the row's 1-based line
     * @param fields its fields, never null
     * @throws TableFormatException if the row breaks a rule of the caller's format
     */
    void accept(int line, String[] fields) throws TableFormatException;
  }

  /**
   * Reads every row of {@code in}.
   *
   * @param in the text, read to the end but not closed
   * @param source the name problems give the text, e.g. its file name
   * @throws TableFormatException if the text is not UTF-8, is malformed, or a row is refused
   * @throws IOException if reading fails
   */
  public static void read(Reader in, String source, RowConsumer consumer) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    boolean first = true;
    try (MappingIterator<String[]> rows = ROWS.readValues(in)) {
      while (rows.hasNextValue()) {
        String[] row = rows.nextValue();
        int line = rows.getParser().currentTokenLocation().getLineNr();
        if (first && row.length > 0 && row[0].startsWith("\uFEFF")) {
          row[0] = row[0].substring(1).strip();
        }
        first = false;
        consumer.accept(line, row);
      }
    } catch (CharacterCodingException notText) {
      throw new TableFormatException(source, 0, "not UTF-8 text");
    } catch (JsonProcessingException malformed) {
      JsonLocation where = malformed.getLocation();
      throw new TableFormatException(
          source,
          where == null ? 0 : Math.max(0, where.getLineNr()),
          malformed.getOriginalMessage());
    }
  }
}
