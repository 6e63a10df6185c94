package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import dev.retold.parallel.ParallelTasks;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
  private final FileToArticle reader;
  private final LoadListener listener;
  private final int threads;

  /**
   * Reads one file as an article: {@link ArticleReader#read(Path, String)}, or a test's stand-in.
   */
  @FunctionalInterface
  interface FileToArticle {
    ReadResult read(Path file, String id) throws IOException;
  }

  FolderSource(
      List<FolderWalk.Entry> entries,
      Map<String, String> duplicateOf,
      FileToArticle reader,
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

  /**
   * The entry's article, or the reason it is skipped; never throws for one file's sake.
   *
   * <p>Right before the file is opened its attributes are read again (not following a link unless
   * the entry is a followed link), and anything but a regular file is skipped unopened: a file
   * replaced by a FIFO since the walk would otherwise block the scan for good.
   *
   * <p>A {@link StackOverflowError} (a parser recursing on a deeply nested front matter, say) is
   * caught: it unwinds only this thread's stack, holds no lock and leaves nothing shared half-made,
   * so the file is skipped and the scan goes on. Other errors, {@link OutOfMemoryError} above all,
   * are not: memory is shared by every thread, and the run should end as out of memory (the command
   * line's exit code 3) rather than go on in an unknown state.
   */
  private ReadResult readOrSkip(FolderWalk.Entry entry) {
    String reason = entry.skipReason();
    if (reason == null && duplicateOf.containsKey(entry.path())) {
      reason = "same file as " + duplicateOf.get(entry.path());
    }
    if (reason != null) {
      return new ReadResult.Skipped(reason);
    }
    try {
      String notRegular =
          entry.link()
              ? FileKind.checkRegular(entry.file())
              : FileKind.checkRegular(entry.file(), LinkOption.NOFOLLOW_LINKS);
      if (notRegular != null) {
        return new ReadResult.Skipped(notRegular);
      }
      ReadResult result = reader.read(entry.file(), entry.path());
      return result instanceof ReadResult.Loaded loaded
          ? new ReadResult.Loaded(UnpairedSurrogates.replace(loaded.article()))
          : result;
    } catch (IOException problem) {
      return new ReadResult.Skipped("unreadable: " + FolderWalk.describe(problem));
    } catch (StackOverflowError deep) {
      return new ReadResult.Skipped("failed to read: stack overflow while parsing");
    } catch (RuntimeException bug) {
      // A file that trips a bug is still one file: report it and carry on with the rest.
      return new ReadResult.Skipped("failed to read: " + bug);
    }
  }

  @Override
  public void close() {}
}
