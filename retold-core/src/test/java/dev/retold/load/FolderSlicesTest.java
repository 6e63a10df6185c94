package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder read slice by slice hands out what one reading does, at the same positions. */
class FolderSlicesTest {
  @TempDir Path root;

  @Test
  void theSlicesInOrderAreTheWholeReading() throws IOException {
    for (int i = 0; i < 600; i++) {
      String name = String.format("f%04d.txt", i);
      String text = i % 97 == 5 ? "" : "Article " + i + " about the harbour and the bridge.";
      Files.writeString(root.resolve(name), text);
    }
    try (WarcFixtures.Writer warc = new WarcFixtures.Writer(root.resolve("f0300.warc.gz"), true)) {
      warc.response("http://news.example/1", 200, "text/plain", "First page about the harbour.")
          .response("http://news.example/2", 200, "text/plain", "Second page about the bridge.");
    }
    try (ArticleSource source = FolderLoader.builder().threads(2).build().source(root)) {
      SlicedSource sliced = (SlicedSource) source;
      List<ArticleSource.Located> whole = new ArrayList<>();
      List<SkippedFile> wholeSkipped = source.read(whole::addAll);
      List<ArticleSource.Located> slices = new ArrayList<>();
      List<SkippedFile> slicesSkipped = new ArrayList<>();
      for (int slice = 0; slice < sliced.slices(); slice++) {
        slicesSkipped.addAll(sliced.read(slice, slices::addAll));
      }

      assertThat(sliced.slices()).isEqualTo(3);
      assertThat(whole).hasSize(601 - 7 + 1);
      assertThat(slices).isEqualTo(whole);
      assertThat(slicesSkipped).isEqualTo(wholeSkipped).hasSize(7);
      assertThatThrownBy(() -> sliced.read(3, batch -> {}))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }
}
