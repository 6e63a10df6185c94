package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "Storm closes port|The port closed on Monday.|100|Storm closes port The port closed on Monday.",
        "Storm closes port|Storm closes port\\n\\nThe port closed.|100|Storm closes port The port closed.",
        "NULL|  The   port\\tclosed on\\nMonday.  |100|The port closed on Monday.",
        "NULL|The port closed on Monday.|14|The port",
        "NULL|Unbreakablewordthatislong rest|10|Unbreakabl"
      })
  void isTheTitleThenTheBodyCutAtAWord(String title, String body, int maxChars, String lead) {
    assertThat(Lead.of(title, body.replace("\\n", "\n").replace("\\t", "\t"), maxChars))
        .isEqualTo(lead);
  }
}
