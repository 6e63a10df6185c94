package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import dev.retold.parallel.ParallelTasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files of one folder as an {@link ArticleSource}: listed once, when the source is made; read
 * in path order, a few hundred files at a time in parallel; read again by position, which is the
 * entry's index in the listing, so reading again needs nothing remembered from the first reading.
 */
final class FolderSource implements ArticleSource {
  /** Files read together in parallel: enough to share out, few enough to hold. */
  private static final int FILES_AT_ONCE = 256;

  private final List<FolderWalk.Entry> entries;
  private final Map<String, String> duplicateOf;
  private final ArticleReader reader;
  private final LoadListener listener;
  private final int threads;

  FolderSource(
      List<FolderWalk.Entry> entries,
      Map<String, String> duplicateOf,
      ArticleReader reader,
      LoadListener listener,
      int threads) {
    this.entries = List.copyOf(entries);
    this.duplicateOf = Map.copyOf(duplicateOf);
    this.reader = reader;
    this.listener = listener;
    this.threads = threads;
  }

  @Override
  public List<SkippedFile> read(Consumer<List<Located>> batches) {
    List<SkippedFile> skipped = new ArrayList<>();
    List<Located> batch = new ArrayList<>();
    int done = 0;
    for (int from = 0; from < entries.size(); from += FILES_AT_ONCE) {
      int first = from;
      int count = Math.min(entries.size(), from + FILES_AT_ONCE) - from;
      ReadResult[] results = new ReadResult[count];
      ParallelTasks.run(
          threads, count, () -> null, (i, none) -> results[i] = readOrSkip(entries.get(first + i)));
      for (int i = 0; i < count; i++) {
        FolderWalk.Entry entry = entries.get(first + i);
        if (results[i] instanceof ReadResult.Loaded loaded) {
          batch.add(new Located(loaded.article(), first + i));
        } else {
          skipped.add(new SkippedFile(entry.path(), ((ReadResult.Skipped) results[i]).reason()));
        }
        listener.fileDone(++done, entries.size());
      }
      if (batch.size() >= BATCH) {
        batches.accept(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      batches.accept(batch);
    }
    return skipped;
  }

  @Override
  public Article reread(long position) throws IOException {
    if (position < 0 || position >= entries.size()) {
      throw new IllegalArgumentException("no file at position " + position);
    }
    FolderWalk.Entry entry = entries.get((int) position);
    ReadResult result = readOrSkip(entry);
    if (result instanceof ReadResult.Loaded loaded) {
      return loaded.article();
    }
    throw new IOException(
        entry.path()
            + " changed while it was scanned: now "
            + ((ReadResult.Skipped) result).reason());
  }

  /** The entry's article, or the reason it is skipped; never throws. */
  private ReadResult readOrSkip(FolderWalk.Entry entry) {
    String reason = entry.skipReason();
    if (reason == null && duplicateOf.containsKey(entry.path())) {
      reason = "same file as " + duplicateOf.get(entry.path());
    }
    if (reason != null) {
      return new ReadResult.Skipped(reason);
    }
    try {
      return reader.read(entry.file(), entry.path());
    } catch (IOException problem) {
      return new ReadResult.Skipped("unreadable: " + FolderWalk.describe(problem));
    } catch (RuntimeException bug) {
      // A file that trips a bug is still one file: report it and carry on with the rest.
      return new ReadResult.Skipped("failed to read: " + bug);
    }
  }

  @Override
  public void close() {}
}
