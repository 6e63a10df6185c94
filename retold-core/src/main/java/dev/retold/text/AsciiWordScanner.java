package dev.retold.text;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link WordTokenizer}'s Lucene chain (StandardTokenizer, LowerCaseFilter, ASCIIFoldingFilter)
 * re-implemented for text made only of ASCII, where it is several times faster. It gives the same
 * words, offsets and term hashes as the chain, which {@code AsciiWordScannerTest} checks on tricky
 * cases, thousands of random strings and the seed articles; on any other text it gives up and the
 * caller uses Lucene.
 *
 * <p>For ASCII, the chain's rules (UAX #29 word boundaries as Lucene's grammar applies them) come
 * down to these:
 *
 * <ul>
 *   <li>letters, digits and {@code _} join each other; a run of them is a word if it has a letter
 *       or a digit (a run of {@code _} alone is not);
 *   <li>{@code :} joins two letters, {@code ,} and {@code ;} join two digits, and {@code .} and
 *       {@code '} join two letters or two digits, each only with such a char right on each side;
 *   <li>everything else (space, control, other punctuation) ends a word;
 *   <li>a word is at most 255 chars (Lucene's default maximum length): Lucene looks 255 chars ahead
 *       from where a word starts, takes the longest word within them, and starts afresh after it.
 * </ul>
 *
 * <p>Lower-casing is {@code A-Z} to {@code a-z}; ASCII folding changes nothing in ASCII.
 *
 * <p>Why it is fast: a loop that looks at one char at a time mispredicts a branch at nearly every
 * word boundary. Instead the text is classified eight chars at a time with bitwise arithmetic into
 * bit masks of 64-char blocks (one bit per char: is it a word char; is it punctuation that might
 * join two), and words are read off the masks with bit counting; only the rare cases (punctuation
 * between two word chars, a word starting with {@code _}, a run longer than 255 chars) are looked
 * at char by char. Hashes of terms of up to eight chars are memoised per thread, since texts repeat
 * their common words, and looked up without branches. Stateless; the buffers come from the caller's
 * {@link WordScratch}.
 */
final class AsciiWordScanner {
  /** Lucene's default maximum token length: longer words are cut into pieces of this length. */
  static final int MAX_WORD_LENGTH = 255;

  private static final Hasher64 TERM_HASHER = Hashing.komihash5_0();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final int MEMO_SHIFT = 64 - Integer.numberOfTrailingZeros(WordScratch.MEMO_SIZE);

  // Kinds of ASCII chars, for the char-by-char paths.
  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte UNDERSCORE = 3;
  private static final byte MID_LETTER = 4; // ':'
  private static final byte MID_NUMBER = 5; // ',' ';'
  private static final byte MID_LETTER_OR_NUMBER = 6; // '.' '''

  private static final byte[] KINDS = new byte[128];

  static {
    for (int c = 'a'; c <= 'z'; c++) {
      KINDS[c] = LETTER;
      KINDS[c - 'a' + 'A'] = LETTER;
    }
    for (int c = '0'; c <= '9'; c++) {
      KINDS[c] = DIGIT;
    }
    KINDS['_'] = UNDERSCORE;
    KINDS[':'] = MID_LETTER;
    KINDS[','] = MID_NUMBER;
    KINDS[';'] = MID_NUMBER;
    KINDS['.'] = MID_LETTER_OR_NUMBER;
    KINDS['\''] = MID_LETTER_OR_NUMBER;
  }

  private AsciiWordScanner() {}

  /**
   * Cuts {@code text} into words, writing each word's start, end and term hash to {@code scratch},
   * and returns how many there are; or returns -1, having written rubbish, if the text has a char
   * outside ASCII.
   */
  static int scan(WordScratch scratch, String text) {
    int length = text.length();
    int blocks = (length >>> 6) + 1; // so that the last block ends with at least one non-word bit
    scratch.reserve(length, blocks, length / 2 + 1); // a word and what ends it take two chars
    if (!loadLatin1(scratch, text, blocks) || !classify(scratch, blocks)) {
      return -1;
    }
    joinAcrossPunctuation(scratch, blocks);
    int count = cutWords(scratch, length, blocks);
    hashMisses(scratch);
    return count;
  }

  /**
   * Copies the text to {@code scratch.bytes}, zero-padded; false if it has a char above U+00FF.
   * (Chars U+0080 to U+00FF are copied, and caught by {@link #classify}.) The JDK's ISO-8859-1
   * encoder does the narrowing with vector instructions, several times faster than a loop.
   */
  private static boolean loadLatin1(WordScratch scratch, String text, int blocks) {
    int length = text.length();
    text.getChars(0, length, scratch.chars, 0);
    CharBuffer in = scratch.charBuffer.clear().limit(length);
    CoderResult result = scratch.latin1Encoder.reset().encode(in, scratch.byteBuffer.clear(), true);
    if (result.isError()) {
      return false;
    }
    Arrays.fill(scratch.bytes, length, 64 * blocks + 8, (byte) 0);
    return true;
  }

  /**
   * Fills the word-char and punctuation masks, eight chars at a time; false if a char is outside
   * ASCII.
   */
  private static boolean classify(WordScratch scratch, int blocks) {
    byte[] bytes = scratch.bytes;
    long[] wordChars = scratch.wordChars;
    long[] midChars = scratch.midChars;
    long seen = 0;
    for (int block = 0; block < blocks; block++) {
      long word = 0;
      long mid = 0;
      for (int part = 0; part < 8; part++) {
        int at = (block << 6) + (part << 3);
        long x = (long) LONGS.get(bytes, at);
        seen |= x;
        // Setting 0x20 makes A-Z a-z. ' to ; holds all of . , ; : ' (and digits, not wanted).
        long isWord = inRange(x | 0x20 * ONES, 'a', 'z') | inRange(x, '0', '9') | equal(x, '_');
        word |= gather(isWord) << (part << 3);
        mid |= gather(inRange(x, '\'', ';')) << (part << 3);
      }
      wordChars[block] = word;
      midChars[block] = mid & ~word;
    }
    return (seen & HIGH) == 0;
  }

  /** High bit of each byte set where the byte (below 0x80) is in {@code [low, high]}. */
  private static long inRange(long x, int low, int high) {
    return (x + (0x80 - low) * ONES) & ~(x + (0x7F - high) * ONES) & HIGH;
  }

  private static long equal(long x, int value) {
    return inRange(x, value, value);
  }

  /** The high bits of the eight bytes as eight bits, byte 0's lowest. */
  private static long gather(long highBits) {
    return ((highBits >>> 7) * 0x0102040810204080L) >>> 56;
  }

  /** Fills the word masks: word chars, and the punctuation that joins two of them. */
  private static void joinAcrossPunctuation(WordScratch scratch, int blocks) {
    byte[] bytes = scratch.bytes;
    long[] wordChars = scratch.wordChars;
    long[] midChars = scratch.midChars;
    long[] words = scratch.words;
    for (int block = 0; block < blocks; block++) {
      long word = wordChars[block];
      long before = (word << 1) | (block > 0 ? wordChars[block - 1] >>> 63 : 0);
      long after = (word >>> 1) | (block + 1 < blocks ? wordChars[block + 1] << 63 : 0);
      long candidates = midChars[block] & before & after;
      while (candidates != 0) {
        int bit = Long.numberOfTrailingZeros(candidates);
        candidates &= candidates - 1;
        int at = (block << 6) + bit;
        if (joins(bytes[at - 1], bytes[at], bytes[at + 1])) {
          word |= 1L << bit;
        }
      }
      words[block] = word;
    }
  }

  /** True if {@code mid} keeps {@code before} and {@code after} in one word. */
  private static boolean joins(int before, int mid, int after) {
    int side = KINDS[before];
    if (side != KINDS[after]) {
      return false;
    }
    switch (KINDS[mid]) {
      case MID_LETTER:
        return side == LETTER;
      case MID_NUMBER:
        return side == DIGIT;
      case MID_LETTER_OR_NUMBER:
        return side == LETTER || side == DIGIT;
      default:
        return false;
    }
  }

  /**
   * Reads the words off the word masks, and looks their terms up in the memo (see {@link
   * #lookUpTerms}) as it goes.
   */
  private static int cutWords(WordScratch scratch, int length, int blocks) {
    byte[] bytes = scratch.bytes;
    long[] words = scratch.words;
    int[] starts = scratch.starts;
    int[] ends = scratch.ends;
    long[] hashes = scratch.hashes;
    long[] memo = scratch.memo;
    int[] misses = scratch.misses;
    int missCount = 0;
    int count = 0;
    long previousTop = 0;
    for (int block = 0; block < blocks; block++) {
      long word = words[block];
      long firsts = word & ~((word << 1) | previousTop);
      previousTop = word >>> 63;
      while (firsts != 0) {
        int bit = Long.numberOfTrailingZeros(firsts);
        firsts &= firsts - 1;
        int start = (block << 6) + bit;
        long after = ~word & (-1L << bit);
        int end;
        if (after != 0) {
          end = (block << 6) + Long.numberOfTrailingZeros(after);
        } else {
          int last = block + 1; // the last block ends with a non-word bit
          while (words[last] == -1L) {
            last++;
          }
          end = (last << 6) + Long.numberOfTrailingZeros(~words[last]);
        }
        if (end - start > MAX_WORD_LENGTH) {
          count = cutWordsOneByOne(scratch, length);
          lookUpTerms(scratch, count);
          return count;
        }
        if (bytes[start] == '_' && onlyUnderscores(bytes, start, end)) {
          continue;
        }
        starts[count] = start;
        ends[count] = end;
        int wordLength = end - start;
        long packed = packTerm(bytes, start, Math.min(wordLength, 8));
        int slot = memoSlot(packed);
        hashes[count] = memo[slot + 1];
        long difference = memo[slot] ^ packed;
        misses[missCount] = count;
        missCount += (int) ((difference | -difference) >>> 63) | ((8 - wordLength) >>> 31);
        count++;
      }
    }
    scratch.missCount = missCount;
    return count;
  }

  private static boolean onlyUnderscores(byte[] bytes, int from, int to) {
    for (int at = from; at < to; at++) {
      if (bytes[at] != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of the loaded text found one char at a time, the way Lucene does: for text with runs
   * of word chars longer than {@link #MAX_WORD_LENGTH}, where Lucene's look-ahead limit matters.
   */
  private static int cutWordsOneByOne(WordScratch scratch, int length) {
    byte[] bytes = scratch.bytes;
    int[] starts = scratch.starts;
    int[] ends = scratch.ends;
    int count = 0;
    int at = 0;
    while (at < length) {
      int kind = KINDS[bytes[at]];
      int start = at;
      if (kind == UNDERSCORE) {
        int runEnd = at + 1;
        while (runEnd < length && bytes[runEnd] == '_') {
          runEnd++;
        }
        int after = runEnd < length ? KINDS[bytes[runEnd]] : OTHER;
        if (after != LETTER && after != DIGIT) {
          at = runEnd; // '_' alone is not a word
          continue;
        }
        // Lucene drops the extra '_' one by one until a letter or digit fits in its look-ahead.
        start = Math.max(at, runEnd - (MAX_WORD_LENGTH - 1));
      } else if (kind != LETTER && kind != DIGIT) {
        at++;
        continue;
      }
      int limit = Math.min(length, start + MAX_WORD_LENGTH);
      int last = OTHER; // the kind of the last letter, digit or '_' taken
      at = start;
      while (at < limit) {
        kind = KINDS[bytes[at]];
        if (kind == LETTER || kind == DIGIT || kind == UNDERSCORE) {
          last = kind;
          at++;
        } else if (at + 1 < limit
            && KINDS[bytes[at + 1]] == last
            && joins(bytes[at - 1], bytes[at], bytes[at + 1])) {
          at += 2;
        } else {
          break;
        }
      }
      starts[count] = start;
      ends[count] = at;
      count++;
    }
    return count;
  }

  /**
   * Looks the term of each word up in the memo, writing the hashes found to {@code scratch.hashes}
   * and the indexes of the words not found to {@code scratch.misses}; the same look-ups {@link
   * #cutWords} makes as it goes.
   *
   * <p>The look-ups are made for terms of up to eight chars, without branches, so they (often cache
   * misses) overlap instead of waiting for each other; longer terms count as not found.
   */
  private static void lookUpTerms(WordScratch scratch, int count) {
    byte[] bytes = scratch.bytes;
    int[] starts = scratch.starts;
    int[] ends = scratch.ends;
    long[] hashes = scratch.hashes;
    long[] memo = scratch.memo;
    int[] misses = scratch.misses;
    int missCount = 0;
    for (int i = 0; i < count; i++) {
      int start = starts[i];
      int length = ends[i] - start;
      long packed = packTerm(bytes, start, Math.min(length, 8));
      int slot = memoSlot(packed);
      hashes[i] = memo[slot + 1];
      long difference = memo[slot] ^ packed;
      misses[missCount] = i;
      missCount += (int) ((difference | -difference) >>> 63) | ((8 - length) >>> 31);
    }
    scratch.missCount = missCount;
  }

  /**
   * Hashes the terms of the words {@link #lookUpTerms} did not find: {@link
   * WordTokenizer#hashTerm(CharSequence)} of the word lower-cased; and memoises the short ones.
   */
  private static void hashMisses(WordScratch scratch) {
    byte[] bytes = scratch.bytes;
    int[] starts = scratch.starts;
    int[] ends = scratch.ends;
    long[] hashes = scratch.hashes;
    long[] memo = scratch.memo;
    int[] misses = scratch.misses;
    int missCount = scratch.missCount;
    for (int miss = 0; miss < missCount; miss++) {
      int i = misses[miss];
      int start = starts[i];
      int length = ends[i] - start;
      byte[] term = scratch.term;
      for (int at = 0; at < length; at += 8) {
        long packed = lowerCase((long) LONGS.get(bytes, start + at));
        LONGS.set(term, 2 * at, widen(packed));
        LONGS.set(term, 2 * at + 8, widen(packed >>> 32));
      }
      long hash = TERM_HASHER.hashBytesToLong(term, 0, 2 * length);
      hashes[i] = hash;
      if (length <= 8) {
        long packed = packTerm(bytes, start, length);
        int slot = memoSlot(packed);
        memo[slot] = packed;
        memo[slot + 1] = hash;
      }
    }
  }

  /** The lower-cased chars {@code [start, start + length)}, {@code length <= 8}, in a long. */
  private static long packTerm(byte[] bytes, int start, int length) {
    return lowerCase((long) LONGS.get(bytes, start) & (-1L >>> (64 - 8 * length)));
  }

  /** Where the memo keeps a packed term: the index of its slot's first long. */
  private static int memoSlot(long packed) {
    return 2 * (int) ((packed * 0x9E3779B97F4A7C15L) >>> MEMO_SHIFT);
  }

  /**
   * The text last scanned into {@code scratch}, lower-cased: what {@code text.toLowerCase(ROOT)}
   * gives for ASCII, made eight chars at a time. Overwrites {@code scratch.bytes}.
   */
  static String lowerCaseText(WordScratch scratch, int length) {
    byte[] bytes = scratch.bytes;
    for (int at = 0; at < length; at += 8) {
      LONGS.set(bytes, at, lowerCase((long) LONGS.get(bytes, at)));
    }
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Eight ASCII bytes with {@code A-Z} made {@code a-z}. */
  private static long lowerCase(long x) {
    return x | (inRange(x, 'A', 'Z') >>> 2);
  }

  /** The low four bytes of {@code x} as four UTF-16LE chars. */
  private static long widen(long x) {
    long chars = x & 0xFFFFFFFFL;
    chars = (chars | (chars << 16)) & 0x0000FFFF0000FFFFL;
    return (chars | (chars << 8)) & 0x00FF00FF00FF00FFL;
  }
}
