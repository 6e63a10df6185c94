/**
 * The scan engine: {@link dev.retold.scan.ScanEngine} runs a scan as a list of named stages, each a
 * package-private type with one job (read and sketch, copy candidates, story vectors, verify
 * copies, story candidates, cluster, evidence, assemble), over two passes of an {@link
 * dev.retold.ArticleSource}: the first keeps a sketch of every article, the second ({@code
 * PairReader}) reads again only the articles of candidate and reported pairs. The stages call the
 * algorithms of {@code text}, {@code fingerprint}, {@code index}, {@code similarity} and {@code
 * cluster}; nothing here scores or groups by itself. Exact copies are collapsed to one
 * representative before verification ({@code ExactCopies}), and copies are reported as groups with
 * one pair's passages, so {@code n} copies of a text cost work linear in {@code n}. The facade
 * {@link dev.retold.Retold} is the only caller. Internal: not exported by the module.
 */
package dev.retold.scan;
