package dev.retold.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a {@code \r} before it dropped), keeping each
 * line's number and byte offset so it can be read again from the file. A line longer than the limit
 * is not buffered: it is skipped to its end and reported as too long, with its length. Not
 * thread-safe.
 */
final class LineReader {
  private final InputStream in;
  private final long maxBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[8192];
  private int size;
  private long length;
  private long offset;
  private long nextOffset;
  private int number;

  LineReader(InputStream in, long maxBytes) {
    this(in, maxBytes, 0, 0);
  }

  /**
   * Lines of a stream that starts at byte {@code offset} of a file, after {@code linesBefore}
   * lines: offsets and numbers are then the file's.
   */
  LineReader(InputStream in, long maxBytes, long offset, int linesBefore) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.nextOffset = offset;
    this.number = linesBefore;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    size = 0;
    length = 0;
    offset = nextOffset;
    if (position == limit && !fill()) {
      return false;
    }
    number++;
    while (true) {
      int from = position;
      int end = from;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      keep(from, end);
      nextOffset += end - from;
      if (end < limit) { // found the line break
        position = end + 1;
        nextOffset++;
        break;
      }
      position = limit;
      if (!fill()) {
        break;
      }
    }
    if (length == size && size > 0 && line[size - 1] == '\r') { // every byte kept: a \r ends it
      size--;
      length--;
    }
    return true;
  }

  /** Keeps {@code buffer[from, end)} as the line's next bytes, up to one byte past the limit. */
  private void keep(int from, int end) {
    int count = end - from;
    long room = maxBytes + 1 - size; // one byte past the limit, to tell a trailing \r apart
    int kept = (int) Math.min(count, Math.max(0, room));
    if (size + kept > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxBytes + 1, Math.max(size + kept, size * 2L)));
    }
    System.arraycopy(buffer, from, line, size, kept);
    size += kept;
    length += count;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  /** The line's number, from 1. */
  int number() {
    return number;
  }

  /** Where the line starts in the stream, in bytes. */
  long offset() {
    return offset;
  }

  /** The line's length in bytes, without its line break. */
  long length() {
    return length;
  }

  /** Whether the line is longer than the limit (its bytes are then not kept). */
  boolean tooLong() {
    return length > maxBytes;
  }

  /** Whether the line holds only spaces, tabs and other ASCII white space. */
  boolean blank() {
    if (tooLong()) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      byte c = line[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /** The line's bytes. */
  byte[] copy() {
    return Arrays.copyOf(line, size);
  }
}
