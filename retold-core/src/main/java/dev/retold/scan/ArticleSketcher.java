package dev.retold.scan;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import dev.retold.TextEmbedder;
import dev.retold.fingerprint.MinHasher;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.Lead;
import dev.retold.text.StoryTermWeigher;
import dev.retold.text.TermCounts;
import dev.retold.text.TermDictionary;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.util.Arrays;

/**
 * The first pass's work on one article: everything later stages need, nothing of the body itself.
 * The body is analysed once ({@link BodyAnalysis}); its shingle set is signed (MinHash) and
 * sampled, its words weighed as story terms (with the title's), and the terms interned as
 * dictionary ids. Thread-safe: one sketcher serves every thread of the pass.
 */
final class ArticleSketcher {
  private final int shingleSize;
  private final MinHasher minHasher;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
  private final TextEmbedder embedder;
  private final int leadChars;

  ArticleSketcher(RetoldSettings settings) {
    this.shingleSize = settings.copies().shingleSize();
    this.minHasher =
        MinHasher.builder()
            .numberOfComponents(settings.copies().minHashComponents())
            .seed(settings.seed())
            .build();
    this.embedder = settings.stories().embedder().orElse(null);
    this.leadChars = settings.stories().leadChars();
  }

  /** The sketch of one article, its shingles sampled 1 in 2^{@code sampleBits}. */
  ArticleSketch sketch(ArticleSource.Located located, int sampleBits, TermDictionary dictionary) {
    return hashed(located).interned(sampleBits, dictionary);
  }

  /** The sketch of one article, knowing nothing of the others: terms by hash, every shingle. */
  HashedSketch hashed(ArticleSource.Located located) {
    Article article = located.article();
    String body = article.body();
    BodyAnalysis analysis = analyse(body);
    TermCounts terms = storyTerms(article, analysis);
    long[] hashes = new long[terms.size()];
    float[] counts = new float[terms.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = terms.term(i);
      counts[i] = (float) terms.weight(i);
    }
    return new HashedSketch(
        article.info(),
        located.position(),
        ArticleTable.bodyHash(body),
        analysis.shingleSet().length == 0 ? 0 : wordsHash(analysis.tokens()),
        minHasher.sign(analysis.shingleSet()),
        analysis.shingleSet(),
        hashes,
        counts,
        embedding(article));
  }

  /** The body's words and shingles. */
  BodyAnalysis analyse(String body) {
    return BodyAnalysis.of(body, tokenizer, shingleSize);
  }

  /** The article's story terms, by hash: its body's words weighed, with its title's. */
  TermCounts storyTerms(Article article, BodyAnalysis analysis) {
    Tokens titleTokens =
        article.title() == null
            ? Tokens.empty()
            : tokenizer.tokenize(TextNormalizer.normalize(article.title()));
    return weigher.weigh(article.body(), analysis.normalized(), analysis.tokens(), titleTokens);
  }

  /** The article's lead embedding, quantized; null without an embedder. */
  byte[] embedding(Article article) {
    return embedder == null
        ? null
        : Embeddings.quantize(embedder.embed(Lead.of(article.title(), article.body(), leadChars)));
  }

  /**
   * A hash of the words' term hashes in order, never 0: two articles with the same words once
   * normalised (a {@link dev.retold.Relation#DUPLICATE} pair) hash alike.
   */
  static long wordsHash(Tokens tokens) {
    HashStream64 stream = Hashing.komihash5_0().hashStream();
    for (int i = 0; i < tokens.size(); i++) {
      stream.putLong(tokens.termHash(i));
    }
    long hash = stream.getAsLong();
    return hash == 0 ? 1 : hash;
  }

  /**
   * The shingles whose hash, scrambled, has its top {@code bits} bits clear: 1 in 2^bits of them,
   * the same ones in every article, so two articles keep the same sample of what they share.
   */
  static long[] sample(long[] sortedShingles, int bits) {
    if (bits == 0) {
      return sortedShingles;
    }
    int kept = 0;
    long[] sample = new long[sortedShingles.length];
    for (long shingle : sortedShingles) {
      if ((shingle * 0x9E3779B97F4A7C15L) >>> (64 - bits) == 0) {
        sample[kept++] = shingle;
      }
    }
    return Arrays.copyOf(sample, kept);
  }
}
