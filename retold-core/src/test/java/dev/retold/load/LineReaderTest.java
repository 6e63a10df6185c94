package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineReaderTest {
  /** Each line as "number@offset:text", or "number@offset:TOO LONG length". */
  private static List<String> lines(byte[] bytes, long maxBytes) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes), maxBytes);
    List<String> lines = new ArrayList<>();
    while (reader.next()) {
      lines.add(
          reader.number()
              + "@"
              + reader.offset()
              + ":"
              + (reader.tooLong()
                  ? "TOO LONG " + reader.length()
                  : new String(reader.copy(), StandardCharsets.UTF_8)
                      + (reader.blank() ? " (blank)" : "")));
    }
    return lines;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a\nbc\n", List.of("1@0:a", "2@2:bc")),
        Arguments.of("a\r\nbc", List.of("1@0:a", "2@3:bc")),
        Arguments.of("\n \t\nx", List.of("1@0: (blank)", "2@1: \t (blank)", "3@4:x")),
        Arguments.of("", List.of()),
        Arguments.of("é\nz", List.of("1@0:é", "2@3:z")),
        Arguments.of(
            "12345\n123456\n1234\r\n", List.of("1@0:12345", "2@6:TOO LONG 6", "3@13:1234")),
        Arguments.of("12345\r\n", List.of("1@0:12345")));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void splitsLinesWithNumbersAndOffsets(String text, List<String> expected) throws IOException {
    assertThat(lines(text.getBytes(StandardCharsets.UTF_8), 5)).isEqualTo(expected);
  }

  @Test
  void linesLongerThanTheBufferKeepTheirBytesAndOffsets() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    int offset = 0;
    for (int i = 1; i <= 40; i++) {
      String line = "x".repeat(random.nextInt(200_000));
      expected.add(i + "@" + offset + ":" + (line.isEmpty() ? " (blank)" : line));
      text.append(line).append('\n');
      offset += line.length() + 1;
    }
    assertThat(lines(text.toString().getBytes(StandardCharsets.US_ASCII), 1 << 20))
        .isEqualTo(expected);
  }
}
