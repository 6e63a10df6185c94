package dev.retold;

/**
 * The counts of a scan, for a one-line summary.
 *
 * @param found files found (or articles given)
 * @param loaded articles loaded
 * @param skipped files skipped, each with its reason
 * @param groups stories of two or more articles
 * @param pairs related pairs reported in {@link ScanResult#pairs()}: the pairs within a copy group
 *     are not counted, the group stands for them
 * @param copyGroups groups of copies ({@link CopyGroup})
 * @param copyGroupArticles articles in copy groups
 */
public record ScanSummary(
    int found,
    int loaded,
    int skipped,
    int groups,
    int pairs,
    int copyGroups,
    int copyGroupArticles) {
  /** Checks the counts add up. */
  public ScanSummary {
    if (found != loaded + skipped) {
      throw new IllegalArgumentException(
          "found must equal loaded + skipped: " + found + " != " + loaded + " + " + skipped);
    }
    if (copyGroupArticles < 2 * copyGroups || copyGroupArticles > loaded) {
      throw new IllegalArgumentException(
          "copy groups hold two articles each at least, and only loaded ones: "
              + copyGroupArticles
              + " in "
              + copyGroups);
    }
  }

  /** The counts of a scan that found no copies. */
  public ScanSummary(int found, int loaded, int skipped, int groups, int pairs) {
    this(found, loaded, skipped, groups, pairs, 0, 0);
  }
}
