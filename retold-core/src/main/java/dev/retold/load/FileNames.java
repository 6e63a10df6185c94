package dev.retold.load;

import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file's name as an article id: faithful to its bytes, so that two files never share an id.
 *
 * <p>The JVM decodes file names with the platform's encoding ({@code sun.jnu.encoding}), and bytes
 * that do not decode become U+FFFD: under a UTF-8 locale the names {@code \xFF.txt} and {@code
 * \xFE.txt} both read {@code �.txt}, and under the POSIX locale (ASCII) so do {@code café.txt} and
 * {@code cafè.txt}. A name that the platform decodes faithfully (it encodes back to the same path)
 * is kept as it is. Any other name is read from its bytes, which the path's URI spells exactly, as
 * UTF-8, each byte that is not UTF-8 written {@code \xFF}: {@code café.txt} in any locale, and
 * {@code \xFF.txt} for the byte 0xFF. The caller still makes sure two names of one folder differ (a
 * file may really be named {@code \xFF.txt}).
 */
final class FileNames {
  private FileNames() {}

  /** Whether the platform decoded {@code child}'s name faithfully. */
  static boolean faithful(Path child) {
    Path name = child.getFileName();
    if (name == null) {
      return true;
    }
    try {
      return name.getFileSystem().getPath(name.toString()).equals(name);
    } catch (InvalidPathException lossy) {
      return false; // the decoded name does not even encode back
    }
  }

  /** {@code child}'s name: the platform's if faithful, else read from its bytes. */
  static String of(Path child) {
    String decoded = child.getFileName().toString();
    if (faithful(child)) {
      return decoded;
    }
    byte[] bytes = rawName(child);
    return bytes == null ? decoded : utf8WithEscapes(bytes);
  }

  /**
   * The bytes of {@code child}'s name, from its URI; {@code null} where that does not tell them.
   */
  private static byte[] rawName(Path child) {
    String path;
    try {
      URI uri = child.toUri();
      path = uri.getRawPath();
    } catch (RuntimeException | IOError unknown) {
      return null;
    }
    if (path == null) {
      return null;
    }
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1); // a folder's URI ends with a slash
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      if (c == '%') {
        if (i + 2 >= last.length()) {
          return null;
        }
        int value =
            Character.digit(last.charAt(i + 1), 16) << 4 | Character.digit(last.charAt(i + 2), 16);
        if (value < 0) {
          return null;
        }
        bytes.write(value);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return null; // the URI did not escape it: not the bytes
      }
    }
    return bytes.toByteArray();
  }

  /** {@code bytes} decoded as UTF-8, each byte that does not decode written {@code \xHH}. */
  static String utf8WithEscapes(byte[] bytes) {
    CharsetDecoder decoder = TextDecoder.strictDecoder(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      for (int i = 0; i < result.length(); i++) {
        out.put(String.format("\\x%02X", in.get() & 0xFF));
      }
    }
    out.flip();
    return out.toString();
  }
}
