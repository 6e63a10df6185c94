package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pages of one WARC file scanned on its own ({@code retold scan crawl.warc.gz}) as an {@link
 * ArticleSource}: each article's id is its URI, its position its record's offset in the file; see
 * {@link WarcRecords} for what is read and what is listed. Every reading opens the file anew, so
 * reading again is safe from several threads and nothing stays open.
 */
final class WarcSource implements ArticleSource {
  private final Path file;
  private final String name;
  private final WarcRecords records;
  private final LoadListener listener;

  WarcSource(Path file, WarcRecords records, LoadListener listener) {
    this.file = file;
    this.name = file.getFileName().toString();
    this.records = records;
    this.listener = listener;
  }

  @Override
  public List<SkippedFile> read(Consumer<List<Located>> batches) throws IOException {
    List<SkippedFile> skipped = new ArrayList<>();
    List<List<Located>> batch = new ArrayList<>(List.of(new ArrayList<>()));
    records.read(
        file,
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
    ReadResult result = records.reread(file, "", position);
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

  @Override
  public void close() {}
}
