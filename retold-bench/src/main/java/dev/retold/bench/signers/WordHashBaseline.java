package dev.retold.bench.signers;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * The floor under every signer: split the text into words at non-letters and hash each word with
 * komihash 5.0 (the term hash Retold uses), nothing more: no normalising, no Unicode word rules, no
 * lower-casing, no shingles, no signature. A signer's throughput against this one shows what its
 * extra stages cost. Stateless.
 */
public final class WordHashBaseline {
  private static final Hasher64 KOMIHASH = Hashing.komihash5_0();

  private WordHashBaseline() {}

  /**
   * The sum of the komihash of every word in {@code text}, a word being a maximal run of chars for
   * which {@link Character#isLetter(char)} holds; 0 for a text without letters.
   */
  public static long sumOfWordHashes(String text) {
    Window word = new Window(text);
    long sum = 0;
    int length = text.length();
    int position = 0;
    while (position < length) {
      while (position < length && !Character.isLetter(text.charAt(position))) {
        position++;
      }
      int start = position;
      while (position < length && Character.isLetter(text.charAt(position))) {
        position++;
      }
      if (position > start) {
        sum += KOMIHASH.hashCharsToLong(word.moveTo(start, position));
      }
    }
    return sum;
  }

  /** A view of part of a string, moved along it, so that hashing a word copies nothing. */
  private static final class Window implements CharSequence {
    private final String text;
    private int start;
    private int end;

    Window(String text) {
      this.text = text;
    }

    Window moveTo(int start, int end) {
      this.start = start;
      this.end = end;
      return this;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return text.subSequence(start + from, start + to);
    }

    @Override
    public String toString() {
      return text.substring(start, end);
    }
  }
}
