package dev.retold.load;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A publication date written as text, in the forms news files and metadata use, read as the
 * calendar date it names; or the reason it could not be read.
 *
 * <p>Read, in this order (all with {@link java.time} formatters, strictly, so "2025-02-30" is not a
 * date):
 *
 * <ul>
 *   <li>ISO 8601: a date ({@code 2025-03-14}), a date and time with or without seconds and
 *       fractions, {@code T} or a space between them ({@code 2025-03-14T09:30:00}), with a zone
 *       offset ({@code Z}, {@code +01:00}, {@code +0100}, also after a space as Jekyll writes it:
 *       {@code 2026-01-06 02:44:22 +0000}) or a region ({@code ...+01:00[Europe/Paris]});
 *   <li>RFC 1123 (mail and HTTP): {@code Fri, 14 Mar 2025 09:30:00 GMT};
 *   <li>day, month name, year: {@code 14 March 2025}, {@code 14 Mar 2025}; and month name, day,
 *       year: {@code March 14, 2025}, {@code Mar 14 2025} (English names, any letter case);
 *   <li>Unix epoch time: 9 to 10 digits as seconds, 12 to 13 as milliseconds, read in UTC.
 * </ul>
 *
 * <p>A time with an offset gives the date in that offset, the day as the publisher wrote it; it is
 * not moved to UTC. Anything else is a {@link #problem()} in words a person can act on.
 *
 * @param date the date, or {@code null} when the text is not one
 * @param problem why the text is not a date, or {@code null} when it is
 */
record DateText(LocalDate date, String problem) {
  private static final List<DateTimeFormatter> FORMS =
      List.of(
          iso('T', "+HH:mm"),
          iso('T', "+HHmm"),
          iso(' ', "+HH:mm"),
          iso(' ', "+HHmm"),
          DateTimeFormatter.RFC_1123_DATE_TIME,
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"),
          pattern("MMMM d, uuuu"),
          pattern("MMM d, uuuu"),
          pattern("MMMM d uuuu"),
          pattern("MMM d uuuu"),
          pattern("EEEE, d MMMM uuuu"),
          pattern("EEE, d MMM uuuu"));

  /** Checks exactly one of the two is present. */
  DateText {
    if ((date == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of date and problem must be given");
    }
  }

  /** {@code text} read as a date, or the reason it is not one. */
  static DateText parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    if (value.isEmpty()) {
      return new DateText(null, "empty date");
    }
    if (isDigits(value)) {
      return epoch(value);
    }
    for (DateTimeFormatter form : FORMS) {
      try {
        TemporalAccessor parsed = form.parse(value);
        return new DateText(LocalDate.from(parsed), null);
      } catch (DateTimeException notThisForm) {
        // try the next form
      }
    }
    return new DateText(null, "not a date: \"" + shorten(value) + "\"");
  }

  /** The date, or {@code null}: for callers with nowhere to report the problem. */
  static LocalDate orNull(String text) {
    return text == null ? null : parse(text).date();
  }

  private static DateText epoch(String digits) {
    Instant instant;
    if (digits.length() >= 9 && digits.length() <= 10) {
      instant = Instant.ofEpochSecond(Long.parseLong(digits));
    } else if (digits.length() >= 12 && digits.length() <= 13) {
      instant = Instant.ofEpochMilli(Long.parseLong(digits));
    } else {
      return new DateText(
          null,
          "not a date: \"" + shorten(digits) + "\" (epoch time has 9-10 digits, or 12-13 in ms)");
    }
    return new DateText(LocalDate.ofInstant(instant, ZoneOffset.UTC), null);
  }

  private static boolean isDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  /**
   * ISO date, optionally followed by {@code separator}, a time, an offset written as {@code offset}
   * (after a space or not) and a region.
   */
  private static DateTimeFormatter iso(char separator, String offset) {
    return new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart()
        .appendLiteral(separator)
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart()
        .appendLiteral(' ')
        .optionalEnd()
        .optionalStart()
        .appendOffset(offset, "Z")
        .optionalEnd()
        .optionalStart()
        .appendLiteral('[')
        .parseCaseSensitive()
        .appendZoneRegionId()
        .appendLiteral(']')
        .optionalEnd()
        .optionalEnd()
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
