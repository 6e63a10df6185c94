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
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The files of one folder as an {@link ArticleSource}: listed once, when the source is made; read
 * in path order, a few hundred files at a time in parallel; read again by position, which is the
 * entry's index in the listing, so reading again needs nothing remembered from the first reading.
 *
 * <p>A WARC file in the folder ({@link WarcRecords}) gives its pages, each an article with the id
 * {@code path/crawl.warc.gz#URI}, and its skipped records under {@code path/crawl.warc.gz@OFFSET}
 * or {@code path/crawl.warc.gz (KIND)}. A page's position holds both the file's index and the
 * record's offset: bit 62 set, the index in bits 40 to 61, the offset in bits 0 to 39; so WARC
 * files are expanded among a folder's first 4,194,304 entries only, and their records up to a 1 TiB
 * offset (past that, scan the WARC file on its own).
 */
final class FolderSource implements SlicedSource {
  /** Files read together in parallel: enough to share out, few enough to hold. */
  private static final int FILES_AT_ONCE = 256;

  /** Marks a position as a WARC record's rather than a file's. */
  private static final long WARC_RECORD = 1L << 62;

  private static final int OFFSET_BITS = 40;

  /** The last entry index whose WARC records a position can hold. */
  private static final int MAX_WARC_ENTRY = (1 << 22) - 1;

  private final List<FolderWalk.Entry> entries;
  private final Map<String, String> duplicateOf;
  private final FileToArticle reader;
  private final LoadListener listener;
  private final int threads;
  private final WarcRecords warc;

  /**
   * Reads one file as an article: {@link ArticleReader#read(Path, String)}, or a test's stand-in.
   */
  @FunctionalInterface
  interface FileToArticle {
    ReadResult read(Path file, String id) throws IOException;
  }

  /** The files of {@code entries}, each read by {@code reader}, WARC files record by record. */
  FolderSource(
      List<FolderWalk.Entry> entries,
      Map<String, String> duplicateOf,
      ArticleReader reader,
      LoadListener listener,
      int threads) {
    this(entries, duplicateOf, reader::read, new WarcRecords(reader, threads), listener, threads);
  }

  /** As above, with each file but WARC files read by {@code files} (a test's stand-in). */
  FolderSource(
      List<FolderWalk.Entry> entries,
      Map<String, String> duplicateOf,
      FileToArticle files,
      WarcRecords warc,
      LoadListener listener,
      int threads) {
    this.entries = List.copyOf(entries);
    this.duplicateOf = Map.copyOf(duplicateOf);
    this.reader = files;
    this.listener = listener;
    this.threads = threads;
    this.warc = warc;
  }

  @Override
  public List<SkippedFile> read(Consumer<List<Located>> batches) {
    List<SkippedFile> skipped = new ArrayList<>();
    List<Located> batch = new ArrayList<>();
    for (int slice = 0; slice < slices(); slice++) {
      batch = readSlice(slice, batch, batches, skipped);
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

  /** One slice is the files read together in parallel. */
  @Override
  public int slices() {
    return (entries.size() + FILES_AT_ONCE - 1) / FILES_AT_ONCE;
  }

  @Override
  public List<SkippedFile> read(int slice, Consumer<List<Located>> batches) {
    Objects.checkIndex(slice, slices());
    List<SkippedFile> skipped = new ArrayList<>();
    List<Located> batch = readSlice(slice, new ArrayList<>(), batches, skipped);
    if (!batch.isEmpty()) {
      batches.accept(batch);
    }
    return skipped;
  }

  /**
   * Reads the files of {@code slice} into {@code batch}, handing full batches of WARC pages on;
   * returns the batch to go on filling.
   */
  private List<Located> readSlice(
      int slice, List<Located> batch, Consumer<List<Located>> batches, List<SkippedFile> skipped) {
    int first = slice * FILES_AT_ONCE;
    int count = Math.min(entries.size(), first + FILES_AT_ONCE) - first;
    ReadResult[] results = new ReadResult[count];
    ParallelTasks.run(
        threads,
        count,
        () -> null,
        (i, none) -> results[i] = isWarc(first + i) ? null : readOrSkip(entries.get(first + i)));
    for (int i = 0; i < count; i++) {
      FolderWalk.Entry entry = entries.get(first + i);
      if (results[i] == null) {
        batch = readWarc(first + i, batch, batches, skipped);
      } else if (results[i] instanceof ReadResult.Loaded loaded) {
        batch.add(new Located(loaded.article(), first + i));
      } else {
        skipped.add(new SkippedFile(entry.path(), ((ReadResult.Skipped) results[i]).reason()));
      }
      listener.fileDone(first + i + 1, entries.size());
    }
    return batch;
  }

  /** Whether entry {@code index} is a WARC file to expand (not skipped already). */
  private boolean isWarc(int index) {
    FolderWalk.Entry entry = entries.get(index);
    return entry.skipReason() == null
        && !duplicateOf.containsKey(entry.path())
        && WarcRecords.isWarc(entry.path());
  }

  /**
   * Reads the pages of the WARC file at entry {@code index} into {@code batch}, handing full
   * batches on; returns the batch to go on filling.
   */
  private List<Located> readWarc(
      int index, List<Located> batch, Consumer<List<Located>> batches, List<SkippedFile> skipped) {
    FolderWalk.Entry entry = entries.get(index);
    if (index > MAX_WARC_ENTRY) {
      skipped.add(
          new SkippedFile(
              entry.path(),
              "a WARC file past the first " + (MAX_WARC_ENTRY + 1) + " files: scan it on its own"));
      return batch;
    }
    String notRegular;
    try {
      notRegular = regularFileProblem(entry);
    } catch (IOException problem) {
      notRegular = "unreadable: " + FolderWalk.describe(problem);
    }
    if (notRegular != null) {
      skipped.add(new SkippedFile(entry.path(), notRegular));
      return batch;
    }
    List<List<Located>> filling = new ArrayList<>(List.of(batch));
    WarcRecords.Sink sink =
        new WarcRecords.Sink() {
          @Override
          public void article(Article article, long offset) {
            if (offset >= 1L << OFFSET_BITS) {
              skipped.add(
                  new SkippedFile(
                      entry.path() + "@" + offset,
                      "a record past 1 TiB into the file: scan the WARC file on its own"));
              return;
            }
            filling.get(0).add(new Located(article, warcPosition(index, offset)));
            if (filling.get(0).size() >= BATCH) {
              batches.accept(filling.get(0));
              filling.set(0, new ArrayList<>());
            }
          }

          @Override
          public void skipped(SkippedFile file) {
            skipped.add(file);
          }
        };
    try {
      warc.read(entry.file(), entry.path(), entry.path() + "#", sink, records -> {});
    } catch (IOException problem) {
      skipped.add(new SkippedFile(entry.path(), "unreadable: " + FolderWalk.describe(problem)));
    } catch (RuntimeException bug) {
      skipped.add(new SkippedFile(entry.path(), "failed to read: " + bug));
    }
    return filling.get(0);
  }

  private static long warcPosition(int index, long offset) {
    return WARC_RECORD | (long) index << OFFSET_BITS | offset;
  }

  @Override
  public Article reread(long position) throws IOException {
    if ((position & WARC_RECORD) != 0 && position > 0) {
      return rereadWarc(position);
    }
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

  private Article rereadWarc(long position) throws IOException {
    int index = (int) ((position & ~WARC_RECORD) >>> OFFSET_BITS);
    long offset = position & ((1L << OFFSET_BITS) - 1);
    if (index >= entries.size() || !isWarc(index)) {
      throw new IllegalArgumentException("no WARC record at position " + position);
    }
    FolderWalk.Entry entry = entries.get(index);
    ReadResult result = warc.reread(entry.file(), entry.path() + "#", offset);
    if (result instanceof ReadResult.Loaded loaded) {
      return loaded.article();
    }
    throw new IOException(
        entry.path()
            + " changed while it was scanned: the record at offset "
            + offset
            + " is now "
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
      String notRegular = regularFileProblem(entry);
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

  /**
   * Why the entry is not a regular file right now, or {@code null} if it is: checked right before
   * it is opened, following a link only if the entry is a followed link.
   */
  private static String regularFileProblem(FolderWalk.Entry entry) throws IOException {
    return entry.link()
        ? FileKind.checkRegular(entry.file())
        : FileKind.checkRegular(entry.file(), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public void close() {}
}
