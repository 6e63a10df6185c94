package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityAlignmentTest {

  /**
   * The source offsets (within the paragraph's text) of each decoded char, as jsoup decodes the
   * text of {@code <p>source</p>}.
   */
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          plain text          | plain text     | 0 1 2 3 4 5 6 7 8 9
          a&amp;b             | a&b            | 0 1 6
          &rsquo;s            | ’s             | 0 7
          it&#8217;s          | it’s           | 0 1 2 9
          &#x2019;            | ’              | 0
          &copy 2025          | © 2025         | 0 5 6 7 8 9
          &amp                | &              | 0
          &notanentity;       | ¬anentity;     | 0 4 5 6 7 8 9 10 11 12
          &unknown; x         | &unknown; x    | 0 1 2 3 4 5 6 7 8 9 10
          a & b               | a & b          | 0 1 2 3 4
          &#&lt;              | &#<            | 0 1 2
          x&nbsp;y            | x\u00A0y        | 0 1 7
          &#x1F600;!          | 😀!            | 0 0 9
          &NotEqualTilde;.    | \u2242\u0338.   | 0 0 15
          """)
  void decodedCharsMapToTheirReference(String source, String decoded, String starts) {
    assertThat(startsWithin(source, decoded)).isEqualTo(starts);
  }

  @Test
  void aDroppedNulIsPassedOver() {
    assertThat(startsWithin("a\u0000b&amp;", "ab&")).isEqualTo("0 2 3");
  }

  @Test
  void charsPastTheSourceMapToItsLastChar() {
    EntityAlignment alignment = EntityAlignment.align("abcd", "xxabyy", 2, 4);
    assertThat(alignment.starts()).containsExactly(2, 3, 3, 3);
  }

  private static String startsWithin(String source, String decoded) {
    String html = "<p>" + source + "</p>";
    TextNode text =
        (TextNode)
            Parser.htmlParser()
                .setTrackPosition(true)
                .parseInput(html, "")
                .body()
                .child(0)
                .childNode(0);
    assertThat(text.getWholeText()).isEqualTo(decoded);
    Range range = text.sourceRange();
    EntityAlignment alignment =
        EntityAlignment.align(text.getWholeText(), html, range.startPos(), range.endPos());
    for (int i = 0; i < decoded.length(); i++) {
      assertThat(alignment.ends()[i]).isGreaterThan(alignment.starts()[i]);
    }
    return Arrays.stream(alignment.starts())
        .map(at -> at - 3)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(" "));
  }
}
