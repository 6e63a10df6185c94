package dev.retold;

/**
 * How a story picks its canonical article. Each rule falls back on the ones after it to break ties,
 * and the article id breaks the last tie, so the choice is always deterministic.
 */
public enum CanonicalRule {
  /** The article the others derive from; ties go to the earliest, then to the most complete. */
  ORIGIN,
  /** The earliest dated article; ties go to the most complete. */
  EARLIEST,
  /** The most complete article (the longest body). */
  LONGEST
}
