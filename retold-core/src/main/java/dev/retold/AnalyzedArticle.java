package dev.retold;

import dev.retold.fingerprint.MinHashSignature;
import dev.retold.text.NormalizedText;
import dev.retold.text.TermCounts;
import dev.retold.text.Tokens;

/**
 * An article with everything the later stages need: its normalised text, tokens, term hashes, the
 * sorted distinct shingle set and its MinHash signature, and its weighted story terms. Arrays are
 * shared, not copied: this record stays inside one scan.
 */
record AnalyzedArticle(
    Article article,
    NormalizedText normalized,
    Tokens tokens,
    long[] termHashes,
    long[] shingleSet,
    MinHashSignature signature,
    TermCounts storyTerms) {

  /**
   * The source-file span, {start, end}, of tokens {@code [firstToken, endToken)}: token offsets in
   * the normalised text, mapped to the body, then to the source.
   */
  int[] sourceSpan(int firstToken, int endToken) {
    int bodyStart = normalized.originalOffset(tokens.start(firstToken));
    int bodyEnd = normalized.originalEnd(tokens.end(endToken - 1));
    SourceMap map = article.sourceMap();
    return new int[] {map.toSource(bodyStart), map.toSourceEnd(bodyEnd)};
  }

  /** The normalised text of tokens {@code [firstToken, endToken)}. */
  String normalizedText(int firstToken, int endToken) {
    return normalized.text().substring(tokens.start(firstToken), tokens.end(endToken - 1));
  }
}
