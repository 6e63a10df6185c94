package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JSON Lines file read slice by slice, its repeated ids skipped in order as {@link
 * SlicedSource#repeated} names them, hands out what one reading does, at the same positions, and
 * skips the same lines with the same names and reasons.
 */
class JsonLinesSlicesTest {
  @TempDir Path root;

  /** Seeds of random files, each read in slices of several sizes. */
  static Stream<Arguments> files() {
    return Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("files")
  void theSlicesInOrderAreTheWholeReading(long seed) throws IOException {
    Path file = root.resolve("corpus.jsonl");
    Files.write(file, randomLines(new Random(seed), 120));
    for (long sliceBytes : new long[] {1, 13, 200, 1_000, 1 << 20}) {
      assertSlicesReadAsTheWhole(file, sliceBytes);
    }
  }

  @Test
  void aCompressedFileIsSlicedInItsDecompressedBytes() throws IOException {
    Path file = root.resolve("corpus.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(randomLines(new Random(42), 60));
    }
    assertSlicesReadAsTheWhole(file, 97);
  }

  @Test
  void anEmptyFileIsOneEmptySlice() throws IOException {
    Path file = Files.writeString(root.resolve("empty.jsonl"), "");
    try (SlicedSource source = loader().source(file, 10)) {
      assertThat(source.slices()).isEqualTo(1);
      List<ArticleSource.Located> read = new ArrayList<>();
      assertThat(source.read(0, read::addAll)).isEmpty();
      assertThat(read).isEmpty();
      assertThatThrownBy(() -> source.read(1, batch -> {}))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void aLineIsInTheSliceItStartsIn() throws IOException {
    String first = "{\"id\":\"a\",\"text\":\"The harbour opened.\"}\n";
    String second = "{\"id\":\"b\",\"text\":\"The bridge closed.\"}\n";
    Path file = Files.writeString(root.resolve("two.jsonl"), first + second);
    try (SlicedSource source = loader().source(file, first.length())) {
      assertThat(source.slices()).isEqualTo(2);
      List<ArticleSource.Located> slice0 = new ArrayList<>();
      List<ArticleSource.Located> slice1 = new ArrayList<>();
      source.read(0, slice0::addAll);
      source.read(1, slice1::addAll);
      assertThat(slice0).extracting(l -> l.article().id()).containsExactly("a");
      assertThat(slice1).extracting(l -> l.article().id()).containsExactly("b");
      assertThat(slice1.get(0).position()).isEqualTo(first.length());
      assertThat(source.repeated("a", 0, first.length()))
          .isEqualTo(new SkippedFile("two.jsonl:2", "id a already used on line 1"));
    }
  }

  private void assertSlicesReadAsTheWhole(Path file, long sliceBytes) throws IOException {
    try (SlicedSource source = loader().source(file, sliceBytes)) {
      List<ArticleSource.Located> whole = new ArrayList<>();
      List<SkippedFile> wholeSkipped = source.read(whole::addAll);

      List<ArticleSource.Located> sliced = new ArrayList<>();
      List<SkippedFile> slicedSkipped = new ArrayList<>();
      Map<String, Long> firstAt = new HashMap<>();
      for (int slice = 0; slice < source.slices(); slice++) {
        List<ArticleSource.Located> read = new ArrayList<>();
        slicedSkipped.addAll(source.read(slice, read::addAll));
        for (ArticleSource.Located located : read) {
          Long first = firstAt.putIfAbsent(located.article().id(), located.position());
          if (first == null) {
            sliced.add(located);
          } else {
            slicedSkipped.add(source.repeated(located.article().id(), first, located.position()));
          }
        }
      }

      assertThat(sliced).as("%d-byte slices", sliceBytes).isEqualTo(whole);
      assertThat(slicedSkipped)
          .as("%d-byte slices", sliceBytes)
          .containsExactlyInAnyOrderElementsOf(wholeSkipped);
      for (ArticleSource.Located located : whole) {
        assertThat(source.reread(located.position())).isEqualTo(located.article());
      }
    }
  }

  private static JsonLinesLoader loader() {
    return new JsonLinesLoader(Limits.maxFileBytes(400), LoadListener.NONE, 2);
  }

  /**
   * Lines of every kind a file holds: articles (some with a title or date, some ending in CRLF),
   * blank lines, lines that are not JSON or have no id, lines over the 400-byte limit, and ids used
   * before.
   */
  private static byte[] randomLines(Random random, int count) {
    StringBuilder out = new StringBuilder();
    List<String> ids = new ArrayList<>();
    String[] words = {"harbour", "bridge", "council", "vote", "storm", "mayor", "river", "école"};
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      String end = random.nextInt(4) == 0 ? "\r\n" : "\n";
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(30) + 1; w > 0; w--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      switch (kind) {
        case 0 -> out.append(random.nextBoolean() ? "" : "  \t").append(end);
        case 1 -> out.append("not json ").append(i).append(end);
        case 2 -> out.append("{\"text\":\"no id here\"}").append(end);
        case 3 ->
            out.append("{\"id\":\"long")
                .append(i)
                .append("\",\"text\":\"")
                .append("x".repeat(400))
                .append("\"}")
                .append(end);
        case 4 -> {
          String id = ids.isEmpty() ? "first" : ids.get(random.nextInt(ids.size()));
          out.append("{\"id\":\"")
              .append(id)
              .append("\",\"text\":\"again ")
              .append(text)
              .append("\"}")
              .append(end);
        }
        default -> {
          String id = "a" + i;
          ids.add(id);
          out.append("{\"id\":\"").append(id).append("\",");
          if (kind == 5) {
            out.append("\"title\":\"Title ").append(i).append("\",");
          }
          if (kind == 6) {
            out.append("\"date\":\"2026-01-").append(10 + i % 20).append("\",");
          }
          out.append("\"text\":\"").append(text).append("\"}").append(end);
        }
      }
    }
    if (random.nextBoolean()) { // a last line without its line break
      out.append("{\"id\":\"last\",\"text\":\"the end of the file\"}");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
