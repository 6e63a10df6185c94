package dev.retold.scan;

import dev.retold.SkippedFile;
import java.util.List;

/**
 * What the first pass hands on: the immutable table of articles, and, once each, the parts only one
 * later stage needs and that it lets go of as soon as it is done (a million articles' sampled
 * shingles or story terms are gigabytes).
 *
 * @param articles every article, in id order
 * @param sampledShingles each article's sampled shingle set, sorted, for the copy candidates
 * @param sampleBits the sample is 1 in 2^sampleBits of each article's shingles
 * @param lshPairs the LSH index's candidate pairs, as sorted pair keys of article indexes
 * @param terms each article's story terms, for the story vectors
 * @param skipped the entries the source could not read as articles, sorted by path
 */
record Sketches(
    ArticleTable articles,
    Handoff<long[][]> sampledShingles,
    int sampleBits,
    Handoff<long[]> lshPairs,
    Handoff<StoryTerms> terms,
    Handoff<byte[][]> embeddings,
    List<SkippedFile> skipped) {

  /**
   * Each article's story terms, as ids of the scan's term dictionary in increasing order, with
   * their weighted counts.
   *
   * @param ids each article's term ids, increasing
   * @param counts each article's weighted counts, in the order of its ids
   * @param vocabulary how many distinct term ids there are
   */
  record StoryTerms(int[][] ids, float[][] counts, int vocabulary) {}
}
