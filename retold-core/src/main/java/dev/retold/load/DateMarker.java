package dev.retold.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date written at the very start of a plain-text article, as some scrapers do: {@code
 * date 2026-01-06}, alone on its line or opening the first paragraph.
 *
 * <p>The marker is the word {@code date} (any case, optionally followed by a colon), white space,
 * and an ISO date {@code YYYY-MM-DD} that exists in the calendar, followed by white space or the
 * end of the line. Leading white space is allowed. "dated 2026-01-06", "date 2026-1-6", "date
 * 2026-02-30" and "date 2026-01-06," are not markers and stay in the text.
 *
 * @param date the date the marker gives
 * @param length how many characters, from the start of the line, the marker and the white space
 *     around it take; the rest of the line is article text
 */
record DateMarker(LocalDate date, int length) {
  private static final Pattern MARKER =
      Pattern.compile(
          "[\\h\\uFEFF]*date:?\\h+(\\d{4})-(\\d{2})-(\\d{2})(?:\\h+|$)", Pattern.CASE_INSENSITIVE);

  /** Checks the fields. */
  DateMarker {
    if (date == null) {
      throw new IllegalArgumentException("date must not be null");
    }
    if (length <= 0) {
      throw new IllegalArgumentException("length must be > 0: " + length);
    }
  }

  /**
   * The marker at the start of {@code line} (one line, without its line break), if there is one.
   */
  static Optional<DateMarker> find(CharSequence line) {
    Matcher matcher = MARKER.matcher(line);
    if (!matcher.lookingAt()) {
      return Optional.empty();
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(matcher.group(1)),
              Integer.parseInt(matcher.group(2)),
              Integer.parseInt(matcher.group(3)));
      return Optional.of(new DateMarker(date, matcher.end()));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }
}
