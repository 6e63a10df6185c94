package dev.retold.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip file's content, decompressed once into a temporary file, so that a source over it can read
 * any part again by its offset in the decompressed stream without inflating from the start.
 *
 * <p>Why a copy: a deflate stream cannot be entered in the middle, and the usual {@code gzip
 * news.jsonl} makes one member of the whole file, so reading a line again by its offset means
 * inflating everything before it. Measured on 200 MB of JSON Lines (57,000 articles; 29 MB
 * compressed) on this project's 2-core machine: inflating it all takes 0.35 s, so reading again a
 * few thousand articles of a scan's pairs would take minutes to hours; inflating it once into a
 * copy takes 0.6 s, after which each line is read again by one positioned read. The price is disk:
 * the decompressed size, in {@code java.io.tmpdir}, until the source is closed.
 *
 * <p>Memory stays bounded (a 64 KiB buffer). A file that is not gzip, or is damaged, keeps what was
 * decompressed before the damage; {@link #problem()} says what went wrong, for the source to list.
 *
 * @param copy the temporary file holding the decompressed bytes; the caller deletes it
 * @param bytes how many bytes were decompressed
 * @param problem {@code null}, or why decompression stopped early ({@code "corrupt gzip: ..."})
 */
record GzipCopy(Path copy, long bytes, String problem) {

  /**
   * Decompresses {@code file} into a new temporary file.
   *
   * @throws IOException if {@code file} cannot be read or the copy cannot be written
   */
  static GzipCopy of(Path file) throws IOException {
    Path copy = Files.createTempFile("retold-", ".decompressed");
    long written = 0;
    String problem = null;
    byte[] buffer = new byte[1 << 16];
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        OutputStream out = Files.newOutputStream(copy)) {
      try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          written += read;
        }
      } catch (EOFException truncated) {
        problem = "corrupt gzip: cut short";
      } catch (ZipException corrupt) {
        problem = "corrupt gzip: " + corrupt.getMessage();
      }
    } catch (IOException | RuntimeException failed) {
      Files.deleteIfExists(copy);
      throw failed;
    }
    if (problem != null) {
      problem += " after " + written + " bytes of content";
    }
    return new GzipCopy(copy, written, problem);
  }
}
