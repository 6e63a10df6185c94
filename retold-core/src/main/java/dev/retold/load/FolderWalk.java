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
   * @param skipReason why it is skipped, or {@code null} if it is to be read
   */
  record Entry(String path, Path file, boolean viaLink, String skipReason) {
    static Entry skip(String path, String reason) {
      return new Entry(path, null, false, reason);
    }
  }

  /**
   * A folder to search, or a link to follow.
   *
   * @param file where it is, reached through the path the walk took (links included)
   * @param path its path relative to the root, with {@code /}; empty for the root
   * @param viaLink whether the walk went through a link to reach it
   */
  private record Folder(Path file, String path, boolean viaLink) {}

  private final boolean followLinks;

  FolderWalk(boolean followLinks) {
    this.followLinks = followLinks;
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
        entries.sort(Comparator.comparing(Entry::path));
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
