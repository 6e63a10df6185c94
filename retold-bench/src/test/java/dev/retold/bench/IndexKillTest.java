package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.ArticleInfo;
import dev.retold.ScanResult;
import dev.retold.Story;
import dev.retold.StoryIndex;
import dev.retold.StoryMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story index survives {@code kill -9}: a child process adds articles one per commit, saying so
 * after each add returns; it is killed (SIGKILL) in the middle of a later add; the index then
 * reopens and holds every article acknowledged, each in exactly one story.
 */
class IndexKillTest {
  private static final int ACKNOWLEDGED_BEFORE_KILL = 25;

  @Test
  void everyAcknowledgedArticleSurvivesAKillInTheMiddleOfAnAdd(@TempDir Path temp)
      throws IOException, InterruptedException {
    Path folder = temp.resolve("index");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Adder.class.getName(),
                folder.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
        if (line.startsWith("added ")) {
          acknowledged.add(line.substring("added ".length()));
        }
      }
      Thread.sleep(30); // into the next add
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSize(ACKNOWLEDGED_BEFORE_KILL);

    try (StoryIndex index = StoryIndex.open(folder)) {
      ScanResult stories = index.stories();
      Set<String> held = new HashSet<>();
      for (ArticleInfo article : stories.articles()) {
        held.add(article.id());
      }
      assertThat(held).containsAll(acknowledged);
      Set<String> inStories = new HashSet<>();
      for (Story story : stories.stories()) {
        assertThat(inStories.add(story.canonical())).isTrue();
        for (StoryMember member : story.members()) {
          assertThat(inStories.add(member.id())).isTrue();
        }
      }
      assertThat(inStories).isEqualTo(held);
      // and it takes writes again: the lock a killed writer left is no obstacle
      String id = "after-the-kill";
      assertThat(index.add(List.of(Article.of(id, "A short note after the kill."))).articles())
          .hasSize(1);
    }
  }

  /** The child: adds generated articles one per call, printing each id once its add returned. */
  public static final class Adder {
    private Adder() {}

    public static void main(String[] args) throws IOException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      try (StoryIndex index = StoryIndex.open(Path.of(args[0]))) {
        for (GeneratedArticle generated :
            CorpusGenerator.builder().seed(5).articles(200).meanWords(150).build()) {
          Article article = Article.of(generated.id(), generated.text());
          index.add(List.of(article));
          out.println("added " + article.id());
        }
      }
    }
  }
}
