package dev.retold.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retold.bench.signers.ShingleSigners;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The suite's results as MB/s per core: a Markdown table for people, a JSON summary for tools. Rows
 * keep the order given ({@link BenchmarkSuite} puts the baseline first, then each shingle size with
 * Retold first). Each row is also given relative to Retold at the same shingle size (the baseline
 * relative to Retold's default size), so "0.25" reads "a quarter of Retold's speed".
 *
 * @param articles articles in the batch
 * @param seed the generator's seed
 * @param batchBytes UTF-8 bytes in the batch
 * @param setup one line saying how it was measured: JMH settings, JVM, processors
 * @param rows the results
 */
public record ThroughputReport(
    int articles, long seed, long batchBytes, String setup, List<ThroughputRow> rows) {
  /** Copies the rows. */
  public ThroughputReport {
    Objects.requireNonNull(setup, "setup");
    rows = List.copyOf(rows);
  }

  /** The report as Markdown: a title, two lines on the batch and the set-up, and the table. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("## Signature throughput, MB/s of UTF-8 text per core\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Batch: %,d generated articles (CorpusGenerator, seed %d), %,d bytes of UTF-8"
                + " text; MB = 10^6 bytes; one thread.%n",
            articles,
            seed,
            batchBytes));
    out.append(setup).append("\n\n");
    out.append("| signer | shingles | MB/s | ± (99.9%) | vs retold | what it computes |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    for (ThroughputRow row : rows) {
      out.append("| ")
          .append(row.signer())
          .append(" | ")
          .append(row.shingleSize() == 0 ? "-" : Integer.toString(row.shingleSize()))
          .append(" | ")
          .append(megabytes(row.megabytesPerSecond()))
          .append(" | ")
          .append(megabytes(row.megabytesPerSecondError()))
          .append(" | ")
          .append(ratio(relativeToRetold(row)))
          .append(" | ")
          .append(row.description())
          .append(" |\n");
    }
    return out.toString();
  }

  /** The report as pretty-printed JSON: the batch, the set-up, and one object per row. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("articles", articles).put("seed", seed).put("batchBytes", batchBytes);
    root.put("setup", setup);
    ArrayNode results = root.putArray("results");
    for (ThroughputRow row : rows) {
      ObjectNode result = results.addObject();
      result.put("signer", row.signer()).put("shingleSize", row.shingleSize());
      result.put("megabytesPerSecond", row.megabytesPerSecond());
      putNumberOrNull(result, "megabytesPerSecondError", row.megabytesPerSecondError());
      result.put("operationsPerSecond", row.operationsPerSecond());
      putNumberOrNull(result, "operationsPerSecondError", row.operationsPerSecondError());
      putNumberOrNull(result, "relativeToRetold", relativeToRetold(row));
      result.put("description", row.description());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /**
   * This row's MB/s over Retold's at the same shingle size (at Retold's default for the baseline);
   * {@code NaN} if Retold was not measured there.
   */
  double relativeToRetold(ThroughputRow row) {
    int size = row.shingleSize() == 0 ? ShingleSigners.RETOLD_SHINGLE_SIZE : row.shingleSize();
    for (ThroughputRow candidate : rows) {
      if (candidate.signer().equals(ShingleSigners.RETOLD) && candidate.shingleSize() == size) {
        return row.megabytesPerSecond() / candidate.megabytesPerSecond();
      }
    }
    return Double.NaN;
  }

  private static void putNumberOrNull(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /** Two decimals below 10 MB/s, one above; "-" for none. */
  private static String megabytes(double value) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }

  private static String ratio(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "-";
  }
}
