package dev.retold.cli;

import dev.retold.RetoldSettings;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes the defaults of the options that mirror library settings from {@link
 * RetoldSettings#defaults()}, so the command line and the library can never disagree on a default.
 */
final class SettingsDefaults implements IDefaultValueProvider {
  private static final RetoldSettings DEFAULTS = RetoldSettings.defaults();

  private static final Map<String, String> BY_OPTION =
      Map.of(
          "--story-threshold", String.valueOf(DEFAULTS.stories().threshold()),
          "--story-cohesion", String.valueOf(DEFAULTS.stories().cohesion()),
          "--story-min-similarity", String.valueOf(DEFAULTS.stories().minSimilarity()),
          "--date-window", String.valueOf(DEFAULTS.stories().dateWindowDays()),
          "--near-duplicate", String.valueOf(DEFAULTS.copies().nearDuplicateJaccard()),
          "--derived", String.valueOf(DEFAULTS.copies().derivedContainment()),
          "--derived-min-shared", String.valueOf(DEFAULTS.copies().derivedMinShared()),
          "--shingle-size", String.valueOf(DEFAULTS.copies().shingleSize()),
          "--lsh-threshold", String.valueOf(DEFAULTS.copies().lshThreshold()));

  @Override
  public String defaultValue(ArgSpec argument) {
    if (argument instanceof OptionSpec option) {
      return BY_OPTION.get(option.longestName());
    }
    return null;
  }
}
