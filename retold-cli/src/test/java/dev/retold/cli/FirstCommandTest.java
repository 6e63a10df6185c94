package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.TextEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code retold scan testdata/seeds}, as the command line runs it (the
 * bundled semantic signal on): its output is the golden file, and the README shows it exactly.
 * After a deliberate change, rewrite the golden file with {@code -Dretold.updateGolden=true}.
 */
class FirstCommandTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "seeds.text");

  @Test
  void theSemanticSignalIsInstalled() {
    assertThat(TextEmbedder.installed()).isPresent();
  }

  @Test
  void printsTheGoldenFile() throws IOException {
    CliRun run = CliRun.of("scan", Path.of("..", "testdata", "seeds").toString());
    assertThat(run.exitCode()).isZero();
    if (Boolean.getBoolean("retold.updateGolden")) {
      Files.writeString(GOLDEN, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(run.out()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeShowsWhatItPrints() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme)
        .contains("```\n" + Files.readString(GOLDEN, StandardCharsets.UTF_8) + "```\n");
  }
}
