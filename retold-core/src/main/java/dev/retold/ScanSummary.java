package dev.retold;

/**
 * The counts of a scan, for a one-line summary.
 *
 * @param found files found (or articles given)
 * @param loaded articles loaded
 * @param skipped files skipped, each with its reason
 * @param groups stories of two or more articles
 * @param pairs related pairs reported
 */
public record ScanSummary(int found, int loaded, int skipped, int groups, int pairs) {
  /** Checks the counts add up. */
  public ScanSummary {
    if (found != loaded + skipped) {
      throw new IllegalArgumentException(
          "found must equal loaded + skipped: " + found + " != " + loaded + " + " + skipped);
    }
  }
}
