package dev.retold.load;

import dev.retold.SkippedFile;
import java.util.Comparator;

/**
 * The order of skipped entries: by path, except that a path ending in {@code :DIGITS} (a line of a
 * JSON Lines file, {@code corpus.jsonl:12}) sorts by the text before the colon and then by the
 * number, so line 2 comes before line 11. Ties (such as {@code :02} and {@code :2}) fall back to
 * the plain string order, so the order is total and the output deterministic. Folder paths keep the
 * string order the walk and the loaded articles use.
 */
public final class SkippedOrder {
  /** Skipped entries by path, line numbers compared as numbers. */
  public static final Comparator<SkippedFile> BY_PATH =
      Comparator.comparing(SkippedFile::path, SkippedOrder::comparePaths);

  private SkippedOrder() {}

  /** Compares two paths as {@link #BY_PATH} does. */
  static int comparePaths(String a, String b) {
    int colonA = lineColon(a);
    int colonB = lineColon(b);
    String prefixA = colonA < 0 ? a : a.substring(0, colonA);
    String prefixB = colonB < 0 ? b : b.substring(0, colonB);
    int byPrefix = prefixA.compareTo(prefixB);
    if (byPrefix != 0) {
      return byPrefix;
    }
    if (colonA >= 0 && colonB >= 0) {
      String numberA = withoutLeadingZeros(a.substring(colonA + 1));
      String numberB = withoutLeadingZeros(b.substring(colonB + 1));
      int byLength = Integer.compare(numberA.length(), numberB.length());
      if (byLength != 0) {
        return byLength;
      }
      int byDigits = numberA.compareTo(numberB);
      if (byDigits != 0) {
        return byDigits;
      }
    } else if (colonA != colonB) {
      return colonA < 0 ? -1 : 1; // the plain path before its numbered lines
    }
    return a.compareTo(b);
  }

  /** The index of the colon before a trailing run of digits, or -1. */
  private static int lineColon(String path) {
    int i = path.length();
    while (i > 0 && path.charAt(i - 1) >= '0' && path.charAt(i - 1) <= '9') {
      i--;
    }
    return i < path.length() && i > 0 && path.charAt(i - 1) == ':' ? i - 1 : -1;
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
