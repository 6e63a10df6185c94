package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextDecoderTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("ASCII", utf8("hello"), "hello", "UTF-8"),
        Arguments.of("UTF-8 multi-byte", utf8("café “quoted” 😀"), "café “quoted” 😀", "UTF-8"),
        Arguments.of("UTF-8 BOM dropped", bytes("EF BB BF 68 69"), "hi", "UTF-8 (BOM)"),
        Arguments.of("UTF-16LE BOM", bytes("FF FE 68 00 E9 00"), "hé", "UTF-16LE (BOM)"),
        Arguments.of("UTF-16BE BOM", bytes("FE FF 00 68 00 E9"), "hé", "UTF-16BE (BOM)"),
        Arguments.of("UTF-32LE BOM", bytes("FF FE 00 00 68 00 00 00"), "h", "UTF-32LE (BOM)"),
        Arguments.of("UTF-32BE BOM", bytes("00 00 FE FF 00 00 00 68"), "h", "UTF-32BE (BOM)"),
        Arguments.of("Latin-1 café", bytes("63 61 66 E9"), "café", "windows-1252"),
        Arguments.of(
            "Windows-1252 quotes", bytes("93 68 69 94 20 61 62 63"), "“hi” abc", "windows-1252"),
        Arguments.of("line breaks kept", utf8("a\r\nb\rc\n"), "a\r\nb\rc\n", "UTF-8"),
        Arguments.of("tab and form feed are text", utf8("a\tb\fc"), "a\tb\fc", "UTF-8"),
        Arguments.of(
            "one stray byte in UTF-8",
            concat(utf8("café "), bytes("92"), utf8(" crème")),
            "café \uFFFD crème",
            "UTF-8 (1 invalid byte replaced)"),
        Arguments.of(
            "a truncated sequence is one replacement",
            concat(utf8("naïve "), bytes("E2 80"), utf8(" end")),
            "naïve \uFFFD end",
            "UTF-8 (2 invalid bytes replaced)"),
        Arguments.of(
            "Latin-1 with one accent: no UTF-8 evidence",
            bytes("63 61 66 E9 20 61 62"),
            "café ab",
            "windows-1252"),
        Arguments.of(
            "Windows-1252 with an accidental UTF-8 pair but many invalid bytes",
            concat(bytes("C2 A9"), latin1(" caf" + "é word ".repeat(20))),
            "Â© caf" + "é word ".repeat(20),
            "windows-1252"));
  }

  @Test
  void manyValidSequencesOutweighInvalidOnes() {
    // 9 invalid bytes in 200 are more than 8 and more than 1 per 1,000, yet 90 valid
    // multi-byte sequences against 9 invalid ones is mostly UTF-8.
    StringBuilder expected = new StringBuilder();
    java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 9; i++) {
      input.writeBytes(utf8("éééééééééé"));
      input.write(0xE9);
      expected.append("éééééééééé\uFFFD");
    }
    assertThat(TextDecoder.decode(input.toByteArray()))
        .isEqualTo(new DecodedText.Text(expected.toString(), "UTF-8 (9 invalid bytes replaced)"));
  }

  @Test
  void invalidBytesBeyondTheShareFallBackToWindows1252() {
    // 9 invalid bytes against 1 valid sequence in a short text: not mostly UTF-8.
    byte[] input =
        concat(
            utf8("é "),
            latin1("àèìòùâêîôû".substring(0, 9) + " plain words here, and many more to pad"));
    DecodedText decoded = TextDecoder.decode(input);
    assertThat(decoded).isInstanceOf(DecodedText.Text.class);
    assertThat(((DecodedText.Text) decoded).encoding()).isEqualTo("windows-1252");
  }

  @Test
  void longFilesAllowOneInvalidBytePerThousand() {
    byte[] body = utf8("é" + "a".repeat(19_998)); // 20,000 bytes
    byte[] twenty = body.clone();
    byte[] twentyOne = body.clone();
    for (int i = 0; i < 21; i++) {
      int at = 100 + i * 900;
      if (i < 20) {
        twenty[at] = (byte) 0xFF;
      }
      twentyOne[at] = (byte) 0xFF;
    }
    assertThat(((DecodedText.Text) TextDecoder.decode(twenty)).encoding())
        .isEqualTo("UTF-8 (20 invalid bytes replaced)");
    assertThat(((DecodedText.Text) TextDecoder.decode(twentyOne)).encoding())
        .isEqualTo("windows-1252");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void decodesText(String name, byte[] input, String text, String encoding) {
    assertThat(TextDecoder.decode(input)).isEqualTo(new DecodedText.Text(text, encoding));
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of("empty", bytes(""), "empty file"),
        Arguments.of("only white space", utf8(" \n\t\r\n "), "no text"),
        Arguments.of("only no-break spaces", utf8("\u00A0\u00A0\n"), "no text"),
        Arguments.of("only a BOM", bytes("EF BB BF"), "no text"),
        Arguments.of("NUL byte", utf8("ab\0c"), "binary (NUL byte at offset 2)"),
        Arguments.of("UTF-16 without BOM", bytes("68 00 69 00"), "binary (NUL byte at offset 1)"),
        Arguments.of(
            "NUL in UTF-16", bytes("FE FF 00 68 00 00"), "binary (NUL character at char 1)"),
        Arguments.of(
            "control characters", utf8("a\u0001\u0002\u0003b"), "binary (60% control characters)"),
        Arguments.of(
            "control characters, not UTF-8",
            bytes("01 02 03 E9 61"),
            "binary (60% control characters; not UTF-8 at byte 3)"),
        Arguments.of(
            "mostly high bytes",
            bytes("41 FF FE FD FC"),
            "not UTF-8 at byte 1 and not a single-byte text (80% of bytes above 0x7F)"),
        Arguments.of(
            "odd UTF-16 length",
            bytes("FF FE 68 00 69"),
            "not UTF-16LE at byte 4 despite its UTF-16LE byte order mark"),
        Arguments.of(
            "lone surrogate in UTF-16",
            bytes("FE FF D8 00 00 41"),
            "not UTF-16BE at byte 2 despite its UTF-16BE byte order mark"),
        Arguments.of(
            "bad UTF-8 after UTF-8 BOM",
            bytes("EF BB BF 61 E9 62"),
            "not UTF-8 at byte 4 despite its UTF-8 byte order mark"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsWithReason(String name, byte[] input, String reason) {
    assertThat(TextDecoder.decode(input)).isEqualTo(new DecodedText.Rejected(reason));
  }

  @Test
  void undefinedWindows1252BytesBecomeC1ControlsAndCountAsControls() {
    // 0x81 is undefined in Windows-1252; a text with one among many letters is still text.
    byte[] input = new byte[40];
    Arrays.fill(input, (byte) 'a');
    input[10] = (byte) 0x81;
    DecodedText decoded = TextDecoder.decode(input);
    assertThat(decoded).isInstanceOf(DecodedText.Text.class);
    assertThat(((DecodedText.Text) decoded).text().charAt(10)).isEqualTo('\u0081');
  }

  @Test
  void randomBytesNeverThrowAndTextRoundTrips() {
    Random random = new Random(20260106L);
    for (int round = 0; round < 2_000; round++) {
      byte[] input = new byte[random.nextInt(64)];
      random.nextBytes(input);
      DecodedText decoded = TextDecoder.decode(input);
      if (decoded instanceof DecodedText.Text) {
        DecodedText.Text text = (DecodedText.Text) decoded;
        if (text.encoding().equals("UTF-8")) {
          assertThat(text.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(input);
        } else if (text.encoding().startsWith("UTF-8 (")) {
          assertThat(text.text()).contains("\uFFFD");
        } else if (text.encoding().equals("windows-1252")) {
          assertThat(text.text()).hasSize(input.length);
        }
      }
    }
  }

  /**
   * The property the lenient rule exists for: UTF-8 articles with up to 8 stray bytes dropped in
   * between characters decode as UTF-8, each stray byte one U+FFFD and nothing else changed; the
   * same kind of articles written in Windows-1252 (accents never next to each other) decode as
   * Windows-1252 exactly.
   */
  @Test
  void strayBytesInUtf8AreReplacedAndWindows1252StaysWindows1252() {
    Random random = new Random(20261202L);
    String letters = "abcdefghijklmnopqrstuvwxyz";
    String accents = "éèàçüöäñßøåœ";
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      int words = 5 + random.nextInt(200);
      for (int w = 0; w < words; w++) {
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
          boolean accent =
              random.nextInt(6) == 0
                  && (i == 0 || accents.indexOf(text.charAt(text.length() - 1)) < 0);
          text.append(
              accent
                  ? accents.charAt(random.nextInt(accents.length()))
                  : letters.charAt(random.nextInt(letters.length())));
        }
        text.append(random.nextInt(10) == 0 ? ".\n" : " ");
      }
      if (text.chars().noneMatch(c -> c >= 0x80)) {
        text.append(accents.charAt(0));
      }
      String original = text.toString();

      DecodedText single = TextDecoder.decode(latin1(original));
      assertThat(single).isEqualTo(new DecodedText.Text(original, "windows-1252"));

      int stray = 1 + random.nextInt(8);
      java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
      StringBuilder expected = new StringBuilder();
      int[] cuts = random.ints(stray, 0, original.length() + 1).sorted().toArray();
      int from = 0;
      for (int cut : cuts) {
        input.writeBytes(utf8(original.substring(from, cut)));
        expected.append(original, from, cut).append('\uFFFD');
        int[] neverValid = {0x80 + random.nextInt(0x40), 0xC0, 0xC1, 0xF5 + random.nextInt(11)};
        input.write(neverValid[random.nextInt(neverValid.length)]);
        from = cut;
      }
      input.writeBytes(utf8(original.substring(from)));
      expected.append(original.substring(from));
      assertThat(TextDecoder.decode(input.toByteArray()))
          .isEqualTo(
              new DecodedText.Text(
                  expected.toString(),
                  "UTF-8 ("
                      + stray
                      + (stray == 1 ? " invalid byte" : " invalid bytes")
                      + " replaced)"));
    }
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] latin1(String text) {
    return text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String hex) {
    String[] parts = hex.isBlank() ? new String[0] : hex.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
