/**
 * Retold's public API: the {@link dev.retold.Retold} facade that scans a folder, a JSON Lines file,
 * any {@link dev.retold.ArticleSource} or a list of articles, its {@link
 * dev.retold.RetoldSettings}, and the immutable values it takes and returns ({@link
 * dev.retold.Article}, {@link dev.retold.ScanResult}, {@link dev.retold.Story}, {@link
 * dev.retold.CopyGroup}, {@link dev.retold.ArticlePair}...). A library user needs only this
 * package, and {@code dev.retold.report} to write a result out.
 *
 * <p>The machinery behind the facade lives in packages the module does not export, in the order
 * data flows through them: {@code load} (files to articles), {@code text} (normalising, words,
 * shingles, story terms), {@code fingerprint} (MinHash), {@code index} (candidate pairs), {@code
 * similarity} (exact scores, relations, passages), {@code cluster} (stories), and {@code scan}, the
 * engine that runs them as a list of named stages; {@code parallel} shares work among threads.
 */
package dev.retold;
