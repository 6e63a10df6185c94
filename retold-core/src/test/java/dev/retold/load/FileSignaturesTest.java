package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileSignaturesTest {

  static Stream<Arguments> signatures() throws IOException {
    return Stream.of(
        Arguments.of(head("%PDF-1.7\n%\u00e2\u00e3"), "PDF"),
        Arguments.of(
            hex("D0 CF 11 E0 A1 B1 1A E1 00 00"),
            "old Microsoft Office document (DOC, XLS or PPT)"),
        Arguments.of(head("{\\rtf1\\ansi Hello}"), "RTF document"),
        Arguments.of(hex("89 50 4E 47 0D 0A 1A 0A 00 00 00 0D"), "PNG image"),
        Arguments.of(hex("FF D8 FF E0 00 10 4A 46 49 46"), "JPEG image"),
        Arguments.of(head("GIF89a\u0001\u0000"), "GIF image"),
        Arguments.of(head("GIF87a\u0001\u0000"), "GIF image"),
        Arguments.of(riff("WEBP"), "WebP image"),
        Arguments.of(riff("WAVE"), "WAV audio"),
        Arguments.of(riff("AVI "), "AVI video"),
        Arguments.of(hex("49 49 2A 00 08 00 00 00"), "TIFF image"),
        Arguments.of(hex("4D 4D 00 2A 00 00 00 08"), "TIFF image"),
        Arguments.of(hex("42 4D 3A 00 00 00 00 00 00 00 36 00"), "BMP image"),
        Arguments.of(ftyp("isom"), "MP4 video"),
        Arguments.of(ftyp("M4A "), "M4A audio"),
        Arguments.of(ftyp("qt  "), "QuickTime video"),
        Arguments.of(ftyp("heic"), "HEIF image"),
        Arguments.of(ftyp("avif"), "AVIF image"),
        Arguments.of(hex("49 44 33 04 00 00 00 00 00 21"), "MP3 audio"),
        Arguments.of(hex("FF FB 90 64 00"), "MP3 audio"),
        Arguments.of(hex("4F 67 67 53 00 02 00 00"), "Ogg audio or video"),
        Arguments.of(hex("66 4C 61 43 00 00 00 22"), "FLAC audio"),
        Arguments.of(hex("1A 45 DF A3 9F 42 86 81"), "Matroska or WebM video"),
        Arguments.of(hex("37 7A BC AF 27 1C 00 04"), "7z archive"),
        Arguments.of(hex("FD 37 7A 58 5A 00 00 04"), "xz archive"),
        Arguments.of(hex("42 5A 68 39 31 41 59 26 53 59 00"), "bzip2 archive"),
        Arguments.of(hex("42 5A 68 39 17 72 45 38 50 90 00 00 00 00"), "bzip2 archive"),
        Arguments.of(hex("28 B5 2F FD 24 00 01 00"), "zstd archive"),
        Arguments.of(hex("52 61 72 21 1A 07 01 00"), "RAR archive"),
        Arguments.of(
            hex("1F 8B 08 00 00 00 00 00 00 03"),
            "gzip archive (only files named .gz are decompressed)"),
        Arguments.of(tar(), "tar archive"),
        Arguments.of(head("SQLite format 3\u0000\u0010\u0000"), "SQLite database"),
        Arguments.of(hex("7F 45 4C 46 02 01 01 00"), "ELF executable"),
        Arguments.of(zip("word/document.xml"), "DOCX (Word document)"),
        Arguments.of(zip("xl/workbook.xml"), "XLSX (Excel workbook)"),
        Arguments.of(zip("ppt/presentation.xml"), "PPTX (PowerPoint presentation)"),
        Arguments.of(zip("[Content_Types].xml"), "Office Open XML document (DOCX, XLSX or PPTX)"),
        Arguments.of(zipWithMimetype("application/epub+zip"), "EPUB e-book"),
        Arguments.of(
            zipWithMimetype("application/vnd.oasis.opendocument.text"), "ODT (OpenDocument text)"),
        Arguments.of(
            zipWithMimetype("application/vnd.oasis.opendocument.spreadsheet"),
            "ODS (OpenDocument spreadsheet)"),
        Arguments.of(
            zipWithMimetype("application/vnd.oasis.opendocument.presentation"),
            "ODP (OpenDocument presentation)"),
        Arguments.of(zip("notes.txt"), "ZIP archive"),
        Arguments.of(hex("50 4B 05 06 00 00 00 00"), "ZIP archive"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("signatures")
  void namesTheFormat(byte[] bytes, String name) {
    assertThat(FileSignatures.identify(bytes)).hasValue(name);
    assertThat(TextDecoder.decode(bytes))
        .isEqualTo(new DecodedText.Rejected("unsupported format: " + name));
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("BMW recalls 300,000 cars"),
        Arguments.of("ID3 tags are metadata in MP3 files."),
        Arguments.of("PK: the party's leader"),
        Arguments.of("GIF is pronounced with a hard g."),
        Arguments.of("%PDF is not a word"),
        Arguments.of("RIFF raff"),
        Arguments.of("II* star"),
        Arguments.of("BZh9 and then plain words"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void textThatLooksLikeASignatureIsText(String text) {
    assertThat(FileSignatures.identify(head(text))).isEmpty();
    assertThat(TextDecoder.decode(head(text))).isInstanceOf(DecodedText.Text.class);
  }

  @Test
  void shortAndRandomInputNeverThrows() {
    Random random = new Random(20261203L);
    for (int round = 0; round < 5_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (bytes.length >= 2 && random.nextBoolean()) {
        bytes[0] = 'P';
        bytes[1] = 'K';
        if (bytes.length >= 4) {
          bytes[2] = 3;
          bytes[3] = 4;
        }
      }
      FileSignatures.identify(bytes);
    }
  }

  private static byte[] head(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] hex(String hex) {
    return TextDecoderTest.bytes(hex);
  }

  private static byte[] riff(String kind) {
    return TextDecoderTest.concat(hex("52 49 46 46 24 00 00 00"), head(kind), hex("00 00"));
  }

  private static byte[] ftyp(String brand) {
    return TextDecoderTest.concat(hex("00 00 00 20"), head("ftyp" + brand), hex("00 00 02 00"));
  }

  private static byte[] tar() {
    byte[] block = new byte[512];
    byte[] name = head("story.txt");
    System.arraycopy(name, 0, block, 0, name.length);
    byte[] magic = head("ustar\u000000");
    System.arraycopy(magic, 0, block, 257, magic.length);
    return block;
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(head("<xml>some content of " + name + "</xml>"));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** An EPUB or OpenDocument file: a stored {@code mimetype} entry first, then the content. */
  private static byte[] zipWithMimetype(String mimetype) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] type = head(mimetype);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(type.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(type);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(head("<office:document/>"));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
