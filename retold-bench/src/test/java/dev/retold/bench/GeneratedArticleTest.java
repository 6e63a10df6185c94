package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratedArticleTest {
  private static final String ID = "0123456789abcdef";
  private static final String ORIGIN = "fedcba9876543210";

  @Test
  void theUrlIsMadeOfTheDateAndTheId() {
    GeneratedArticle article =
        new GeneratedArticle(ID, "T", "2019-03-04", "Text.", "s1", "ORIGINAL", null, "");
    assertThat(article.url()).isEqualTo("https://example.com/news/2019/03/04/0123456789abcdef");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "0123|2019-03-04|s1|ORIGINAL|null||id must be 16 lower-case hex digits: 0123",
        "0123456789ABCDEF|2019-03-04|s1|ORIGINAL|null||id must be 16 lower-case hex digits:"
            + " 0123456789ABCDEF",
        "0123456789abcdef|4 March 2019|s1|ORIGINAL|null||date must be YYYY-MM-DD: 4 March 2019",
        "0123456789abcdef|2019-03-04|s1|COPY|null||relation must be one of [ORIGINAL,"
            + " NEAR_DUPLICATE, DERIVED, SAME_STORY, UNRELATED]: COPY",
        "0123456789abcdef|2019-03-04|s1|DERIVED|null||origin must be given exactly for planted"
            + " relations: DERIVED from null",
        "0123456789abcdef|2019-03-04|s1|UNRELATED|fedcba9876543210||origin must be given exactly"
            + " for planted relations: UNRELATED from fedcba9876543210",
        "0123456789abcdef|2019-03-04|s1|SAME_STORY|fedcba98||origin must be 16 lower-case hex"
            + " digits: fedcba98",
        "0123456789abcdef|2019-03-04|s 1|ORIGINAL|null||story must be a non-empty word: 's 1'",
      })
  void impossibleFieldsAreRefusedWithTheValue(
      String id,
      String date,
      String story,
      String relation,
      String origin,
      String detail,
      String message) {
    assertThatThrownBy(
            () ->
                new GeneratedArticle(
                    id, "T", date, "Text.", story, relation, origin, detail == null ? "" : detail))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aDetailMayHoldNoTab() {
    assertThatThrownBy(
            () ->
                new GeneratedArticle(
                    ID, "T", "2019-03-04", "x", "s1", "NEAR_DUPLICATE", ORIGIN, "a\tb"))
        .hasMessage("detail must hold no tab or line break: a\tb");
  }
}
