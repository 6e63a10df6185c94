package dev.retold;

/**
 * An article read again for its evidence: its word term hashes with each word's span in the body,
 * and its sorted distinct shingle set. The normalised text and Lucene's tokens are not kept: they
 * are several times the size of the article, and the spans are all the evidence needs. Arrays are
 * shared, not copied: this record stays inside one scan, and only a block of articles at a time
 * lives.
 */
record AnalyzedArticle(Article article, long[] termHashes, int[] wordStarts, int[] wordEnds, long[] shingleSet) {

  /**
   * The source-file span, {start, end}, of words {@code [firstWord, endWord)}: body offsets mapped
   * to the file as it is on disk.
   */
  int[] sourceSpan(int firstWord, int endWord) {
    SourceMap map = article.sourceMap();
    return new int[] {
      map.toSource(wordStarts[firstWord]), map.toSourceEnd(wordEnds[endWord - 1])
    };
  }

  /** Words {@code [firstWord, endWord)} as they read in the body, white space runs made one space. */
  String bodyText(int firstWord, int endWord) {
    return article
        .body()
        .substring(wordStarts[firstWord], wordEnds[endWord - 1])
        .replaceAll("\\s+", " ");
  }
}
