package dev.retold.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Walks a folder and lists every entry it meets and does not descend into, sorted by path: a file
 * to read, or an entry skipped with its reason (hidden, not a regular file, a link loop...). See
 * {@link FolderLoader} for the rules. Reads no file; only lists folders and reads attributes.
 */
final class FolderWalk {
  /**
   * One entry the walk met.
   *
   * @param path relative path with {@code /}
   * @param file the file to read, or {@code null} if skipped already
   * @param viaLink whether the walk went through a link to reach it
   * @param link whether the entry itself is a followed link (to a file), so that reading it follows
   *     the link, where reading any other entry does not
   * @param skipReason why it is skipped, or {@code null} if it is to be read
   */
  record Entry(String path, Path file, boolean viaLink, boolean link, String skipReason) {
    static Entry skip(String path, String reason) {
      return new Entry(path, null, false, false, reason);
    }
  }

  /**
   * One entry of a folder listing with its name as an id ({@link FileNames}).
   *
   * @param file the entry
   * @param name its name, unique in the folder
   */
  private record Child(Path file, String name) {}

  /** The reason a link out of the scanned folder is skipped when such links are not followed. */
  static final String OUTSIDE =
      "symbolic link to outside the scanned folder, not followed (--follow-links follows it)";

  /**
   * A folder to search, or a link to follow.
   *
   * @param file where it is, reached through the path the walk took (links included)
   * @param path its path relative to the root, with {@code /}; empty for the root
   * @param viaLink whether the walk went through a link to reach it
   */
  private record Folder(Path file, String path, boolean viaLink) {}

  private final boolean followLinks;
  private final boolean followLinksOutside;

  /**
   * A walk.
   *
   * @param followLinks whether symbolic links are followed at all
   * @param followLinksOutside whether links whose real target is outside the root are followed too
   *     (only with {@code followLinks})
   */
  FolderWalk(boolean followLinks, boolean followLinksOutside) {
    this.followLinks = followLinks;
    this.followLinksOutside = followLinks && followLinksOutside;
  }

  /**
   * Every entry under {@code root}, sorted by path.
   *
   * @throws IOException if {@code root} itself cannot be listed
   */
  List<Entry> walk(Path root) throws IOException {
    Path rootReal = root.toRealPath();
    List<Entry> entries = new ArrayList<>();
    Set<Path> searched = new HashSet<>();
    searched.add(rootReal);
    Deque<Folder> folders = new ArrayDeque<>();
    PriorityQueue<Folder> links = new PriorityQueue<>(Comparator.comparing(Folder::path));
    folders.push(new Folder(root, "", false));
    while (true) {
      while (!folders.isEmpty()) {
        Folder folder = folders.pop();
        List<Child> children;
        try {
          children = list(folder.file());
        } catch (IOException problem) {
          if (folder.path().isEmpty()) {
            throw problem;
          }
          entries.add(Entry.skip(folder.path(), "unreadable folder: " + describe(problem)));
          continue;
        }
        for (Child child : children) {
          visit(folder, child, searched, folders, links, entries);
        }
      }
      Folder link = links.poll();
      if (link == null) {
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
      }
      followLink(link, rootReal, searched, folders, entries);
    }
  }

  private void visit(
      Folder folder,
      Child listed,
      Set<Path> searched,
      Deque<Folder> folders,
      PriorityQueue<Folder> links,
      List<Entry> entries) {
    Path child = listed.file();
    String name = listed.name();
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
      entries.add(new Entry(path, child, folder.viaLink(), false, null));
    } else {
      entries.add(
          Entry.skip(path, FileKind.notRegular(child, attributes, LinkOption.NOFOLLOW_LINKS)));
    }
  }

  private void followLink(
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
      } else if (!followLinksOutside && !target.startsWith(rootReal)) {
        entries.add(Entry.skip(link.path(), OUTSIDE));
      } else if (!searched.add(target)) {
        entries.add(Entry.skip(link.path(), "link to a folder already searched"));
      } else {
        folders.push(link);
      }
    } else if (!followLinksOutside && !target.startsWith(rootReal)) {
      entries.add(Entry.skip(link.path(), OUTSIDE));
    } else if (attributes.isRegularFile()) {
      entries.add(new Entry(link.path(), link.file(), true, true, null));
    } else {
      entries.add(Entry.skip(link.path(), FileKind.notRegular(target, attributes)));
    }
  }

  /**
   * The folder's entries by name. Names the platform decodes faithfully are kept; any other is read
   * from its bytes ({@link FileNames}) and, should that still be a name the folder already has,
   * made unique with {@code ~2}, {@code ~3}... so that no two entries ever share an id.
   */
  private static List<Child> list(Path folder) throws IOException {
    List<Path> faithful = new ArrayList<>();
    List<Path> lossy = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path child : stream) {
        (FileNames.faithful(child) ? faithful : lossy).add(child);
      }
    }
    List<Child> children = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path child : faithful) {
      String name = child.getFileName().toString();
      names.add(name);
      children.add(new Child(child, name));
    }
    List<Child> read = new ArrayList<>();
    for (Path child : lossy) {
      read.add(new Child(child, FileNames.of(child)));
    }
    // by name, then by the bytes' spelling, so that the order does not depend on the listing
    read.sort(
        Comparator.comparing(Child::name)
            .thenComparing(child -> child.file().toUri().getRawPath()));
    for (Child child : read) {
      String name = child.name();
      for (int n = 2; !names.add(name); n++) {
        name = child.name() + "~" + n;
      }
      children.add(new Child(child.file(), name));
    }
    children.sort(Comparator.comparing(Child::name));
    return children;
  }

  /** A file-system problem in a few words a person can act on. */
  static String describe(IOException problem) {
    if (problem instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (problem instanceof NoSuchFileException) {
      return "no longer exists";
    }
    if (problem instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    return problem.getMessage() != null ? problem.getMessage() : problem.getClass().getSimpleName();
  }
}
