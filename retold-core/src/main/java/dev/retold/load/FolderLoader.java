package dev.retold.load;

import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads every file under a folder as an {@link dev.retold.Article}, or says why it did not: the
 * face of three parts, the walk ({@link FolderWalk}), the detection of one file reached by two
 * paths ({@link SameFiles}), and the source that reads the files ({@link FolderSource}).
 *
 * <p>The contract: every entry the walk meets that it does not descend into ends up in exactly one
 * of {@link LoadResult#articles()} and {@link LoadResult#skipped()}, under its path relative to the
 * root with {@code /} separators. One bad file never ends the run; only a root that is missing, not
 * a folder or not readable throws. Output order does not depend on the file system: both lists are
 * sorted by path.
 *
 * <p>What is skipped, and why:
 *
 * <ul>
 *   <li>Hidden entries (name starting with {@code .}): a hidden file is listed as {@code "hidden
 *       file"}; a hidden folder (such as {@code .git}) is listed once, as {@code "hidden folder,
 *       not searched"}, and not entered, so that a repository's objects do not flood the list.
 *   <li>Files the {@link ArticleReader} refuses (empty, binary, an unsupported format such as PDF,
 *       too large, no text, a corrupt {@code .gz}...), files that cannot be read ({@code
 *       "unreadable: ..."}), and entries that are not regular files (pipes, sockets, devices; never
 *       opened, so a pipe cannot hang the run).
 *   <li>Symbolic links, when they are followed (the default): a link to a file is loaded under the
 *       link's path unless the same file is loaded under another path ({@code "same file as
 *       a.txt"}; the path not going through a link wins, then the first in path order). A link to a
 *       folder is searched unless that folder was already searched or contains the root (a loop);
 *       then the link itself is skipped with the reason. Real folders are searched before linked
 *       ones, and links in path order, so the result does not depend on listing order. Broken links
 *       are skipped. When links are not followed, each is skipped as {@code "symbolic link, not
 *       followed"}.
 * </ul>
 *
 * <p>A WARC file ({@code .warc}, {@code .warc.gz}) is not one article but many: it is expanded into
 * its pages, each under {@code path/crawl.warc.gz#URI}, and its other records are listed under
 * {@code path/crawl.warc.gz@OFFSET} or {@code path/crawl.warc.gz (KIND)} ({@link WarcRecords}), so
 * its path itself appears only if it cannot be read at all.
 *
 * <p>Immutable and thread-safe; {@link #load} may be called concurrently on different roots.
 */
public final class FolderLoader {
  private final ArticleReader reader;
  private final boolean followLinks;
  private final boolean followLinksOutside;
  private final LoadListener listener;
  private final int threads;

  private FolderLoader(Builder builder) {
    this.reader = new ArticleReader(builder.loading, builder.removePageChrome);
    this.followLinks = builder.loading.followLinks();
    this.followLinksOutside = builder.loading.followLinksOutside();
    this.listener = builder.listener;
    this.threads = builder.threads;
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A loader with all defaults. */
  public static FolderLoader withDefaults() {
    return builder().build();
  }

  /** The reader this loader uses for each file, for callers that load single files the same way. */
  public ArticleReader reader() {
    return reader;
  }

  /**
   * Loads every file under {@code root} into memory.
   *
   * @throws NoSuchFileException if {@code root} does not exist
   * @throws NotDirectoryException if {@code root} is not a folder
   * @throws AccessDeniedException if {@code root} cannot be read
   * @throws IOException if listing {@code root} itself fails
   */
  public LoadResult load(Path root) throws IOException {
    try (ArticleSource source = source(root)) {
      return LoadResult.readAll(source);
    }
  }

  /**
   * Every file under {@code root} as a source: listed now, read in path order in batches, and read
   * again one by one by position.
   *
   * @throws NoSuchFileException if {@code root} does not exist
   * @throws NotDirectoryException if {@code root} is not a folder
   * @throws AccessDeniedException if {@code root} cannot be read
   * @throws IOException if listing {@code root} itself fails
   */
  public ArticleSource source(Path root) throws IOException {
    Objects.requireNonNull(root, "root");
    if (!Files.exists(root)) {
      throw new NoSuchFileException(root.toString(), null, "folder to load does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new NotDirectoryException(root.toString());
    }
    if (!Files.isReadable(root)) {
      throw new AccessDeniedException(root.toString(), null, "folder to load is not readable");
    }
    List<FolderWalk.Entry> entries = new FolderWalk(followLinks, followLinksOutside).walk(root);
    return new FolderSource(entries, SameFiles.of(entries), reader, listener, threads);
  }

  /**
   * Settings for a {@link FolderLoader}. Defaults:
   *
   * <ul>
   *   <li>{@code loading}: {@link RetoldSettings#defaults()}'s, a 16 MiB limit; larger files are
   *       skipped without being read;
   *   <li>{@code removePageChrome}: {@code true}; see {@link ArticleReader};
   *   <li>{@code listener}: {@link LoadListener#NONE};
   *   <li>{@code threads}: one per processor.
   * </ul>
   *
   * <p>Not thread-safe; each {@link #build()} returns an independent loader.
   */
  public static final class Builder {
    private RetoldSettings.Loading loading = RetoldSettings.defaults().loading();
    private boolean removePageChrome = true;
    private LoadListener listener = LoadListener.NONE;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * The loading settings: the size limit and which symbolic links are followed, checked where the
     * settings were made.
     */
    public Builder loading(RetoldSettings.Loading value) {
      this.loading = Objects.requireNonNull(value, "loading");
      return this;
    }

    /** Whether page chrome and credits are taken out of article bodies. */
    public Builder removePageChrome(boolean remove) {
      this.removePageChrome = remove;
      return this;
    }

    /**
     * How many threads read files, at least 1 (default: one per processor); the result does not
     * depend on it.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Who to tell about progress: told after each file. */
    public Builder listener(LoadListener progress) {
      this.listener = Objects.requireNonNull(progress, "listener");
      return this;
    }

    /** The loader. */
    public FolderLoader build() {
      return new FolderLoader(this);
    }
  }
}
