package dev.retold.scan;

import dev.retold.Article;
import dev.retold.SourceMap;
import dev.retold.similarity.SharedNames;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.NormalizedText;
import dev.retold.text.Tokens;
import java.util.function.Supplier;

/**
 * An article read again for its evidence: its word term hashes with each word's span in the body,
 * its shingle hashes by position (the shingle of the words from each word on) and its sorted
 * distinct shingle set (and, once asked for, its names and numbers). The normalised text and
 * Lucene's tokens are not kept: they are several times the size of the article, and the spans are
 * all the evidence needs. Arrays are shared, not copied: this record stays inside one scan, and
 * only a block of articles at a time lives.
 */
record AnalyzedArticle(
    Article article,
    long[] termHashes,
    int[] wordStarts,
    int[] wordEnds,
    long[] shingles,
    long[] shingleSet,
    Memo<SharedNames.Names> namesMemo) {

  /** The article with its words mapped back to body offsets. */
  static AnalyzedArticle of(Article article, BodyAnalysis analysis) {
    NormalizedText normalized = analysis.normalized();
    Tokens tokens = analysis.tokens();
    long[] termHashes = new long[tokens.size()];
    int[] starts = new int[tokens.size()];
    int[] ends = new int[tokens.size()];
    for (int i = 0; i < termHashes.length; i++) {
      termHashes[i] = tokens.termHash(i);
      starts[i] = tokens.start(i);
      ends[i] = tokens.end(i);
    }
    int[] wordStarts = normalized.originalOffsets(starts);
    int[] wordEnds = normalized.originalEnds(ends);
    return new AnalyzedArticle(
        article,
        termHashes,
        wordStarts,
        wordEnds,
        analysis.shingles(),
        analysis.shingleSet(),
        new Memo<>());
  }

  /** The names and numbers the article uses, found at the first call ({@link SharedNames}). */
  SharedNames.Names names() {
    return namesMemo.get(() -> SharedNames.in(article.body(), wordStarts, wordEnds));
  }

  /** A value computed at the first call and kept: one article's work shared by its pairs. */
  static final class Memo<T> {
    private T value;

    synchronized T get(Supplier<T> compute) {
      if (value == null) {
        value = compute.get();
      }
      return value;
    }
  }

  /**
   * The source-file span, {start, end}, of words {@code [firstWord, endWord)}: body offsets mapped
   * to the file as it is on disk.
   */
  int[] sourceSpan(int firstWord, int endWord) {
    SourceMap map = article.sourceMap();
    return new int[] {map.toSource(wordStarts[firstWord]), map.toSourceEnd(wordEnds[endWord - 1])};
  }

  /**
   * Words {@code [firstWord, endWord)} as they read in the body, each run of ASCII white space made
   * one space.
   */
  String bodyText(int firstWord, int endWord) {
    String body = article.body();
    StringBuilder text = new StringBuilder(wordEnds[endWord - 1] - wordStarts[firstWord]);
    boolean inSpace = false;
    for (int i = wordStarts[firstWord]; i < wordEnds[endWord - 1]; i++) {
      char c = body.charAt(i);
      // the ASCII white space of the regex \s
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
      if (!space) {
        text.append(c);
      } else if (!inSpace) {
        text.append(' ');
      }
      inSpace = space;
    }
    return text.toString();
  }
}
