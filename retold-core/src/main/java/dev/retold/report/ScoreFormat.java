package dev.retold.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every report writes a score, in every format and command: rounded half-even to four decimals,
 * without trailing zeros (but one decimal at least), so that {@code 0.52} in a text report is
 * {@code 0.52} in JSON.
 */
final class ScoreFormat {
  private ScoreFormat() {}

  /** {@code value} rounded half-even to four decimals, without trailing zeros: for JSON numbers. */
  static BigDecimal round(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.scale() < 1 ? rounded.setScale(1, RoundingMode.UNNECESSARY) : stripped;
  }

  /** {@code value} as {@link #round} rounds it, as text. */
  static String text(double value) {
    return round(value).toPlainString();
  }
}
