package dev.retold;

/**
 * How two articles are related, strongest first. The order of the constants is the order of
 * strength: {@code compareTo} says which of two relations is stronger (smaller is stronger).
 */
public enum Relation {
  /** The same text once normalised (case, quotes, dashes, white space): an exact copy. */
  DUPLICATE,
  /** A copy with small edits: most word shingles are shared both ways. */
  NEAR_DUPLICATE,
  /**
   * One reuses much of the other's wording: a condensed rewrite, an excerpt or a summary. Directed:
   * the pair's {@code origin} is the article the other derives from, when it can be told.
   */
  DERIVED,
  /**
   * Independent coverage of the same event: different words, the same names, numbers and facts.
   * Undirected.
   */
  SAME_STORY;

  /** True if this relation is at least as strong as {@code other}. */
  public boolean atLeast(Relation other) {
    return compareTo(other) <= 0;
  }
}
