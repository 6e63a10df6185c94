package dev.retold.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the reports do to text that comes from the articles (titles, file names, skip reasons that
 * quote them), so that a hostile file cannot take over the reader of a report.
 *
 * <ul>
 *   <li>{@link #visible}: in the text report, control characters are written as escapes a person
 *       can see: ESC (which starts terminal escape sequences: colours, cursor moves, window titles)
 *       as {@code \x1B}, every other C0 control but tab (line breaks included: each of these fields
 *       is one line, and a line break in a title could forge a line of the report), DEL and the C1
 *       controls likewise ({@code \x9B}), and the bidirectional overrides and isolates, which
 *       reorder what a terminal shows, as a backslash, {@code u} and four hex digits. Other text,
 *       backslashes included, is left as it is.
 *   <li>{@link #spreadsheetCell}: in the CSV report, a cell that starts with {@code =}, {@code +},
 *       {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would take for a
 *       formula, gets a leading {@code '} (as OWASP advises against CSV injection); a program
 *       reading the CSV sees that quote.
 *   <li>{@link #surrogatesReplaced}: every format's output has each unpaired surrogate (a char no
 *       encoder can write, from an article a library user made) replaced with U+FFFD on its way
 *       out, so a report can always be written to a file.
 * </ul>
 */
final class UntrustedText {
  private UntrustedText() {}

  /** {@code text} with control characters escaped visibly; {@code null} stays {@code null}. */
  static String visible(String text) {
    return visible(text, false);
  }

  /** {@link #visible}, line feeds and carriage returns kept: for a text shown as it stands. */
  static String visibleLines(String text) {
    return visible(text, true);
  }

  private static String visible(String text, boolean keepLineBreaks) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = keepLineBreaks && (c == '\n' || c == '\r') ? null : escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
      return String.format("\\x%02X", (int) c);
    }
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      return String.format("\\u%04X", (int) c);
    }
    return null;
  }

  /** {@code cell} with a leading {@code '} if a spreadsheet would read it as a formula. */
  static String spreadsheetCell(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  /**
   * A writer that passes everything to {@code out} but unpaired surrogates, which become U+FFFD.
   * Call {@link SurrogateSafeWriter#finish()} after the last write: a high surrogate at the very
   * end waits there for a low one.
   */
  static SurrogateSafeWriter surrogatesReplaced(Writer out) {
    return new SurrogateSafeWriter(out);
  }

  /** See {@link #surrogatesReplaced}. Not thread-safe; flushing and closing pass through. */
  static final class SurrogateSafeWriter extends FilterWriter {
    private char pendingHigh;

    private SurrogateSafeWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      char ch = (char) c;
      if (pendingHigh != 0) {
        char high = pendingHigh;
        pendingHigh = 0;
        if (Character.isLowSurrogate(ch)) {
          out.write(high);
          out.write(ch);
          return;
        }
        out.write('\uFFFD');
      }
      if (Character.isHighSurrogate(ch)) {
        pendingHigh = ch;
      } else {
        out.write(Character.isLowSurrogate(ch) ? '\uFFFD' : ch);
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      int from = offset;
      int end = offset + length;
      for (int i = offset; i < end; i++) {
        char c = chars[i];
        if (pendingHigh != 0 || Character.isSurrogate(c)) {
          out.write(chars, from, i - from);
          write(c);
          from = i + 1;
        }
      }
      out.write(chars, from, end - from);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      char[] chars = new char[length];
      text.getChars(offset, offset + length, chars, 0);
      write(chars, 0, length);
    }

    /** Writes out a high surrogate still waiting for its pair, as U+FFFD, and flushes. */
    void finish() throws IOException {
      if (pendingHigh != 0) {
        pendingHigh = 0;
        out.write('\uFFFD');
      }
      out.flush();
    }

    @Override
    public void close() throws IOException {
      finish();
      super.close();
    }
  }
}
