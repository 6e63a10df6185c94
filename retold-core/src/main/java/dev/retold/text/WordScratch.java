package dev.retold.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Per-thread working buffers for cutting ASCII text into words: the text as bytes, bit masks of its
 * 64-char blocks, the start, end and term hash of each word, and a memo of term hashes.
 *
 * <p>One instance per thread, handed out by {@link #acquire()} and given back by {@link
 * #release()}; a thread that acquires again before releasing (a callback that re-enters) gets a
 * fresh instance, so buffers are never shared. Buffers grow to the largest text seen and are
 * dropped after a text of more than {@value #KEPT_CHARS} chars, so one huge article does not pin
 * memory for the life of the thread.
 */
final class WordScratch {
  private static final int KEPT_CHARS = 1 << 20;
  private static final ThreadLocal<WordScratch> PER_THREAD =
      ThreadLocal.withInitial(WordScratch::new);

  /** How many terms the memo holds: a power of two. */
  static final int MEMO_SIZE = 1 << 14;

  /** Narrows chars to bytes, stopping at a char above U+00FF. */
  final CharsetEncoder latin1Encoder = StandardCharsets.ISO_8859_1.newEncoder();

  /** The text's chars, on the way to {@link #bytes}. */
  char[] chars = new char[0];

  /** The text as ASCII bytes, then zeros up to the end of the last block and a little beyond. */
  byte[] bytes = new byte[0];

  /** {@link #chars} and {@link #bytes} as buffers, for the encoder. */
  CharBuffer charBuffer = CharBuffer.wrap(chars);

  ByteBuffer byteBuffer = ByteBuffer.wrap(bytes);

  /** Per 64-char block, one bit per char: letters, digits and '_'. */
  long[] wordChars = new long[0];

  /** Per 64-char block, one bit per char: punctuation that may join two word chars. */
  long[] midChars = new long[0];

  /** Per 64-char block, one bit per char: the chars of words. */
  long[] words = new long[0];

  int[] starts = new int[0];
  int[] ends = new int[0];
  long[] hashes = new long[0];

  /** Indexes of the words whose term hash is not in the memo, and how many there are. */
  int[] misses = new int[0];

  int missCount;

  /** Room for one term as UTF-16LE, the form its hash is computed from. */
  final byte[] term = new byte[2 * AsciiWordScanner.MAX_WORD_LENGTH + 16];

  /**
   * Term hashes of recent short terms: slot {@code i} holds a term (its ASCII bytes packed
   * little-endian in a {@code long}; zero for an empty slot, as no term packs to zero) at {@code
   * 2i} and its hash at {@code 2i + 1}, side by side so a look-up touches one cache line.
   */
  final long[] memo = new long[2 * MEMO_SIZE];

  private boolean inUse;

  private WordScratch() {}

  /** This thread's buffers, or fresh ones if this thread already holds them. */
  static WordScratch acquire() {
    WordScratch scratch = PER_THREAD.get();
    if (scratch.inUse) {
      scratch = new WordScratch();
    }
    scratch.inUse = true;
    return scratch;
  }

  /** Gives the buffers back; they must not be used after this. */
  void release() {
    inUse = false;
    if (chars.length > KEPT_CHARS) {
      chars = new char[0];
      bytes = new byte[0];
      charBuffer = CharBuffer.wrap(chars);
      byteBuffer = ByteBuffer.wrap(bytes);
      wordChars = new long[0];
      midChars = new long[0];
      words = new long[0];
      starts = new int[0];
      ends = new int[0];
      hashes = new long[0];
      misses = new int[0];
    }
  }

  /**
   * Makes room for a text of {@code length} chars in {@code blocks} blocks with up to {@code
   * maxWords} words.
   */
  void reserve(int length, int blocks, int maxWords) {
    if (chars.length < length) {
      chars = new char[grown(chars.length, length)];
      charBuffer = CharBuffer.wrap(chars);
    }
    int byteLength = 64 * blocks + 16;
    if (bytes.length < byteLength) {
      bytes = new byte[grown(bytes.length, byteLength)];
      byteBuffer = ByteBuffer.wrap(bytes);
    }
    if (words.length < blocks) {
      int capacity = grown(words.length, blocks);
      wordChars = new long[capacity];
      midChars = new long[capacity];
      words = new long[capacity];
    }
    if (hashes.length < maxWords) {
      int capacity = grown(hashes.length, maxWords);
      starts = new int[capacity];
      ends = new int[capacity];
      hashes = new long[capacity];
      misses = new int[capacity];
    }
  }

  private static int grown(int current, int needed) {
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, current + (current >> 1) + 16L));
  }
}
