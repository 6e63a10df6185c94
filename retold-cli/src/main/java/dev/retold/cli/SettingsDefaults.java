package dev.retold.cli;

import dev.retold.RetoldSettings;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes the defaults of the options that mirror library settings from {@link RetoldSettings}, so the
 * command line and the library can never disagree on a default.
 */
final class SettingsDefaults implements IDefaultValueProvider {
  private static final RetoldSettings DEFAULTS = RetoldSettings.builder().settings();

  private static final Map<String, String> BY_OPTION =
      Map.of(
          "--story-threshold", String.valueOf(DEFAULTS.storyThreshold()),
          "--story-min-similarity", String.valueOf(DEFAULTS.storyMinSimilarity()),
          "--story-neighbours", String.valueOf(DEFAULTS.storyNeighbours()),
          "--date-window", String.valueOf(DEFAULTS.dateWindowDays()),
          "--near-duplicate", String.valueOf(DEFAULTS.nearDuplicateJaccard()),
          "--derived", String.valueOf(DEFAULTS.derivedContainment()),
          "--derived-min-shared", String.valueOf(DEFAULTS.derivedMinShared()),
          "--shingle-size", String.valueOf(DEFAULTS.shingleSize()),
          "--lsh-threshold", String.valueOf(DEFAULTS.lshThreshold()));

  @Override
  public String defaultValue(ArgSpec argument) {
    if (argument instanceof OptionSpec option) {
      return BY_OPTION.get(option.longestName());
    }
    return null;
  }
}
