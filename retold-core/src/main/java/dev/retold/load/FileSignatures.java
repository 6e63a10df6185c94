package dev.retold.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names the binary file formats a news folder often holds beside its articles (documents, images,
 * media, archives) by the signature ("magic bytes") they open with, so that such a file is skipped
 * as {@code "unsupported format: PDF"} rather than as some anonymous binary.
 *
 * <p>Only signatures that no text file opens with are listed: each either holds a byte that plain
 * text never has (NUL, or a byte that is neither UTF-8 nor printable), or is an ASCII sequence no
 * article starts with ({@code %PDF-}, {@code {\rtf}, {@code GIF89a}). So a text file is never
 * refused here; at worst an unknown binary format falls through to {@link TextDecoder}'s own checks
 * (NUL bytes, control characters). ZIP files are looked into a little: the names of their first
 * entries (and the {@code mimetype} entry of EPUB and OpenDocument files) tell a Word, Excel or
 * PowerPoint file, an e-book or an OpenDocument from a plain archive.
 *
 * <p>Stateless and thread-safe.
 */
final class FileSignatures {
  /** How far into a ZIP file local entry headers are looked at. */
  private static final int ZIP_LOOK_BYTES = 1 << 16;

  /** How many ZIP entry names are looked at, at most. */
  private static final int ZIP_LOOK_ENTRIES = 64;

  private FileSignatures() {}

  /**
   * The format {@code bytes} are in, in a few words ({@code "PDF"}, {@code "PNG image"}, {@code
   * "DOCX (Word document)"}), or empty if they open with no signature listed here.
   */
  static Optional<String> identify(byte[] bytes) {
    return Optional.ofNullable(name(bytes));
  }

  private static String name(byte[] b) {
    if (startsWith(b, 0, "%PDF-")) {
      return "PDF";
    }
    if (startsWith(b, 0, 'P', 'K', 3, 4) || startsWith(b, 0, 'P', 'K', 5, 6)) {
      return zipKind(b);
    }
    if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "old Microsoft Office document (DOC, XLS or PPT)";
    }
    if (startsWith(b, 0, "{\\rtf")) {
      return "RTF document";
    }
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "PNG image";
    }
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return "JPEG image";
    }
    if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
      return "GIF image";
    }
    if (startsWith(b, 0, "RIFF") && b.length >= 12) {
      if (startsWith(b, 8, "WEBP")) {
        return "WebP image";
      }
      if (startsWith(b, 8, "WAVE")) {
        return "WAV audio";
      }
      if (startsWith(b, 8, "AVI ")) {
        return "AVI video";
      }
    }
    if (startsWith(b, 0, 'I', 'I', '*', 0) || startsWith(b, 0, 'M', 'M', 0, '*')) {
      return "TIFF image";
    }
    if (startsWith(b, 0, "BM") && startsWith(b, 6, 0, 0, 0, 0)) { // reserved bytes: never text
      return "BMP image";
    }
    if (b.length >= 12 && b[0] == 0 && startsWith(b, 4, "ftyp")) {
      return isoMediaKind(new String(b, 8, 4, StandardCharsets.ISO_8859_1));
    }
    if (startsWith(b, 0, "ID3") && b.length >= 5 && b[3] >= 2 && b[3] <= 4 && b[4] == 0) {
      return "MP3 audio";
    }
    if (startsWith(b, 0, 0xFF, 0xFB)
        || startsWith(b, 0, 0xFF, 0xF3)
        || startsWith(b, 0, 0xFF, 0xF2)) {
      return "MP3 audio";
    }
    if (startsWith(b, 0, "OggS", 0)) {
      return "Ogg audio or video";
    }
    if (startsWith(b, 0, "fLaC", 0)) {
      return "FLAC audio";
    }
    if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
      return "Matroska or WebM video";
    }
    if (startsWith(b, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return "7z archive";
    }
    if (startsWith(b, 0, 0xFD, '7', 'z', 'X', 'Z', 0)) {
      return "xz archive";
    }
    if (isBzip2(b)) {
      return "bzip2 archive";
    }
    if (startsWith(b, 0, 0x28, 0xB5, 0x2F, 0xFD)) {
      return "zstd archive";
    }
    if (startsWith(b, 0, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
      return "RAR archive";
    }
    if (startsWith(b, 0, 0x1F, 0x8B, 0x08)) {
      return "gzip archive (only files named .gz are decompressed)";
    }
    if (startsWith(b, 257, "ustar")) {
      return "tar archive";
    }
    if (startsWith(b, 0, "SQLite format 3", 0)) {
      return "SQLite database";
    }
    if (startsWith(b, 0, 0x7F, 'E', 'L', 'F')) {
      return "ELF executable";
    }
    return null;
  }

  /** {@code BZh1}..{@code BZh9} then a block's or the stream end's magic (both 48 bits of pi). */
  private static boolean isBzip2(byte[] b) {
    return startsWith(b, 0, "BZh")
        && b.length >= 10
        && b[3] >= '1'
        && b[3] <= '9'
        && (startsWith(b, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
            || startsWith(b, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90));
  }

  /** An ISO base media file (MP4 and kin) by its major brand. */
  private static String isoMediaKind(String brand) {
    if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
      return "M4A audio";
    }
    if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1")) {
      return "HEIF image";
    }
    if (brand.startsWith("avif")) {
      return "AVIF image";
    }
    if (brand.startsWith("qt")) {
      return "QuickTime video";
    }
    return "MP4 video";
  }

  /** What a ZIP file holds, told by the names of its first entries. */
  private static String zipKind(byte[] b) {
    List<String> names = new ArrayList<>();
    String mimetype = null;
    int at = 0;
    int limit = Math.min(b.length, ZIP_LOOK_BYTES);
    while (names.size() < ZIP_LOOK_ENTRIES
        && at + 30 <= limit
        && startsWith(b, at, 'P', 'K', 3, 4)) {
      int flags = uint16(b, at + 6);
      int method = uint16(b, at + 8);
      long compressed = uint32(b, at + 18);
      int nameLength = uint16(b, at + 26);
      int extraLength = uint16(b, at + 28);
      int nameStart = at + 30;
      if (nameStart + nameLength > b.length) {
        break;
      }
      String name = new String(b, nameStart, nameLength, StandardCharsets.UTF_8);
      names.add(name);
      int dataStart = nameStart + nameLength + extraLength;
      if (names.size() == 1 && name.equals("mimetype") && method == 0 && compressed < 200) {
        int end = (int) Math.min(b.length, dataStart + compressed);
        if (dataStart <= end) {
          mimetype = new String(b, dataStart, end - dataStart, StandardCharsets.US_ASCII).strip();
        }
      }
      if ((flags & 0x08) != 0) { // sizes follow the data: look for the next header instead
        at = indexOf(b, dataStart, limit, 'P', 'K', 3, 4);
        if (at < 0) {
          break;
        }
      } else {
        at = (int) Math.min(Integer.MAX_VALUE, dataStart + compressed);
      }
    }
    if (mimetype != null) {
      if (mimetype.equals("application/epub+zip")) {
        return "EPUB e-book";
      }
      if (mimetype.startsWith("application/vnd.oasis.opendocument.text")) {
        return "ODT (OpenDocument text)";
      }
      if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
        return "ODS (OpenDocument spreadsheet)";
      }
      if (mimetype.startsWith("application/vnd.oasis.opendocument.presentation")) {
        return "ODP (OpenDocument presentation)";
      }
    }
    boolean contentTypes = false;
    for (String name : names) {
      if (name.startsWith("word/")) {
        return "DOCX (Word document)";
      }
      if (name.startsWith("xl/")) {
        return "XLSX (Excel workbook)";
      }
      if (name.startsWith("ppt/")) {
        return "PPTX (PowerPoint presentation)";
      }
      contentTypes |= name.equals("[Content_Types].xml");
    }
    return contentTypes ? "Office Open XML document (DOCX, XLSX or PPTX)" : "ZIP archive";
  }

  private static int indexOf(byte[] b, int from, int limit, int... signature) {
    for (int i = Math.max(0, from); i + signature.length <= limit; i++) {
      if (startsWith(b, i, signature)) {
        return i;
      }
    }
    return -1;
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long uint32(byte[] b, int at) {
    return uint16(b, at) | (long) uint16(b, at + 2) << 16;
  }

  private static boolean startsWith(byte[] b, int at, String ascii, int... more) {
    byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
    if (at + text.length + more.length > b.length) {
      return false;
    }
    for (int i = 0; i < text.length; i++) {
      if (b[at + i] != text[i]) {
        return false;
      }
    }
    return startsWith(b, at + text.length, more);
  }

  private static boolean startsWith(byte[] b, int at, int... signature) {
    if (at < 0 || at + signature.length > b.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((b[at + i] & 0xFF) != (signature[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
