package dev.retold.text;

import java.util.Objects;

/**
 * The words of a text, in order: each word's term (lower-cased, accents folded), where it stands in
 * the text it was cut from, and a 64-bit hash of the term.
 *
 * <p>Stored as parallel primitive arrays, not one object per word, because a corpus has hundreds of
 * millions of words and the fingerprinting stages only need the hashes. Offsets are Java {@code
 * char} indices into the (normalised) text, start inclusive and end exclusive. The hash is {@link
 * WordTokenizer#hashTerm(CharSequence)} of the term, stable across runs and machines. Immutable.
 */
public final class Tokens {
  private static final Tokens EMPTY =
      new Tokens(0, "", new int[0], new int[0], new int[0], new int[0], new long[0]);

  private final int size;
  private final String termText;
  private final int[] termStarts;
  private final int[] termEnds;
  private final int[] starts;
  private final int[] ends;
  private final long[] termHashes;

  /**
   * Takes ownership of the arrays, which hold at least {@code size} entries. Term {@code i} is
   * {@code termText.substring(termStarts[i], termEnds[i])}: the terms one after the other, or (for
   * ASCII text, whose terms are its words lower-cased) the whole text lower-cased, with the term
   * offsets the word offsets.
   */
  Tokens(
      int size,
      String termText,
      int[] termStarts,
      int[] termEnds,
      int[] starts,
      int[] ends,
      long[] termHashes) {
    this.size = size;
    this.termText = termText;
    this.termStarts = termStarts;
    this.termEnds = termEnds;
    this.starts = starts;
    this.ends = ends;
    this.termHashes = termHashes;
  }

  /** No words. */
  public static Tokens empty() {
    return EMPTY;
  }

  /** How many words there are. */
  public int size() {
    return size;
  }

  /** The term of word {@code i}: lower-cased, accents folded. */
  public String term(int i) {
    Objects.checkIndex(i, size);
    return termText.substring(termStarts[i], termEnds[i]);
  }

  /** Where word {@code i} starts in the text. */
  public int start(int i) {
    Objects.checkIndex(i, size);
    return starts[i];
  }

  /** Where word {@code i} ends in the text (exclusive). */
  public int end(int i) {
    Objects.checkIndex(i, size);
    return ends[i];
  }

  /** The 64-bit hash of the term of word {@code i}. */
  public long termHash(int i) {
    Objects.checkIndex(i, size);
    return termHashes[i];
  }

  /**
   * The text the terms are cut from: term {@code i} is its chars from {@code termStartArray()[i]}
   * to {@code termEndArray()[i]}. With the arrays below, for reading every word's term in place
   * (without a {@code String} each, and without an index check per word) where that is worth it.
   */
  String termText() {
    return termText;
  }

  /**
   * Where each term starts in {@link #termText()}, in an array that may be longer than {@link
   * #size()}; not to be changed.
   */
  int[] termStartArray() {
    return termStarts;
  }

  /**
   * Where each term ends in {@link #termText()} (exclusive), in an array that may be longer than
   * {@link #size()}; not to be changed.
   */
  int[] termEndArray() {
    return termEnds;
  }

  /**
   * Where each word starts in the text, in an array that may be longer than {@link #size()}; not to
   * be changed.
   */
  int[] startArray() {
    return starts;
  }

  /** The term hashes, in an array that may be longer than {@link #size()}; not to be changed. */
  long[] termHashArray() {
    return termHashes;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Tokens[");
    for (int i = 0; i < Math.min(size, 20); i++) {
      out.append(i == 0 ? "" : " ").append(term(i));
    }
    return out.append(size > 20 ? " ...]" : "]").toString();
  }
}
