package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pages of one WARC file scanned on its own ({@code retold scan crawl.warc.gz}) as an {@link
 * ArticleSource}: each article's id is its URI, its position its record's offset in the file; see
 * {@link WarcRecords} for what is read and what is listed. Every reading opens the file anew, so
 * reading again is safe from several threads and nothing stays open.
 *
 * <p>A {@code .warc.gz} made as one gzip stream (say by {@code gzip crawl.warc}) rather than one
 * member per record is decompressed, the first time the source needs it, into a temporary copy
 * ({@link GzipCopy}) deleted on {@link #close()}; positions are then offsets in the copy, which
 * depend on the file's content alone.
 */
final class WarcSource implements ArticleSource {
  private final Path file;
  private final String name;
  private final WarcRecords records;
  private final LoadListener listener;
  private GzipCopy copy;
  private boolean decided;

  WarcSource(Path file, WarcRecords records, LoadListener listener) {
    this.file = file;
    this.name = file.getFileName().toString();
    this.records = records;
    this.listener = listener;
  }

  @Override
  public List<SkippedFile> read(Consumer<List<Located>> batches) throws IOException {
    List<SkippedFile> skipped = new ArrayList<>();
    Path data = data();
    if (copy != null && copy.problem() != null) {
      skipped.add(new SkippedFile(name + " (decompression)", copy.problem()));
    }
    List<List<Located>> batch = new ArrayList<>(List.of(new ArrayList<>()));
    records.read(
        data,
        name,
        "",
        new WarcRecords.Sink() {
          @Override
          public void article(Article article, long offset) {
            batch.get(0).add(new Located(article, offset));
            if (batch.get(0).size() == BATCH) {
              batches.accept(batch.get(0));
              batch.set(0, new ArrayList<>());
            }
          }

          @Override
          public void skipped(SkippedFile entry) {
            skipped.add(entry);
          }
        },
        done -> listener.fileDone(done, 0));
    if (!batch.get(0).isEmpty()) {
      batches.accept(batch.get(0));
    }
    return skipped;
  }

  @Override
  public Article reread(long position) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("no record at offset " + position);
    }
    ReadResult result = records.reread(data(), "", position);
    if (result instanceof ReadResult.Loaded loaded) {
      return loaded.article();
    }
    throw new IOException(
        file
            + " changed while it was scanned: the record at offset "
            + position
            + " is now "
            + ((ReadResult.Skipped) result).reason());
  }

  /** The file to read records from: the file itself, or its decompressed copy. */
  private synchronized Path data() throws IOException {
    if (!decided) {
      if (WarcRecords.isOneGzipStream(file)) {
        copy = GzipCopy.of(file);
      }
      decided = true;
    }
    return copy == null ? file : copy.copy();
  }

  @Override
  public synchronized void close() throws IOException {
    if (copy != null) {
      Files.deleteIfExists(copy.copy());
      copy = null;
      decided = false;
    }
  }
}
