package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A folder of four: three retellings of one event in their own words, and an unrelated article.
 * With so few articles, corpus term statistics are weak: the shared words of the three are in most
 * of the folder, so plain IDF would weigh them near zero. The story stage must still see one story.
 */
class TinyFolderStoryTest {

  @Test
  void threeRetellingsAreOneStoryAndTheOtherStandsAlone() throws IOException {
    ScanResult result =
        Retold.withDefaults().scan(Path.of("src", "test", "resources", "story", "tiny"));
    Story fire = result.storyOf("a.txt").orElseThrow();
    assertThat(fire.size()).isEqualTo(3);
    assertThat(fire.members()).extracting(StoryMember::relation).containsOnly(Relation.SAME_STORY);
    assertThat(result.storyOf("b.txt")).contains(fire);
    assertThat(result.storyOf("c.txt")).contains(fire);
    assertThat(result.storyOf("d.txt").orElseThrow().size()).isEqualTo(1);
  }
}
