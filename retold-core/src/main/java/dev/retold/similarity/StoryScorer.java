package dev.retold.similarity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The date rule of the story stage: two articles dated further apart than the window are not one
 * story, however alike they are, unless their wording is copied. A story happens within days or
 * weeks; a follow-up months later (the verdict of a trial, the anniversary of a disaster) is a new
 * event of the same storyline, and undated chains of such follow-ups are how unrelated months of
 * coverage end up in one story. Reports of one event often come weeks apart (a shooting, then its
 * arrest, then its charges), so the window is long.
 *
 * @param dateWindowDays dates at most this many days apart say nothing against a pair, >= 0
 * @param copiedCosine the lexical cosine from which the wording is copied, and dates do not count,
 *     in [0, 1]
 */
public record StoryScorer(int dateWindowDays, double copiedCosine) {

  /** Checks the settings. */
  public StoryScorer {
    if (dateWindowDays < 0) {
      throw new IllegalArgumentException("dateWindowDays must be >= 0: " + dateWindowDays);
    }
    if (!(copiedCosine >= 0.0 && copiedCosine <= 1.0)) {
      throw new IllegalArgumentException("copiedCosine must be in [0, 1]: " + copiedCosine);
    }
  }

  /** Whether both dates are known and lie further apart than the window. */
  public boolean farApart(LocalDate dateA, LocalDate dateB) {
    return dateA != null
        && dateB != null
        && Math.abs(ChronoUnit.DAYS.between(dateA, dateB)) > dateWindowDays;
  }

  /**
   * Whether the dates rule the pair out of one story: they lie far apart and the wording is not
   * copied.
   *
   * @param lexicalCosine the cosine of the two story vectors
   * @param dateA A's date, or null
   * @param dateB B's date, or null
   */
  public boolean apart(double lexicalCosine, LocalDate dateA, LocalDate dateB) {
    return lexicalCosine < copiedCosine && farApart(dateA, dateB);
  }
}
