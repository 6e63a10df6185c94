package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A library refusal names the setting; the command line names the option the user typed. */
class SettingsOptionsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "storyThreshold must be in (0, 1]: 2.0|--story-threshold must be in (0, 1]: 2.0",
        "derivedContainment must be <= nearDuplicateJaccard: 0.8 > 0.7"
            + "|--derived must be <= --near-duplicate: 0.8 > 0.7",
        "threads must be > 0: 0|--threads must be > 0: 0",
        "maxPassages must be > 0: 0|maxPassages must be > 0: 0"
      })
  void namesTheOptionOfTheSettingRefused(String library, String commandLine) {
    assertThat(SettingsOptions.optionMessage(library)).isEqualTo(commandLine);
  }
}
