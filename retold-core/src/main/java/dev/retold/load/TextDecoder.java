package dev.retold.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into text, or says why they are not text.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>No bytes: rejected as {@code "empty file"}.
 *   <li>Bytes that open with the signature of a known binary format (PDF, Office and ZIP files,
 *       images, audio and video, archives: {@link FileSignatures}) are rejected as {@code
 *       "unsupported format: PDF"}.
 *   <li>A byte order mark (UTF-32 LE/BE, UTF-8, UTF-16 LE/BE, checked in that order) fixes the
 *       encoding; the bytes after it must decode strictly, and the mark is not part of the text.
 *   <li>Without a mark, a NUL byte means binary: {@code "binary (NUL byte at offset N)"}. (UTF-16
 *       without a mark is therefore rejected as binary; it is rare and cannot be told from binary
 *       data reliably.)
 *   <li>UTF-8, if every byte decodes.
 *   <li>UTF-8 with each invalid sequence replaced by U+FFFD, if the bytes are mostly UTF-8: they
 *       hold at least one valid multi-byte sequence (the evidence that the file is UTF-8 at all)
 *       and the invalid bytes are few: at most {@value #MAX_INVALID_UTF8_BYTES} in all, or at most
 *       one per {@value #BYTES_PER_INVALID_UTF8_BYTE} bytes, or at most one invalid sequence per
 *       {@value #VALID_PER_INVALID_SEQUENCE} valid multi-byte ones. The encoding is then reported
 *       as {@code "UTF-8 (3 invalid bytes replaced)"}. So one stray byte in a UTF-8 file costs one
 *       character, not the whole file's accents; a Windows-1252 file, whose accented letters are
 *       single high bytes that almost never form a valid UTF-8 sequence, takes the next rule.
 *   <li>Otherwise Windows-1252, a superset of printable Latin-1 that cannot fail (its five
 *       undefined bytes decode to the C1 control characters of the same value), unless more than
 *       {@value #MAX_HIGH_BYTE_PERCENT}% of the bytes are above 0x7F: real single-byte text is
 *       mostly ASCII, so that is refused as {@code "not UTF-8 at byte N and not a single-byte text
 *       (...)"}.
 *   <li>Decoded text with more than {@value #MAX_CONTROL_PERCENT}% control characters (other than
 *       tab, line feed, carriage return and form feed) is binary; text that is only whitespace is
 *       {@code "no text"}.
 * </ol>
 *
 * <p>Size limits are not checked here: callers decide how many bytes they are willing to read.
 * Stateless and thread-safe.
 */
public final class TextDecoder {
  /** Share of bytes above 0x7F beyond which undecodable bytes are not taken as single-byte text. */
  static final int MAX_HIGH_BYTE_PERCENT = 30;

  /** Invalid bytes a mostly-UTF-8 text may hold in all and still decode as UTF-8. */
  static final int MAX_INVALID_UTF8_BYTES = 8;

  /** Bytes per invalid byte from which a mostly-UTF-8 text decodes as UTF-8, however long. */
  static final int BYTES_PER_INVALID_UTF8_BYTE = 1000;

  /** Valid multi-byte sequences per invalid one from which a text decodes as UTF-8. */
  static final int VALID_PER_INVALID_SEQUENCE = 10;

  /** Share of control characters beyond which decoded text is taken as binary. */
  static final int MAX_CONTROL_PERCENT = 5;

  /** How the encoding of a text with invalid bytes replaced starts. */
  private static final String REPLACED_PREFIX = "UTF-8 (";

  private static final char[] WINDOWS_1252 = windows1252Table();

  private TextDecoder() {}

  /** Decodes {@code bytes}; never throws for any content. */
  public static DecodedText decode(byte[] bytes) {
    if (bytes.length == 0) {
      return new DecodedText.Rejected("empty file");
    }
    Optional<String> format = FileSignatures.identify(bytes);
    if (format.isPresent()) {
      return new DecodedText.Rejected("unsupported format: " + format.get());
    }
    Bom bom = Bom.of(bytes);
    if (bom != null) {
      return decodeWithBom(bytes, bom);
    }
    boolean ascii = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new DecodedText.Rejected("binary (NUL byte at offset " + i + ")");
      }
      ascii &= bytes[i] > 0;
    }
    if (ascii) { // UTF-8 as it is, decoded by a copy
      return checkText(new String(bytes, StandardCharsets.US_ASCII), "UTF-8", "");
    }
    StrictResult utf8 = decodeStrictly(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.text != null) {
      return checkText(utf8.text, "UTF-8", "");
    }
    LenientUtf8 lenient = LenientUtf8.decode(bytes);
    if (lenient.isMostlyUtf8(bytes.length)) {
      return checkText(lenient.text, lenient.encoding(), "");
    }
    long high = 0;
    for (byte b : bytes) {
      if ((b & 0x80) != 0) {
        high++;
      }
    }
    long highPercent = high * 100 / bytes.length;
    if (highPercent > MAX_HIGH_BYTE_PERCENT) {
      return new DecodedText.Rejected(
          "not UTF-8 at byte "
              + utf8.errorOffset
              + " and not a single-byte text ("
              + highPercent
              + "% of bytes above 0x7F)");
    }
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = WINDOWS_1252[bytes[i] & 0xFF];
    }
    return checkText(new String(chars), "windows-1252", "; not UTF-8 at byte " + utf8.errorOffset);
  }

  /** Whether {@code text} was decoded with invalid bytes replaced. */
  static boolean replacedBytes(DecodedText.Text text) {
    return text.encoding().startsWith(REPLACED_PREFIX);
  }

  private static DecodedText decodeWithBom(byte[] bytes, Bom bom) {
    StrictResult result = decodeStrictly(bytes, bom.length, bom.charset);
    if (result.text == null) {
      return new DecodedText.Rejected(
          "not "
              + bom.charset.name()
              + " at byte "
              + result.errorOffset
              + " despite its "
              + bom.charset.name()
              + " byte order mark");
    }
    int nul = result.text.indexOf('\0');
    if (nul >= 0) {
      return new DecodedText.Rejected("binary (NUL character at char " + nul + ")");
    }
    return checkText(result.text, bom.charset.name() + " (BOM)", "");
  }

  private static DecodedText checkText(String text, String encoding, String note) {
    long controls = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        controls++;
      }
    }
    if (controls * 100 > (long) MAX_CONTROL_PERCENT * text.length()) {
      return new DecodedText.Rejected(
          "binary (" + controls * 100 / text.length() + "% control characters" + note + ")");
    }
    if (LineShape.isBlank(text)) {
      return new DecodedText.Rejected("no text");
    }
    return new DecodedText.Text(text, encoding);
  }

  private static boolean isControl(char c) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /** A decoder of {@code charset} that reports every malformed or unmappable input. */
  static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static StrictResult decodeStrictly(byte[] bytes, int from, Charset charset) {
    CharsetDecoder decoder = strictDecoder(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new StrictResult(null, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      return new StrictResult(null, in.position());
    }
    return new StrictResult(out.flip().toString(), -1);
  }

  private static char[] windows1252Table() {
    char[] table = new char[256];
    CharsetDecoder decoder = strictDecoder(Charset.forName("windows-1252"));
    for (int b = 0; b < 256; b++) {
      try {
        table[b] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
      } catch (CharacterCodingException undefined) {
        table[b] = (char) b; // 0x81, 0x8D, 0x8F, 0x90, 0x9D: the C1 control of the same value
      }
    }
    return table;
  }

  /**
   * UTF-8 decoded with each invalid sequence (as the JDK's decoder delimits it) replaced by U+FFFD.
   *
   * @param text the text
   * @param invalidBytes how many bytes were in invalid sequences
   * @param invalidSequences how many invalid sequences were replaced
   * @param multiByte how many valid multi-byte sequences were decoded
   */
  private record LenientUtf8(String text, int invalidBytes, int invalidSequences, int multiByte) {
    static LenientUtf8 decode(byte[] bytes) {
      CharsetDecoder decoder = strictDecoder(StandardCharsets.UTF_8);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      int invalidBytes = 0;
      int invalidSequences = 0;
      int multiByte = 0;
      while (true) {
        int from = out.position();
        CoderResult result = decoder.decode(in, out, true);
        multiByte += countMultiByte(out, from);
        if (result.isError()) {
          invalidBytes += result.length();
          invalidSequences++;
          in.position(in.position() + result.length());
          out.put('\uFFFD');
        } else {
          break;
        }
      }
      decoder.flush(out);
      return new LenientUtf8(out.flip().toString(), invalidBytes, invalidSequences, multiByte);
    }

    private static int countMultiByte(CharBuffer out, int from) {
      int count = 0;
      for (int i = from; i < out.position(); i++) {
        char c = out.get(i);
        if (c >= 0x80 && !Character.isLowSurrogate(c)) {
          count++;
        }
      }
      return count;
    }

    boolean isMostlyUtf8(int length) {
      return multiByte > 0
          && (invalidBytes <= MAX_INVALID_UTF8_BYTES
              || (long) invalidBytes * BYTES_PER_INVALID_UTF8_BYTE <= length
              || (long) invalidSequences * VALID_PER_INVALID_SEQUENCE <= multiByte);
    }

    String encoding() {
      return REPLACED_PREFIX
          + invalidBytes
          + (invalidBytes == 1 ? " invalid byte" : " invalid bytes")
          + " replaced)";
    }
  }

  /** Either the text or the offset of the first byte that did not decode. */
  private record StrictResult(String text, int errorOffset) {}

  private enum Bom {
    UTF_32_LE(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00),
    UTF_32_BE(Charset.forName("UTF-32BE"), 0x00, 0x00, 0xFE, 0xFF),
    UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
    UTF_16_BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
    UTF_16_LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

    final Charset charset;
    final int length;
    private final int[] mark;

    Bom(Charset charset, int... mark) {
      this.charset = charset;
      this.mark = mark;
      this.length = mark.length;
    }

    static Bom of(byte[] bytes) {
      for (Bom bom : values()) {
        if (bom.matches(bytes)) {
          return bom;
        }
      }
      return null;
    }

    private boolean matches(byte[] bytes) {
      if (bytes.length < mark.length) {
        return false;
      }
      for (int i = 0; i < mark.length; i++) {
        if ((bytes[i] & 0xFF) != mark[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
