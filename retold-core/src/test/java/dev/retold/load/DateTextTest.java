package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-01-06|2026-01-06",
        "2026-01-06T02:44:22|2026-01-06",
        "2026-01-06T02:44|2026-01-06",
        "2026-01-06T02:44:22.123456|2026-01-06",
        "'2026-01-06 02:44:22'|2026-01-06",
        "'2026-01-06 02:44:22 +0000'|2026-01-06",
        "2026-01-06T02:44:22Z|2026-01-06",
        "2026-01-06T23:30:00-05:00|2026-01-06",
        "2026-01-06T23:30:00+0530|2026-01-06",
        "2026-01-06T02:44:22+01:00[Europe/Paris]|2026-01-06",
        "'Tue, 6 Jan 2026 02:44:22 GMT'|2026-01-06",
        "'Tue, 06 Jan 2026 02:44:22 +0100'|2026-01-06",
        "'14 March 2025'|2025-03-14",
        "'14 mar 2025'|2025-03-14",
        "'March 14, 2025'|2025-03-14",
        "'Mar 14, 2025'|2025-03-14",
        "'March 14 2025'|2025-03-14",
        "'Friday, 14 March 2025'|2025-03-14",
        "1741910400|2025-03-14",
        "1741910400000|2025-03-14",
        "'  2025-03-14  '|2025-03-14",
      })
  void readsTheCommonForms(String text, LocalDate date) {
    DateText read = DateText.parse(text);
    assertThat(read.problem()).isNull();
    assertThat(read.date()).isEqualTo(date);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-02-30|not a date: \"2026-02-30\"",
        "next Tuesday|not a date: \"next Tuesday\"",
        "2026-13-01|not a date: \"2026-13-01\"",
        "'31 February 2025'|not a date: \"31 February 2025\"",
        "12345|not a date: \"12345\" (epoch time has 9-10 digits, or 12-13 in ms)",
        "''|empty date",
        "'2026-01-06 and then some'|not a date: \"2026-01-06 and then some\"",
      })
  void givesAReasonForWhatIsNotADate(String text, String problem) {
    DateText read = DateText.parse(text == null ? "" : text);
    assertThat(read.date()).isNull();
    assertThat(read.problem()).isEqualTo(problem);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"1", "2", "3"})
  void aLongTextIsShortenedInTheReason(int repeat) {
    String text = "x".repeat(50 * repeat);
    assertThat(DateText.parse(text).problem())
        .isEqualTo("not a date: \"" + "x".repeat(40) + "...\"");
  }
}
