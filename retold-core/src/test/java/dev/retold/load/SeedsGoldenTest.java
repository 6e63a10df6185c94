package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link FolderLoader} makes of the seed articles, so that a change to any loading rule
 * shows up as a diff of the golden file. To accept a deliberate change, run the test once with
 * {@code -Dretold.updateGolden=true} and review the diff.
 */
class SeedsGoldenTest {
  private static final Path GOLDEN =
      Path.of("src", "test", "resources", "load", "seeds.golden.txt");

  @Test
  void seedsMatchTheGoldenFile() throws IOException, NoSuchAlgorithmException {
    LoadResult result = FolderLoader.withDefaults().load(ArticleReaderTest.SEEDS);
    StringBuilder out = new StringBuilder();
    for (Article article : result.articles()) {
      out.append("== ").append(article.id()).append('\n');
      out.append("title: ").append(article.title()).append('\n');
      out.append("date: ").append(article.date()).append('\n');
      article
          .metadata()
          .forEach((k, v) -> out.append("meta ").append(k).append(": \"").append(v).append("\"\n"));
      article.removedLines().forEach(line -> out.append("removed: ").append(line).append('\n'));
      String body = article.body();
      out.append("body: ")
          .append(body.length())
          .append(" chars, ")
          .append(body.lines().count())
          .append(" lines, sha256 ")
          .append(sha256(body))
          .append('\n');
    }
    result.skipped().forEach(file -> out.append("skipped ").append(file).append('\n'));
    if (Boolean.getBoolean("retold.updateGolden")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, out);
    }
    assertThat(out.toString()).isEqualTo(Files.readString(GOLDEN));
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }
}
