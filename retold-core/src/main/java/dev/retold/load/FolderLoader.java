package dev.retold.load;

import dev.retold.Article;
import dev.retold.SkippedFile;
import dev.retold.parallel.ParallelTasks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads every file under a folder as an {@link Article}, or says why it did not.
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
 *   <li>Files the {@link ArticleReader} refuses (empty, binary, too large, no text...), files that
 *       cannot be read ({@code "unreadable: ..."}), and entries that are not regular files (pipes,
 *       sockets, devices; never opened, so a pipe cannot hang the run).
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
 * <p>Immutable and thread-safe; {@link #load} may be called concurrently on different roots.
 */
public final class FolderLoader {
  private final ArticleReader reader;
  private final boolean followLinks;
  private final LoadListener listener;
  private final int threads;

  private FolderLoader(Builder builder) {
    this.reader = new ArticleReader(builder.maxFileBytes, builder.removePageChrome);
    this.followLinks = builder.followLinks;
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
   * Loads every file under {@code root}.
   *
   * @throws NoSuchFileException if {@code root} does not exist
   * @throws NotDirectoryException if {@code root} is not a folder
   * @throws AccessDeniedException if {@code root} cannot be read
   * @throws IOException if listing {@code root} itself fails
   */
  public LoadResult load(Path root) throws IOException {
    try (ArticleSource source = source(root)) {
      return source.readAll();
    }
  }

  /**
   * Every file under {@code root} as a source: listed now, read in path order in batches, and read
   * again one by one by path.
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
    List<Entry> entries = walk(root, root.toRealPath());
    entries.sort(Comparator.comparing(Entry::path));
    return new Source(entries, findDuplicates(entries));
  }

  /** The files of one folder, listed once; each loaded article remembered by its entry. */
  private final class Source implements ArticleSource {
    /** Files read together in parallel: enough to share out, few enough to hold. */
    private static final int FILES_AT_ONCE = 256;

    private final List<Entry> entries;
    private final Map<String, String> duplicateOf;
    private final List<Entry> loaded = new ArrayList<>();

    Source(List<Entry> entries, Map<String, String> duplicateOf) {
      this.entries = entries;
      this.duplicateOf = duplicateOf;
    }

    @Override
    public List<SkippedFile> read(Consumer<List<Article>> batches) {
      loaded.clear();
      List<SkippedFile> skipped = new ArrayList<>();
      List<Article> batch = new ArrayList<>();
      int done = 0;
      for (int from = 0; from < entries.size(); from += FILES_AT_ONCE) {
        List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + FILES_AT_ONCE));
        ReadResult[] results = new ReadResult[chunk.size()];
        ParallelTasks.run(
            threads, chunk.size(), () -> null, (i, none) -> results[i] = readOrSkip(chunk.get(i)));
        for (int i = 0; i < chunk.size(); i++) {
          if (results[i] instanceof ReadResult.Loaded article) {
            loaded.add(chunk.get(i));
            batch.add(article.article());
          } else {
            skipped.add(
                new SkippedFile(chunk.get(i).path(), ((ReadResult.Skipped) results[i]).reason()));
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

    /** The entry's article, or the reason it is skipped. */
    private ReadResult readOrSkip(Entry entry) {
      String reason = entry.skipReason();
      if (reason == null && duplicateOf.containsKey(entry.path())) {
        reason = "same file as " + duplicateOf.get(entry.path());
      }
      return reason != null ? new ReadResult.Skipped(reason) : FolderLoader.this.read(entry);
    }

    @Override
    public Article reread(int position) throws IOException {
      Entry entry = loaded.get(position);
      ReadResult result = FolderLoader.this.read(entry);
      if (result instanceof ReadResult.Loaded article) {
        return article.article();
      }
      throw new IOException(
          entry.path() + " changed while it was scanned: now "
              + ((ReadResult.Skipped) result).reason());
    }

    @Override
    public void close() {}
  }

  private List<Entry> walk(Path root, Path rootReal) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Set<Path> searched = new HashSet<>();
    searched.add(rootReal);
    Deque<Folder> folders = new ArrayDeque<>();
    PriorityQueue<Folder> links = new PriorityQueue<>(Comparator.comparing(Folder::path));
    folders.push(new Folder(root, "", false));
    while (true) {
      while (!folders.isEmpty()) {
        Folder folder = folders.pop();
        List<Path> children;
        try {
          children = list(folder.file());
        } catch (IOException problem) {
          if (folder.path().isEmpty()) {
            throw problem;
          }
          entries.add(Entry.skip(folder.path(), "unreadable folder: " + describe(problem)));
          continue;
        }
        for (Path child : children) {
          visit(folder, child, searched, folders, links, entries);
        }
      }
      Folder link = links.poll();
      if (link == null) {
        return entries;
      }
      followLink(link, rootReal, searched, folders, entries);
    }
  }

  private void visit(
      Folder folder,
      Path child,
      Set<Path> searched,
      Deque<Folder> folders,
      PriorityQueue<Folder> links,
      List<Entry> entries) {
    String name = child.getFileName().toString();
    String path = folder.path().isEmpty() ? name : folder.path() + "/" + name;
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException problem) {
      entries.add(Entry.skip(path, "unreadable: " + describe(problem)));
      return;
    }
    if (name.startsWith(".")) {
      entries.add(
          Entry.skip(
              path, attributes.isDirectory() ? "hidden folder, not searched" : "hidden file"));
    } else if (attributes.isSymbolicLink()) {
      if (followLinks) {
        links.add(new Folder(child, path, true));
      } else {
        entries.add(Entry.skip(path, "symbolic link, not followed"));
      }
    } else if (attributes.isDirectory()) {
      try {
        if (searched.add(child.toRealPath())) {
          folders.push(new Folder(child, path, folder.viaLink()));
        } else {
          entries.add(Entry.skip(path, "folder already searched"));
        }
      } catch (IOException problem) {
        entries.add(Entry.skip(path, "unreadable folder: " + describe(problem)));
      }
    } else if (attributes.isRegularFile()) {
      entries.add(new Entry(path, child, folder.viaLink(), null));
    } else {
      entries.add(Entry.skip(path, "not a regular file"));
    }
  }

  private static void followLink(
      Folder link, Path rootReal, Set<Path> searched, Deque<Folder> folders, List<Entry> entries) {
    Path target;
    BasicFileAttributes attributes;
    try {
      target = link.file().toRealPath();
      attributes = Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException broken) {
      entries.add(Entry.skip(link.path(), "broken symbolic link"));
      return;
    } catch (IOException problem) {
      entries.add(Entry.skip(link.path(), "unresolvable symbolic link: " + describe(problem)));
      return;
    }
    if (attributes.isDirectory()) {
      if (rootReal.startsWith(target)) {
        entries.add(
            Entry.skip(link.path(), "link to the scanned folder or a folder containing it (loop)"));
      } else if (!searched.add(target)) {
        entries.add(Entry.skip(link.path(), "link to a folder already searched"));
      } else {
        folders.push(link);
      }
    } else if (attributes.isRegularFile()) {
      entries.add(new Entry(link.path(), link.file(), true, null));
    } else {
      entries.add(Entry.skip(link.path(), "not a regular file"));
    }
  }

  /** Maps the path of each file that is the same file as one loaded under another path to that. */
  private static Map<String, String> findDuplicates(List<Entry> sortedEntries) {
    List<Entry> byPreference = new ArrayList<>();
    for (Entry entry : sortedEntries) {
      if (entry.skipReason() == null) {
        byPreference.add(entry);
      }
    }
    byPreference.sort(Comparator.comparing(Entry::viaLink)); // stable: path order within each
    Map<Path, String> owners = new HashMap<>();
    Map<String, String> duplicateOf = new HashMap<>();
    for (Entry entry : byPreference) {
      Path real;
      try {
        real = entry.file().toRealPath();
      } catch (IOException problem) {
        continue; // reading it will report the problem
      }
      String owner = owners.putIfAbsent(real, entry.path());
      if (owner != null) {
        duplicateOf.put(entry.path(), owner);
      }
    }
    return duplicateOf;
  }

  private ReadResult read(Entry entry) {
    try {
      long size = Files.size(entry.file());
      if (size > reader.maxBytes()) {
        return new ReadResult.Skipped(reader.tooLarge(size));
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(entry.file())) {
        bytes = in.readNBytes((int) reader.maxBytes() + 1); // + 1: a file that grew is still caught
      }
      return reader.read(entry.path(), bytes);
    } catch (IOException problem) {
      return new ReadResult.Skipped("unreadable: " + describe(problem));
    } catch (RuntimeException bug) {
      // A file that trips a bug is still one file: report it and carry on with the rest.
      return new ReadResult.Skipped("failed to read: " + bug);
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path child : stream) {
        children.add(child);
      }
    }
    children.sort(Comparator.comparing(child -> child.getFileName().toString()));
    return children;
  }

  private static String describe(IOException problem) {
    if (problem instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (problem instanceof NoSuchFileException) {
      return "no longer exists";
    }
    if (problem instanceof FileSystemException
        && ((FileSystemException) problem).getReason() != null) {
      return ((FileSystemException) problem).getReason();
    }
    return problem.getMessage() != null ? problem.getMessage() : problem.getClass().getSimpleName();
  }

  /**
   * A folder to search, or a link to follow.
   *
   * @param file where it is, reached through the path the walk took (links included)
   * @param path its path relative to the root, with {@code /}; empty for the root
   * @param viaLink whether the walk went through a link to reach it
   */
  private record Folder(Path file, String path, boolean viaLink) {}

  /**
   * One entry the walk met.
   *
   * @param path relative path with {@code /}
   * @param file the file to read, or {@code null} if skipped already
   * @param viaLink whether the walk went through a link to reach it
   * @param skipReason why it is skipped, or {@code null} if it is to be read
   */
  private record Entry(String path, Path file, boolean viaLink, String skipReason) {
    static Entry skip(String path, String reason) {
      return new Entry(path, null, false, reason);
    }
  }

  /**
   * Settings for a {@link FolderLoader}. Defaults:
   *
   * <ul>
   *   <li>{@code maxFileBytes}: 16 MiB ({@value ArticleReader#DEFAULT_MAX_BYTES}); larger files are
   *       skipped without being read;
   *   <li>{@code followLinks}: {@code true}; loops and links to folders already searched are
   *       skipped, never followed;
   *   <li>{@code removePageChrome}: {@code true}; see {@link ArticleReader};
   *   <li>{@code listener}: {@link LoadListener#NONE}.
   * </ul>
   *
   * <p>Not thread-safe; each {@link #build()} returns an independent loader.
   */
  public static final class Builder {
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private long maxFileBytes = ArticleReader.DEFAULT_MAX_BYTES;
    private boolean followLinks = true;
    private boolean removePageChrome = true;
    private LoadListener listener = LoadListener.NONE;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** Files with more bytes are skipped as too large; must be in [1, 2^31 - 9]. */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1 || bytes > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(
            "maxFileBytes must be in [1, " + MAX_FILE_BYTES + "]: " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /** Whether symbolic links are followed (safely) or skipped. */
    public Builder followLinks(boolean follow) {
      this.followLinks = follow;
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
