package dev.retold.cli;

import dev.retold.CanonicalRule;
import dev.retold.Retold;
import dev.retold.TextEmbedder;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every command that scans shares: they mirror settings of {@link Retold.Builder},
 * whose defaults they show (through {@link SettingsDefaults}), so the command line and the library
 * agree. The library checks the values; a refusal names the option, not the setting.
 */
final class SettingsOptions {
  /** The library setting each option sets, by option name: the messages name settings. */
  static final Map<String, String> OPTION_OF_SETTING =
      Map.of(
          "nearDuplicateJaccard", "--near-duplicate",
          "derivedContainment", "--derived",
          "derivedMinShared", "--derived-min-shared",
          "storyThreshold", "--story-threshold",
          "storyCohesion", "--story-cohesion",
          "storyMinSimilarity", "--story-min-similarity",
          "dateWindowDays", "--date-window",
          "shingleSize", "--shingle-size",
          "lshThreshold", "--lsh-threshold",
          "threads", "--threads");

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
      description =
          "Jaccard similarity from which a pair is NEAR_DUPLICATE (default: ${DEFAULT-VALUE}).")
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
          "Mean relative story score (above the background of the articles' neighbourhoods) at"
              + " which groups of articles become one story (default: ${DEFAULT-VALUE})."
              + " Calibrate with 'retold evaluate --sweep'.")
  double storyThreshold;

  @Option(
      names = "--story-cohesion",
      paramLabel = "RATIO",
      description =
          "Two grown groups become one story only if their mean relative cross score reaches"
              + " this share of the lesser of their own internal means: two events of one"
              + " storyline stay apart (0 turns it off; default: ${DEFAULT-VALUE}).")
  double storyCohesion;

  @Option(
      names = "--semantic",
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "Blend a sentence embedding of each article's lead into the story score: on (the"
              + " default, when the bundled model is installed) or off (lexical only, faster).")
  Semantic semantic;

  /** Whether to use the semantic signal. */
  enum Semantic {
    ON,
    OFF
  }

  @Option(
      names = "--story-min-similarity",
      paramLabel = "SCORE",
      description =
          "Story similarities below this never link two articles (default: ${DEFAULT-VALUE}).")
  double storyMinSimilarity;

  @Option(
      names = "--date-window",
      paramLabel = "DAYS",
      description =
          "Dated articles further apart than this never join one story, unless their wording"
              + " is copied (default: ${DEFAULT-VALUE}).")
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
      description =
          "Threads to use (default: one per processor). The output does not depend on it.")
  Integer threads;

  /**
   * A Retold with these settings.
   *
   * @throws CommandLine.ParameterException (bad usage) if a setting is out of range, naming its
   *     option
   */
  Retold retold(CommandLine commandLine) {
    return retold(commandLine, builder -> {});
  }

  /**
   * A Retold with these settings and those {@code more} sets (the options of one command).
   *
   * @throws CommandLine.ParameterException (bad usage) if a setting is out of range, naming its
   *     option
   */
  Retold retold(CommandLine commandLine, Consumer<Retold.Builder> more) {
    Retold.Builder builder =
        Retold.builder()
            .canonicalRule(canonicalRule)
            .nearDuplicateJaccard(nearDuplicateJaccard)
            .derivedContainment(derivedContainment)
            .derivedMinShared(derivedMinShared)
            .shingleSize(shingleSize)
            .lshThreshold(lshThreshold)
            .storyThreshold(storyThreshold)
            .storyCohesion(storyCohesion)
            .storyMinSimilarity(storyMinSimilarity)
            .dateWindowDays(dateWindowDays);
    if (semantic == Semantic.ON) {
      builder.embedder(TextEmbedder.installed().orElse(null));
    }
    if (threads != null) {
      builder.threads(threads);
    }
    more.accept(builder);
    try {
      return builder.build();
    } catch (IllegalArgumentException invalid) {
      throw new CommandLine.ParameterException(commandLine, optionMessage(invalid.getMessage()));
    }
  }

  /**
   * The library's message with the names of settings that have options replaced by the options:
   * {@code "storyThreshold must be in (0, 1]: 2.0"} becomes {@code "--story-threshold must be in
   * (0, 1]: 2.0"}.
   */
  static String optionMessage(String message) {
    String named = message;
    for (Map.Entry<String, String> setting : OPTION_OF_SETTING.entrySet()) {
      named = named.replaceAll("\\b" + setting.getKey() + "\\b", setting.getValue());
    }
    return named;
  }
}
