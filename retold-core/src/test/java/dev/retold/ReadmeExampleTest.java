package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiles and runs the README's library example, and checks the README shows exactly this code, so
 * the two cannot drift apart.
 */
class ReadmeExampleTest {

  // README-BEGIN
  static String example(Path folder) throws IOException {
    Retold retold = Retold.builder().canonicalRule(CanonicalRule.ORIGIN).build();
    ScanResult result = retold.scan(folder);
    StringBuilder out = new StringBuilder();
    for (Story story : result.stories()) {
      if (story.size() > 1) {
        out.append(story.canonical()).append('\n');
        for (StoryMember member : story.members()) {
          out.append("  ").append(member.relation()).append(' ').append(member.id()).append('\n');
        }
      }
    }
    // Articles you already have in memory work the same way:
    ScanResult inMemory =
        retold.scan(
            List.of(
                Article.of("a", "The quick brown fox jumps over the lazy dog by the river bank."),
                Article.of("b", "The quick brown fox jumps over the lazy dog by the river bank.")));
    out.append(inMemory.copyGroups().get(0).relation()).append('\n'); // DUPLICATE
    return out.toString();
  }

  // README-END

  @Test
  void theExampleRuns() throws IOException {
    String out = example(Path.of("..", "testdata", "seeds"));
    assertThat(out).startsWith("003_6669a427d399b261.txt\n").endsWith("DUPLICATE\n");
  }

  @Test
  void theReadmeShowsThisCode() throws IOException {
    String source =
        Files.readString(
            Path.of("src", "test", "java", "dev", "retold", "ReadmeExampleTest.java"),
            StandardCharsets.UTF_8);
    String snippet =
        source.substring(
            source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
            source.indexOf("  // README-END"));
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(snippet.stripTrailing().stripIndent().strip());
  }
}
