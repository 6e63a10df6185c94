package dev.retold.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into lines without copying it, keeping where each line break is, so that a body
 * made of kept lines can be mapped back to the source exactly.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}. Text that ends with a line break
 * has no empty last line.
 */
final class SourceLines {
  private SourceLines() {}

  /**
   * One line of a source text.
   *
   * @param start offset of the line's first character
   * @param end offset just past its content (before the line break)
   * @param next offset just past its line break: the next line's start, or the text's length
   */
  record Line(int start, int end, int next) {
    Line {
      if (start < 0 || end < start || next < end) {
        throw new IllegalArgumentException(
            "need 0 <= start <= end <= next: " + start + ", " + end + ", " + next);
      }
    }
  }

  /** The lines of {@code text}, in order; an empty text has none. */
  static List<Line> split(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int length = text.length();
    boolean newlinesOnly = text.indexOf('\r') < 0; // then String.indexOf finds each break
    while (start < length) {
      int end;
      if (newlinesOnly) {
        end = text.indexOf('\n', start);
        end = end < 0 ? length : end;
      } else {
        end = start;
        while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
      }
      int next = end;
      if (next < length) {
        next +=
            text.charAt(next) == '\r' && next + 1 < length && text.charAt(next + 1) == '\n' ? 2 : 1;
      }
      lines.add(new Line(start, end, next));
      start = next;
    }
    return lines;
  }
}
