package dev.retold.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UntrustedTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "=1+2|'=1+2",
        "+1|'+1",
        "-1|'-1",
        "@SUM(A1)|'@SUM(A1)",
        "a=b|a=b",
        "plain.txt|plain.txt",
        "'quoted|'quoted"
      })
  void formulaLikeCellsGetAQuote(String cell, String expected) {
    assertThat(UntrustedText.spreadsheetCell(cell)).isEqualTo(expected);
  }

  @Test
  void tabAndCarriageReturnCellsGetAQuoteToo() {
    assertThat(UntrustedText.spreadsheetCell("\tx")).isEqualTo("'\tx");
    assertThat(UntrustedText.spreadsheetCell("\rx")).isEqualTo("'\rx");
    assertThat(UntrustedText.spreadsheetCell("")).isEmpty();
    assertThat(UntrustedText.spreadsheetCell(null)).isNull();
  }

  @Test
  void controlCharactersBecomeVisible() {
    assertThat(UntrustedText.visible("\u001b[31mred\u001b[0m")).isEqualTo("\\x1B[31mred\\x1B[0m");
    assertThat(UntrustedText.visible("a\u0000b\u007fc\u0085d\u009be\nf\rg"))
        .isEqualTo("a\\x00b\\x7Fc\\x85d\\x9Be\\x0Af\\x0Dg");
    assertThat(UntrustedText.visible("\u202Etxt.exe\u2066")).isEqualTo("\\u202Etxt.exe\\u2066");
    String plain = "Tab\tand caf\u00e9 \\x1B and \ud83d\ude00";
    assertThat(UntrustedText.visible(plain)).isSameAs(plain);
    assertThat(UntrustedText.visible(null)).isNull();
  }

  @Test
  void unpairedSurrogatesAreReplacedEvenAcrossWrites() throws IOException {
    StringWriter target = new StringWriter();
    UntrustedText.SurrogateSafeWriter out = UntrustedText.surrogatesReplaced(target);
    out.write("a\ud83d");
    out.write('\ude00'); // a pair split between two writes stays a pair
    out.write("\udc00b\ud800".toCharArray(), 0, 3);
    out.write("c\ud800", 0, 2);
    out.finish();
    assertThat(target.toString()).isEqualTo("a\ud83d\ude00\uFFFDb\uFFFDc\uFFFD");
  }
}
