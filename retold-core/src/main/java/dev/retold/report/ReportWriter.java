package dev.retold.report;

import dev.retold.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a scan result in one format. Output is deterministic: the same result always gives the
 * same characters, numbers rounded to four decimals. Implementations are stateless and thread-safe;
 * the writer is flushed, not closed.
 */
interface ReportWriter {
  /** Writes {@code result} to {@code out}. */
  void write(ScanResult result, Writer out) throws IOException;
}
