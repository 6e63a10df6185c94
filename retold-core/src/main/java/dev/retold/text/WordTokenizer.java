package dev.retold.text;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts normalised text into words with Lucene's analysis chain: {@link StandardTokenizer} (Unicode
 * word boundaries, UAX #29), then {@link LowerCaseFilter}, then {@link ASCIIFoldingFilter} (so
 * "Café" and "cafe" are one term). No stemming and no stop words: copied text keeps its exact
 * words, and "the" and "of" are part of the word runs that show a copy.
 *
 * <p>Text made only of ASCII (most normalised English) is cut by {@code AsciiWordScanner}, which
 * gives the same words, offsets and hashes as the chain several times faster; the chain cuts the
 * rest.
 *
 * <p>Thread-safe: the Lucene {@link Analyzer} inside keeps one token stream per thread, and the
 * ASCII scanner's buffers are per thread, so one instance can serve every thread of a scan. Build
 * one and keep it; building one per text wastes that reuse.
 */
public final class WordTokenizer {
  private static final String FIELD = "body";
  private static final Hasher64 TERM_HASHER = Hashing.komihash5_0();

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer words = new StandardTokenizer();
          TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(words));
          return new TokenStreamComponents(words, folded);
        }
      };

  /** The hash {@link Tokens#termHash(int)} gives a term: komihash 5.0, unseeded, of its chars. */
  public static long hashTerm(CharSequence term) {
    return TERM_HASHER.hashCharsToLong(term);
  }

  /** The words of a normalised text, with offsets into {@code text.text()}. */
  public Tokens tokenize(NormalizedText text) {
    return tokenize(Objects.requireNonNull(text, "text").text());
  }

  /**
   * The words of {@code text}, with offsets into it; give it normalised text. Text made only of
   * ASCII is cut by a scanner that gives the same words as the Lucene chain, several times faster.
   */
  public Tokens tokenize(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return Tokens.empty();
    }
    WordScratch scratch = WordScratch.acquire();
    try {
      int words = AsciiWordScanner.scan(scratch, text);
      if (words < 0) {
        return tokenizeWithLucene(text);
      }
      int[] starts = Arrays.copyOf(scratch.starts, words);
      int[] ends = Arrays.copyOf(scratch.ends, words);
      long[] hashes = Arrays.copyOf(scratch.hashes, words);
      // ASCII terms are the words lower-cased: index them in the lower-cased text.
      String lowerCased = AsciiWordScanner.lowerCaseText(scratch, text.length());
      return new Tokens(words, lowerCased, starts, ends, starts, ends, hashes);
    } finally {
      scratch.release();
    }
  }

  /** The words of {@code text} as the Lucene chain cuts them, whatever the text. */
  Tokens tokenizeWithLucene(String text) {
    if (text.isEmpty()) {
      return Tokens.empty();
    }
    int capacity = Math.max(16, text.length() / 6);
    char[] termChars = new char[Math.max(16, text.length())];
    int[] termStarts = new int[capacity + 1];
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    long[] hashes = new long[capacity];
    int size = 0;
    int charCount = 0;
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (size == starts.length) {
          int grown = size + (size >> 1) + 16;
          termStarts = Arrays.copyOf(termStarts, grown + 1);
          starts = Arrays.copyOf(starts, grown);
          ends = Arrays.copyOf(ends, grown);
          hashes = Arrays.copyOf(hashes, grown);
        }
        int termLength = term.length();
        if (charCount + termLength > termChars.length) {
          termChars =
              Arrays.copyOf(termChars, Math.max(charCount + termLength, 2 * termChars.length));
        }
        System.arraycopy(term.buffer(), 0, termChars, charCount, termLength);
        termStarts[size] = charCount;
        starts[size] = offset.startOffset();
        ends[size] = offset.endOffset();
        hashes[size] = TERM_HASHER.hashCharsToLong(term);
        charCount += termLength;
        size++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a String cannot fail", e);
    }
    termStarts[size] = charCount;
    return new Tokens(
        size,
        new String(termChars, 0, charCount),
        termStarts,
        Arrays.copyOfRange(termStarts, 1, size + 1),
        starts,
        ends,
        hashes);
  }
}
