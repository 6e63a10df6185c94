package dev.retold.scan;

/**
 * What a stage of the second pass does with one pair of articles read again in full: verify a copy
 * candidate, find a same-story pair's evidence, compare two articles. Implementations are the
 * stages themselves, holding what they need; they must be thread-safe, as {@link PairReader} works
 * blocks of pairs in parallel.
 *
 * @param <T> what the stage makes of a pair
 */
@FunctionalInterface
interface PairWork<T> {
  /** The work on {@code job}, whose articles are {@code a} (at {@code job.a()}) and {@code b}. */
  T apply(PairReader.Job job, AnalyzedArticle a, AnalyzedArticle b);
}
