package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under {@code src/test/resources/golden}. Run the tests with
 * {@code -Dretold.updateGolden=true} to write the files anew after a deliberate change, then review
 * the diff before committing it.
 */
public final class GoldenFiles {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it if asked. */
  public static void assertMatches(String name, String actual) throws IOException {
    Path golden = ROOT.resolve(name);
    if (Boolean.getBoolean("retold.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file %s (write it with -Dretold.updateGolden=true)", golden)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
