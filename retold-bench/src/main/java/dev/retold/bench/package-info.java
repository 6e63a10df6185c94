/**
 * A deterministic generator of labelled news-like corpora, for benchmarks and scale runs of Retold.
 *
 * <ul>
 *   <li>{@link dev.retold.bench.CorpusGenerator}: the articles, streamed, from a seed and a
 *       builder's settings;
 *   <li>{@link dev.retold.bench.GeneratedArticle}: one article and its planted label (story,
 *       relation, origin, how it was planted);
 *   <li>{@link dev.retold.bench.ArticleSink} and {@link dev.retold.bench.ArticleSinks}: write
 *       articles as a folder of text files or one JSON Lines file, with a {@code labels.tsv};
 *   <li>{@link dev.retold.bench.WordListBuilder}: regenerates the word list the text is drawn from.
 * </ul>
 *
 * <p>What does not live here: finding stories (that is {@code retold-core}), the command line
 * ({@code dev.retold.bench.cli}), the signers compared ({@code dev.retold.bench.signers}) and the
 * benchmarks that time them ({@code dev.retold.bench.jmh}).
 */
package dev.retold.bench;
