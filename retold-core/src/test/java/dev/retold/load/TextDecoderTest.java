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
        Arguments.of("tab and form feed are text", utf8("a\tb\fc"), "a\tb\fc", "UTF-8"));
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
        } else if (text.encoding().equals("windows-1252")) {
          assertThat(text.text()).hasSize(input.length);
        }
      }
    }
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
