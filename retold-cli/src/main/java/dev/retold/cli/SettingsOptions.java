package dev.retold.cli;

import dev.retold.CanonicalRule;
import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.RetoldSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every command that scans shares: they mirror {@link RetoldSettings}, whose defaults
 * they show (through {@link SettingsDefaults}), so the command line and the library agree.
 */
final class SettingsOptions {
  @Option(
      names = "--canonical",
      paramLabel = "RULE",
      defaultValue = "ORIGIN",
      description =
          "How a story picks its canonical article: origin (the one the others derive from),"
              + " earliest or longest (default: origin).")
  CanonicalRule canonicalRule;

  @Option(
      names = "--near-duplicate",
      paramLabel = "JACCARD",
      description = "Jaccard similarity from which a pair is NEAR_DUPLICATE (default: ${DEFAULT-VALUE}).")
  double nearDuplicateJaccard;

  @Option(
      names = "--derived",
      paramLabel = "CONTAINMENT",
      description = "Containment from which a pair is DERIVED (default: ${DEFAULT-VALUE}).")
  double derivedContainment;

  @Option(
      names = "--derived-min-shared",
      paramLabel = "N",
      description = "Shingles a DERIVED pair must share at least (default: ${DEFAULT-VALUE}).")
  int derivedMinShared;

  @Option(
      names = "--story-threshold",
      paramLabel = "SCORE",
      description =
          "Mean shared-neighbour story score at which groups of articles become one story"
              + " (default: ${DEFAULT-VALUE}). Calibrate with 'retold evaluate --sweep'.")
  double storyThreshold;

  @Option(
      names = "--story-min-similarity",
      paramLabel = "SCORE",
      description =
          "Story similarities below this never link two articles (default: ${DEFAULT-VALUE}).")
  double storyMinSimilarity;

  @Option(
      names = "--story-neighbours",
      paramLabel = "N",
      description = "Nearest neighbours per article for the story stage (default: ${DEFAULT-VALUE}).")
  int storyNeighbours;

  @Option(
      names = "--date-window",
      paramLabel = "DAYS",
      description =
          "Dated articles further apart than this weigh less towards one story"
              + " (default: ${DEFAULT-VALUE}).")
  int dateWindowDays;

  @Option(
      names = "--shingle-size",
      paramLabel = "WORDS",
      description = "Words per shingle (default: ${DEFAULT-VALUE}).")
  int shingleSize;

  @Option(
      names = "--lsh-threshold",
      paramLabel = "JACCARD",
      description = "Jaccard similarity the LSH bands are tuned for (default: ${DEFAULT-VALUE}).")
  double lshThreshold;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to use (default: one per processor). The output does not depend on it.")
  Integer threads;

  /**
   * A Retold with these settings.
   *
   * @throws CommandLine.ParameterException (bad usage) if a setting is out of range
   */
  Retold retold(CommandLine commandLine, ProgressListener progress) {
    RetoldSettings.Builder builder =
        Retold.builder()
            .canonicalRule(canonicalRule)
            .nearDuplicateJaccard(nearDuplicateJaccard)
            .derivedContainment(derivedContainment)
            .derivedMinShared(derivedMinShared)
            .shingleSize(shingleSize)
            .lshThreshold(lshThreshold)
            .storyThreshold(storyThreshold)
            .storyMinSimilarity(storyMinSimilarity)
            .storyNeighbours(storyNeighbours)
            .dateWindowDays(dateWindowDays)
            .progress(progress);
    if (threads != null) {
      builder.threads(threads);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException invalid) {
      throw new CommandLine.ParameterException(commandLine, invalid.getMessage());
    }
  }
}
