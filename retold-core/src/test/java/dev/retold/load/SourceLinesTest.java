package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.load.SourceLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceLinesTest {

  @Test
  void splitsOnEveryKindOfLineBreak() {
    assertThat(SourceLines.split("a\nbc\r\nd\re"))
        .containsExactly(
            new Line(0, 1, 2), new Line(2, 4, 6), new Line(6, 7, 8), new Line(8, 9, 9));
  }

  @Test
  void hasNoEmptyLastLineAfterAFinalBreak() {
    assertThat(SourceLines.split("a\n")).containsExactly(new Line(0, 1, 2));
    assertThat(SourceLines.split("\n\n")).containsExactly(new Line(0, 0, 1), new Line(1, 1, 2));
    assertThat(SourceLines.split("")).isEqualTo(List.of());
    assertThat(SourceLines.split("a\r")).containsExactly(new Line(0, 1, 2));
  }

  /** Texts with only \n breaks take a faster path; with or without, lines are where they were. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void findsTheLinesOfRandomDocumentsAsOneCharacterAtATime(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      String text = RandomDocuments.document(random);
      assertThat(SourceLines.split(text)).isEqualTo(charByChar(text));
      String newlines = text.replace("\r\n", "\n").replace('\r', '\n');
      assertThat(SourceLines.split(newlines)).isEqualTo(charByChar(newlines));
    }
  }

  private static List<Line> charByChar(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(new Line(start, i, next));
        start = next;
        i = next - 1;
      }
    }
    if (start < text.length()) {
      lines.add(new Line(start, text.length(), text.length()));
    }
    return lines;
  }
}
