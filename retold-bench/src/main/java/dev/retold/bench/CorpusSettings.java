package dev.retold.bench;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Every setting of a {@link CorpusGenerator}, checked. Built by {@link CorpusGenerator.Builder},
 * whose Javadoc lists the defaults and what each setting means.
 */
record CorpusSettings(
    long seed,
    long articles,
    int meanWords,
    double singletonShare,
    int minStorySize,
    int maxStorySize,
    double nearDuplicateWeight,
    double derivedWeight,
    double sameStoryWeight,
    double minEditRate,
    double maxEditRate,
    LocalDate firstDate,
    int dateSpanDays,
    int mixingWindow) {
  /** The largest story allowed. */
  static final int MAX_STORY_SIZE = 1000;

  /** Checks every setting; the message names the setting and the value refused. */
  CorpusSettings {
    if (articles < 1) {
      throw new IllegalArgumentException("articles must be > 0: " + articles);
    }
    if (meanWords < TextComposer.MIN_SENTENCE_WORDS || meanWords > 1_000_000) {
      throw new IllegalArgumentException(
          "meanWords must be in [" + TextComposer.MIN_SENTENCE_WORDS + ", 1000000]: " + meanWords);
    }
    fraction("singletonShare", singletonShare);
    if (minStorySize < 2) {
      throw new IllegalArgumentException("minStorySize must be >= 2: " + minStorySize);
    }
    if (maxStorySize < minStorySize || maxStorySize > MAX_STORY_SIZE) {
      throw new IllegalArgumentException(
          "maxStorySize must be in [minStorySize, "
              + MAX_STORY_SIZE
              + "]: "
              + maxStorySize
              + " with minStorySize "
              + minStorySize);
    }
    weight("nearDuplicateWeight", nearDuplicateWeight);
    weight("derivedWeight", derivedWeight);
    weight("sameStoryWeight", sameStoryWeight);
    if (nearDuplicateWeight + derivedWeight + sameStoryWeight <= 0) {
      throw new IllegalArgumentException(
          "at least one of nearDuplicateWeight, derivedWeight, sameStoryWeight must be > 0: "
              + nearDuplicateWeight
              + ", "
              + derivedWeight
              + ", "
              + sameStoryWeight);
    }
    if (!(minEditRate > 0 && minEditRate <= 0.5)) {
      throw new IllegalArgumentException("minEditRate must be in (0, 0.5]: " + minEditRate);
    }
    if (!(maxEditRate >= minEditRate && maxEditRate <= 0.5)) {
      throw new IllegalArgumentException(
          "maxEditRate must be in [minEditRate, 0.5]: "
              + maxEditRate
              + " with minEditRate "
              + minEditRate);
    }
    Objects.requireNonNull(firstDate, "firstDate");
    if (dateSpanDays < 1) {
      throw new IllegalArgumentException("dateSpanDays must be > 0: " + dateSpanDays);
    }
    if (firstDate.getYear() < 1000 || firstDate.plusDays(dateSpanDays + 30L).getYear() > 9999) {
      throw new IllegalArgumentException(
          "dates must stay within years 1000-9999: " + firstDate + " + " + dateSpanDays + " days");
    }
    if (mixingWindow < 1) {
      throw new IllegalArgumentException("mixingWindow must be > 0: " + mixingWindow);
    }
  }

  /**
   * The chance that a new unit is an unrelated singleton rather than a story, such that the
   * singletons' share of articles is {@link #singletonShare} when stories have their mean size.
   */
  double singletonChance() {
    double meanStory = (minStorySize + maxStorySize) / 2.0;
    double share = singletonShare;
    return share * meanStory / (1 - share + share * meanStory);
  }

  private static void fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }

  private static void weight(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
    }
  }
}
