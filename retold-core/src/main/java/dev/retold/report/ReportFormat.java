package dev.retold.report;

/** The formats a scan can be reported in. */
public enum ReportFormat {
  /** Readable text for a terminal: stories, skipped files, one summary line. */
  TEXT,
  /** One JSON document with articles, stories, pairs, skipped files and the summary. */
  JSON,
  /** One CSV row per file found: loaded articles with their story, and skipped files. */
  CSV;

  /** The writer for this format. */
  public ReportWriter writer() {
    return switch (this) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case CSV -> new CsvReport();
    };
  }
}
