package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProperNounsTest {
  @Test
  void namesAreCapitalisedWords() {
    SplitMix64 random = new SplitMix64(9);
    for (int i = 0; i < 1_000; i++) {
      assertThat(ProperNouns.person(random)).matches("[A-Z][a-z]+ [A-Z][a-z]+");
      assertThat(ProperNouns.place(random)).matches("([A-Z][a-z]+ )?[A-Z][a-z]+");
      assertThat(ProperNouns.organisation(random)).matches("[A-Z][a-z]+ [A-Z][a-z]+");
      assertThat(ProperNouns.any(random)).matches("[A-Z][a-z]+( [A-Z][a-z]+)*");
    }
  }

  @Test
  void numbersHaveOneToSixDigitsWithThousandsSeparators() {
    SplitMix64 random = new SplitMix64(10);
    for (int i = 0; i < 1_000; i++) {
      String number = ProperNouns.number(random);
      assertThat(number).matches("[1-9][0-9]{0,2}(,[0-9]{3})?");
      assertThat(Integer.parseInt(number.replace(",", ""))).isBetween(2, 999_999);
    }
  }

  @Test
  void factNumbersHaveAtLeastTwoDigits() {
    SplitMix64 random = new SplitMix64(12);
    for (int i = 0; i < 1_000; i++) {
      assertThat(Integer.parseInt(ProperNouns.number(random, 2).replace(",", "")))
          .isBetween(10, 999_999);
    }
  }

  @Test
  void namesArePinnedForASeed() {
    SplitMix64 random = new SplitMix64(42);
    assertThat(ProperNouns.person(random)).isEqualTo("Ginark Nejus");
    assertThat(ProperNouns.place(random)).isEqualTo("New Crivale");
    assertThat(ProperNouns.organisation(random)).isEqualTo("Dabralond Ministry");
    assertThat(ProperNouns.number(random)).isEqualTo("8,109");
  }

  @ParameterizedTest
  @CsvSource({
    "2019-03-04, 4 March 2019",
    "2024-12-31, 31 December 2024",
    "2015-01-01, 1 January 2015"
  })
  void datesAreWrittenAsNewsWritesThem(LocalDate date, String written) {
    assertThat(ProperNouns.date(date)).isEqualTo(written);
  }
}
