package dev.retold.report;

import dev.retold.Comparison;
import dev.retold.ScanResult;
import dev.retold.evaluate.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The formats Retold reports in, and the writers of each: a scan's result, comparisons of pairs,
 * and evaluations against labels. Output is deterministic: the same input always gives the same
 * characters, every score rounded the same way (half-even, four decimals) in every format. The
 * writer is flushed, not closed. Text from the articles is made safe to show (see {@code
 * UntrustedText}): control characters escaped in text, formula-like CSV cells quoted, unpaired
 * surrogates replaced with U+FFFD in every format. Stateless and thread-safe.
 */
public enum ReportFormat {
  /** Readable text for a terminal. */
  TEXT,
  /** JSON for programs: one document for a scan or an evaluation, JSON Lines for comparisons. */
  JSON,
  /** One CSV row per file found, for spreadsheets; for scans only. */
  CSV,
  /** One self-contained HTML page to open in a browser, the evidence shown; for scans only. */
  HTML;

  /**
   * Writes a scan's result: in text, each story with its members, the skipped files and a summary
   * line; in JSON, the {@code retold-scan/2} document the README describes; in CSV, one row per
   * file found; in HTML, a page with the stories, their members, drawings of their links and the
   * shared passages, the skipped files and the removed lines.
   */
  public void write(ScanResult result, Writer out) throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    scanWriter().write(result, safe);
    safe.finish();
  }

  /**
   * Writes comparisons, in the order given: in text, each pair's relation, scores and longest
   * passages; in JSON, one object a line.
   *
   * @throws IllegalArgumentException for {@link #CSV} and {@link #HTML}
   */
  public void writeComparisons(List<Comparison> comparisons, Writer out) throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    switch (this) {
      case TEXT -> ComparisonText.write(comparisons, safe);
      case JSON -> ComparisonJson.write(comparisons, safe);
      case CSV, HTML ->
          throw new IllegalArgumentException("comparisons are written as text or JSON");
    }
    safe.finish();
  }

  /**
   * Writes evaluations: one (with a {@code null} story threshold) for a plain scan, or a sweep's,
   * one per threshold, the best marked.
   *
   * @throws IllegalArgumentException for {@link #CSV} and {@link #HTML}, or when there is no
   *     evaluation
   */
  public void writeEvaluations(List<Evaluation> evaluations, Writer out) throws IOException {
    if (evaluations.isEmpty()) {
      throw new IllegalArgumentException("no evaluations to write");
    }
    switch (this) {
      case TEXT -> EvaluationText.write(evaluations, out);
      case JSON -> EvaluationJson.write(evaluations, out);
      case CSV, HTML ->
          throw new IllegalArgumentException("evaluations are written as text or JSON");
    }
  }

  private ReportWriter scanWriter() {
    return switch (this) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case CSV -> new CsvReport();
      case HTML -> new HtmlReport();
    };
  }
}
