package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageMetadataTest {

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      textBlock =
          """
          Headline of the day | The Site    ; The Site   ; Headline of the day
          Headline of the day - the site    ; The Site   ; Headline of the day
          The Site – Headline of the day    ; The Site   ; Headline of the day
          Headline of the day — The Daily Site ; Daily Site ; Headline of the day
          Headline of the day | Other Paper ; The Site   ; Headline of the day
          Headline — Section — Site         ; -          ; Headline — Section
          A long headline about the port | Gazette ; - ; A long headline about the port
          Short - a much longer subtitle that goes on ; - ; Short - a much longer subtitle that goes on
          A long headline about the harbour barrier vote | one two three four five six seven ; - ; \
          A long headline about the harbour barrier vote | one two three four five six seven
          Gazette readers choose a new editor for the paper | Local News ; Gazette ; \
          Gazette readers choose a new editor for the paper
          Headline of the day | Gazette     ; '  '       ; Headline of the day
          Brexit: what happens next         ; -          ; Brexit: what happens next
          Well-known and long-awaited       ; -          ; Well-known and long-awaited
          """)
  void aSiteNameLeavesTheTitle(String title, String site, String expected) {
    assertThat(PageMetadata.withoutSiteName(title, site)).isEqualTo(expected);
  }
}
