/**
 * Candidate search: which pairs of documents are worth an exact comparison, without comparing all
 * pairs. Two sources, whose outputs are merged downstream:
 *
 * <ul>
 *   <li>{@link dev.retold.index.BandedLshIndex}: banded LSH over MinHash signatures, cut as {@link
 *       dev.retold.index.LshParameters} say (chosen for a Jaccard threshold like datasketch's
 *       {@code MinHashLSH}); finds copies and near-copies;
 *   <li>{@link dev.retold.index.SharedShingleIndex}: an inverted index of shingles capped by
 *       document frequency; finds rewrites that share many exact word runs but too little overall
 *       for LSH.
 * </ul>
 *
 * <p>Both take dense {@code int} document ids and give {@link dev.retold.index.CandidatePair}s (or
 * {@link dev.retold.index.SharedShingleCandidate}s) with {@code a < b}, sorted, the same for the
 * same input. Candidates are hypotheses: scoring them exactly is the next stage's job.
 */
package dev.retold.index;
