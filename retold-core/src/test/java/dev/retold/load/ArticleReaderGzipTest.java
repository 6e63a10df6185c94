package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArticleReader} on {@code .gz} files: decompressed, bounded, and corrupt ones named. */
class ArticleReaderGzipTest {
  @TempDir Path temp;

  private final ArticleReader reader = new ArticleReader(Limits.maxFileBytes(1000), true);

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(String content) throws IOException {
    return gzip(content.getBytes(StandardCharsets.UTF_8));
  }

  private ReadResult read(String name, byte[] bytes) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, bytes);
    return reader.read(file, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"story.txt.gz", "story.md.gz", "story.html.gz", "STORY.TXT.GZ"})
  void aGzipFileReadsAsItsContentUnderItsOwnName(String name) throws IOException {
    ReadResult result = read(name, gzip("Ministers met on Tuesday.\n\nThey agreed on a plan.\n"));
    assertThat(result).isInstanceOf(ReadResult.Loaded.class);
    Article article = ((ReadResult.Loaded) result).article();
    assertThat(article.id()).isEqualTo(name);
    assertThat(article.body()).isEqualTo("Ministers met on Tuesday.\n\nThey agreed on a plan.");
  }

  @Test
  void concatenatedMembersReadAsOneText() throws IOException {
    byte[] both = TextDecoderTest.concat(gzip("First part, "), gzip("second part."));
    ReadResult result = read("two.txt.gz", both);
    assertThat(((ReadResult.Loaded) result).article().body()).isEqualTo("First part, second part.");
  }

  @Test
  void aBombIsSkippedWithoutBeingInflatedPastTheLimit() throws IOException {
    // 10 MB of one letter compresses to a few kB; its tail is then broken: had the reader inflated
    // past the limit it would meet the damage and call the file corrupt, not too large.
    byte[] bomb = gzip("a".repeat(10_000_000));
    Arrays.fill(bomb, bomb.length / 2, bomb.length, (byte) 0xFF);
    assertThat(read("bomb.txt.gz", bomb))
        .isEqualTo(new ReadResult.Skipped("too large (decompressed over limit 1000 bytes)"));
  }

  @Test
  void exactlyAtTheLimitIsRead() throws IOException {
    assertThat(read("full.txt.gz", gzip("b".repeat(1000)))).isInstanceOf(ReadResult.Loaded.class);
    assertThat(read("over.txt.gz", gzip("b".repeat(1001))))
        .isEqualTo(new ReadResult.Skipped("too large (decompressed over limit 1000 bytes)"));
  }

  @Test
  void corruptGzipIsSkippedWithTheReason() throws IOException {
    byte[] good = gzip("A short article that will be cut.");
    assertThat(read("cut.txt.gz", Arrays.copyOf(good, good.length - 12)))
        .isEqualTo(new ReadResult.Skipped("corrupt gzip: cut short"));
    assertThat(read("plain.txt.gz", "not compressed at all".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new ReadResult.Skipped("corrupt gzip: Not in GZIP format"));
    byte[] badCrc = good.clone();
    badCrc[badCrc.length - 8] ^= 0x01;
    assertThat(read("crc.txt.gz", badCrc))
        .isEqualTo(new ReadResult.Skipped("corrupt gzip: Corrupt GZIP trailer"));
  }

  @Test
  void whatIsInsideIsJudgedLikeAnyFile() throws IOException {
    assertThat(read("empty.txt.gz", new byte[0])).isEqualTo(new ReadResult.Skipped("empty file"));
    assertThat(read("nothing.txt.gz", gzip(""))).isEqualTo(new ReadResult.Skipped("empty file"));
    assertThat(read("paper.pdf.gz", gzip("%PDF-1.4\n...")))
        .isEqualTo(new ReadResult.Skipped("unsupported format: PDF"));
  }

  @Test
  void randomBytesNamedGzNeverThrow() throws IOException {
    java.util.Random random = new java.util.Random(20261204L);
    byte[] good = gzip("Some text to damage, long enough to have a few deflate codes in it.");
    for (int round = 0; round < 300; round++) {
      byte[] damaged = good.clone();
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      ReadResult result = read("r.txt.gz", damaged);
      assertThat(result).isNotNull();
    }
  }
}
