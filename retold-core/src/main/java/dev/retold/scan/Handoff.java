package dev.retold.scan;

import java.util.Objects;

/**
 * A value one stage hands to the next exactly once, so that no one holds it after: the first pass's
 * sampled shingles, for one, are let go as soon as the shingle index holds them, which at a million
 * articles is a gigabyte. Taking it twice is a bug, and says which value was taken. Not
 * thread-safe: a scan hands over on one thread.
 *
 * @param <T> the value's type
 */
final class Handoff<T> {
  private final String what;
  private T value;

  Handoff(String what, T value) {
    this.what = Objects.requireNonNull(what, "what");
    this.value = Objects.requireNonNull(value, what);
  }

  /**
   * The value, given up.
   *
   * @throws IllegalStateException if it was taken already
   */
  T take() {
    T taken = value;
    if (taken == null) {
      throw new IllegalStateException(what + " were handed over already");
    }
    value = null;
    return taken;
  }
}
