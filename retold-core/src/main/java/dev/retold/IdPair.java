package dev.retold;

import java.util.Objects;

/**
 * Two article ids to compare, in the order the caller gave them.
 *
 * @param a the first article's id
 * @param b the second article's id
 */
public record IdPair(String a, String b) {
  /** Checks both ids are present and differ. */
  public IdPair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("a pair needs two different articles: " + a);
    }
  }
}
