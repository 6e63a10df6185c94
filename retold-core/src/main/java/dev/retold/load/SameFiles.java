package dev.retold.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the entries of a walk that are one file reached by two paths (a link to a file, or a folder
 * reached through a link as well as directly), so that each file is loaded once. The path that does
 * not go through a link wins, then the first in path order.
 */
final class SameFiles {
  private SameFiles() {}

  /**
   * Maps the path of each entry that is the same file as one loaded under another path to that
   * path; entries to be skipped anyway, and files whose real path cannot be told, are left out.
   *
   * @param sortedEntries the walk's entries, by path
   */
  static Map<String, String> of(List<FolderWalk.Entry> sortedEntries) {
    if (sortedEntries.stream().noneMatch(FolderWalk.Entry::viaLink)) {
      // The walk searches each real folder once, so without a link no file is reached twice; and
      // the real path of every file (a system call per folder on its path) is not asked for.
      return Map.of();
    }
    List<FolderWalk.Entry> byPreference = new ArrayList<>();
    for (FolderWalk.Entry entry : sortedEntries) {
      if (entry.skipReason() == null) {
        byPreference.add(entry);
      }
    }
    byPreference.sort(Comparator.comparing(FolderWalk.Entry::viaLink)); // stable: path order within
    Map<Path, String> owners = new HashMap<>();
    Map<String, String> duplicateOf = new HashMap<>();
    for (FolderWalk.Entry entry : byPreference) {
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
}
