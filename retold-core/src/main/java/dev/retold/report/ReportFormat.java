package dev.retold.report;

import dev.retold.Comparison;
import dev.retold.Retold;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import dev.retold.StoryIndex;
import dev.retold.evaluate.Evaluation;
import dev.retold.load.ArticleFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    write(result, scanWriter(EvidenceTexts.NONE), out);
  }

  /**
   * Writes a scan's result as {@link #write(ScanResult, Writer)} does; the HTML page also shows the
   * two texts of each pair it shows side by side, as they stand in their files, the shared passages
   * marked and what the loader took out greyed. The texts are read again from {@code scanned}, the
   * folder or JSON Lines file the result is of (WARC records are shown without them); a file that
   * is gone or has changed since the scan is shown without its text. Other formats write the same
   * as without it.
   *
   * @throws IOException if writing fails, or {@code scanned} can no longer be read
   */
  public void write(ScanResult result, Path scanned, Writer out) throws IOException {
    Objects.requireNonNull(scanned, "scanned");
    write(result, scanWriter(ids -> ArticleFiles.sources(scanned, ids, REREAD)), out);
  }

  private static void write(ScanResult result, ReportWriter writer, Writer out) throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    writer.write(result, safe);
    safe.finish();
  }

  /**
   * Writes comparisons, in the order given: in text, each pair's relation, scores and longest
   * passages; in JSON, one object a line.
   *
   * <p>in HTML, one page with each pair's scores and every shared passage.
   *
   * @throws IllegalArgumentException for {@link #CSV}
   */
  public void writeComparisons(List<Comparison> comparisons, Writer out) throws IOException {
    writeComparisons(comparisons, EvidenceTexts.NONE, out);
  }

  /**
   * Writes comparisons as {@link #writeComparisons(List, Writer)} does; the HTML page also shows
   * each pair's texts side by side, the files read again from the paths the ids are (relative to
   * the current folder), as {@link Retold#compareFiles} names them.
   */
  public void writeComparisons(List<Comparison> comparisons, boolean filesById, Writer out)
      throws IOException {
    writeComparisons(
        comparisons,
        filesById ? ids -> ArticleFiles.sourcesOfFiles(ids, REREAD) : EvidenceTexts.NONE,
        out);
  }

  private void writeComparisons(List<Comparison> comparisons, EvidenceTexts texts, Writer out)
      throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    switch (this) {
      case TEXT -> ComparisonText.write(comparisons, safe);
      case JSON -> ComparisonJson.write(comparisons, safe);
      case HTML -> ComparisonHtml.write(comparisons, texts, safe);
      case CSV ->
          throw new IllegalArgumentException("comparisons are written as text, JSON or HTML");
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

  /**
   * Writes what a {@link StoryIndex#add} did: each article's story and relation, whether it started
   * the story or was already held unchanged, and the skipped files.
   *
   * @throws IllegalArgumentException for {@link #CSV} and {@link #HTML}
   */
  public void writeIndexUpdate(StoryIndex.Update update, Writer out) throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    switch (this) {
      case TEXT -> IndexOutput.addedText(update, safe);
      case JSON -> IndexOutput.addedJson(update, safe);
      case CSV, HTML ->
          throw new IllegalArgumentException("index updates are written as text or JSON");
    }
    safe.finish();
  }

  /**
   * Writes what {@link StoryIndex#query} found for each path, in the map's order: its story, or
   * none.
   *
   * @throws IllegalArgumentException for {@link #CSV} and {@link #HTML}
   */
  public void writeIndexMatches(Map<String, Optional<StoryIndex.Match>> matches, Writer out)
      throws IOException {
    UntrustedText.SurrogateSafeWriter safe = UntrustedText.surrogatesReplaced(out);
    switch (this) {
      case TEXT -> IndexOutput.matchesText(matches, safe);
      case JSON -> IndexOutput.matchesJson(matches, safe);
      case CSV, HTML ->
          throw new IllegalArgumentException("index matches are written as text or JSON");
    }
    safe.finish();
  }

  /**
   * The settings texts are read again with: no size limit, since only files the scan read are read
   * again, and each is checked against what the scan made of it.
   */
  private static final RetoldSettings REREAD =
      Retold.builder().maxFileBytes(Integer.MAX_VALUE - 8).threads(1).build().settings();

  private ReportWriter scanWriter(EvidenceTexts texts) {
    return switch (this) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case CSV -> new CsvReport();
      case HTML -> new HtmlReport(texts);
    };
  }
}
