package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineShapeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0",
        "'   '|0",
        "Navigation|1",
        "Ask Onix|2",
        "'Recent missile tests by North Korea-including hypersonic missiles'|8",
        "'20 - 13.'|2",
        "'* * *'|0",
        "'Lee’s agenda — trade'|3",
      })
  void countsWords(String line, int words) {
    assertThat(LineShape.words(line)).isEqualTo(words);
    for (int atMost = 0; atMost <= words + 1; atMost++) {
      assertThat(LineShape.words(line, atMost)).isEqualTo(Math.min(words, atMost));
    }
  }

  /** Counting stops at a limit (a long line's shape is known from its start), else it agrees. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void countsWordsUpToALimitAsInFull(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 100; i++) {
      for (String line : RandomDocuments.document(random).split("\\R")) {
        int words = LineShape.words(line);
        int atMost = random.nextInt(25);
        assertThat(LineShape.words(line, atMost)).isEqualTo(Math.min(words, atMost));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'He left.'|true",
        "'Why?'|true",
        "'Go!  '|true",
        "'\"We want to usher in a new phase.\"'|true",
        "'the “new phase”'|true",
        "'(See below.)'|true",
        "'Wait…'|true",
        "Related posts|false",
        "'Read more:'|false",
        "'Key agenda items'|false",
        "''|false",
      })
  void recognisesSentenceEndings(String line, boolean sentence) {
    assertThat(LineShape.isSentenceShaped(line)).isEqualTo(sentence);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Featured image credits: PM Official Photographer via Wikimedia Commons|true",
        "Photo: Reuters|true",
        "'Photo: Reuters.'|true",
        "Image by Jane Doe/AP|true",
        "'© 2026 Example News. All rights reserved.'|true",
        "Copyright 2026 The Associated Press|true",
        "By Jane Doe|true",
        "'By Jane Doe and John van Roe, Reuters'|true",
        "BY JANE DOE|true",
        "Reporting by Jane Doe; Editing by John Roe|true",
        "Written by the editors|true",
        "'By the end of the year, prices rose.'|false",
        "By the end of the year|false",
        "'Credit Suisse shares fell 5% by noon on Monday.'|false",
        "Pictures of the day|false",
        "Photos show a crowded square|false",
        "Navigation|false",
        "President Lee Jae Myung|false",
        "Help us improve by reporting any issues with this response.|false",
      })
  void recognisesCreditsAndBylines(String line, boolean credit) {
    assertThat(LineShape.isCredit(line)).isEqualTo(credit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"''|true", "' \t'|true", "'\u00A0\uFEFF'|true", "' a '|false"})
  void recognisesBlankText(String text, boolean blank) {
    assertThat(LineShape.isBlank(text)).isEqualTo(blank);
  }
}
