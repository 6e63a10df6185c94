package dev.retold.spark;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import dev.retold.load.JsonLinesLoader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The driver's copy of a scan of rows, to read articles again from: as the sketches come in, each
 * article's row is written as a line to a JSON Lines file on the driver's disk, and {@link #reread}
 * reads the line again by the row's index (the article's position). The rows' text thus crosses to
 * the driver once, and is held on disk, not in memory. Deleted on {@link #close}.
 *
 * <p>Written on one thread, then read on many: {@link #finish} ends the writing.
 */
final class RowSpill implements ArticleSource {
  private final Path file;
  private final OutputStream out;
  private final RetoldSettings settings;
  private long[] offsets = new long[1024];
  private long written;
  private ArticleSource lines;

  RowSpill(RetoldSettings settings) throws IOException {
    this.settings = settings;
    this.file = Files.createTempFile("retold-spark-rows-", ".jsonl");
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    Arrays.fill(offsets, -1);
  }

  /** Keeps the line of the article at {@code position} (its row's index). */
  void add(long position, byte[] line) {
    if (lines != null) {
      throw new IllegalStateException("the spill is finished");
    }
    if (position >= offsets.length) {
      int grown = (int) Math.max(position + 1, offsets.length * 2L);
      int from = offsets.length;
      offsets = Arrays.copyOf(offsets, grown);
      Arrays.fill(offsets, from, grown, -1);
    }
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException problem) {
      throw new UncheckedIOException("cannot write " + file, problem);
    }
    offsets[(int) position] = written;
    written += line.length + 1;
  }

  /** Ends the writing: from now on articles are read again. */
  void finish() throws IOException {
    if (lines == null) {
      out.close();
      lines = new JsonLinesLoader(settings.loading(), (done, total) -> {}, 1).source(file);
    }
  }

  @Override
  public List<SkippedFile> read(Consumer<List<Located>> batches) {
    throw new UnsupportedOperationException("rows are read by Spark's workers");
  }

  @Override
  public Article reread(long position) throws IOException {
    if (lines == null) {
      throw new IllegalStateException("the rows are still coming in");
    }
    if (position < 0 || position >= offsets.length || offsets[(int) position] < 0) {
      throw new IllegalArgumentException("no article at row index " + position);
    }
    return lines.reread(offsets[(int) position]);
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
      if (lines != null) {
        lines.close();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
