package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.load.SourceLines.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
