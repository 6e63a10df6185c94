package dev.retold.similarity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The story score of two articles: the cosine of their {@link StoryVector}s, lowered when both are
 * dated and the dates lie far apart (two reports a month apart are rarely about one event, however
 * alike their words: the second earthquake in a region, the next trial of the same man).
 *
 * @param dateWindowDays dates at most this many days apart do not count against a pair, >= 0
 * @param farApartFactor what the cosine is multiplied by when the dates lie further apart, in [0,
 *     1]
 */
public record StoryScorer(int dateWindowDays, double farApartFactor) {

  /** Checks the settings. */
  public StoryScorer {
    if (dateWindowDays < 0) {
      throw new IllegalArgumentException("dateWindowDays must be >= 0: " + dateWindowDays);
    }
    if (!(farApartFactor >= 0.0 && farApartFactor <= 1.0)) {
      throw new IllegalArgumentException("farApartFactor must be in [0, 1]: " + farApartFactor);
    }
  }

  /**
   * The score in [0, 1].
   *
   * @param dateA A's date, or null
   * @param dateB B's date, or null
   */
  public double score(StoryVector a, StoryVector b, LocalDate dateA, LocalDate dateB) {
    double cosine = a.cosine(b);
    if (dateA != null
        && dateB != null
        && Math.abs(ChronoUnit.DAYS.between(dateA, dateB)) > dateWindowDays) {
      return cosine * farApartFactor;
    }
    return cosine;
  }
}
