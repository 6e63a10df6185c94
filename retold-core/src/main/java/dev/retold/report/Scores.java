package dev.retold.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounds scores the same way in every format and command: four decimals, half-even. */
public final class Scores {
  private Scores() {}

  /** {@code value} rounded half-even to four decimals, without trailing zeros. */
  public static BigDecimal round(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.scale() < 1 ? rounded.setScale(1, RoundingMode.UNNECESSARY) : stripped;
  }
}
