/**
 * Candidate search: which pairs of documents are worth an exact comparison, without comparing all
 * pairs. Three sources:
 *
 * <ul>
 *   <li>{@link dev.retold.index.BandedLshIndex}: banded LSH over MinHash signatures, cut as {@link
 *       dev.retold.index.LshParameters} say (chosen for a Jaccard threshold like datasketch's
 *       {@code MinHashLSH}); finds copies and near-copies;
 *   <li>{@link dev.retold.index.SharedHashIndex}: an inverted index of 64-bit hashes capped by
 *       document frequency, pairing documents that share at least a minimum number of them. Over
 *       shingles it finds rewrites that share many exact word runs but too little overall for LSH
 *       (merged with the LSH candidates downstream); over each article's heaviest terms, articles
 *       on the same story;
 *   <li>{@link dev.retold.index.VectorNeighbours}: nearest neighbours by cosine among quantized
 *       embeddings, exact for a few, through a Lucene HNSW graph past a size; what an article's
 *       story background is made of.
 * </ul>
 *
 * <p>The first two take dense {@code int} document ids and give {@link
 * dev.retold.index.CandidatePair}s (or {@link dev.retold.index.SharedHashCandidate}s) with {@code a
 * < b}, sorted, the same for the same input. Candidates are hypotheses: scoring them exactly is the
 * next stage's job.
 *
 * <p>And the persistent story index's machinery, behind {@link dev.retold.StoryIndex}: {@link
 * dev.retold.index.ArticleStore} keeps the articles, their stories and the ids' state in a Lucene
 * index, one commit per change; {@link dev.retold.index.StableStoryIds} gives a new clustering the
 * ids its stories had before; {@link dev.retold.index.KeptEmbeddings} answers a scan of the index
 * from the embeddings it keeps.
 */
package dev.retold.index;
