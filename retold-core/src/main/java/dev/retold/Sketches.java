package dev.retold;

import dev.retold.load.ArticleSource;
import java.util.List;

/**
 * What the first pass of a scan knows of every article, in id order (article {@code k} is the
 * {@code k}-th id): its metadata and body hash, its sampled shingles and story terms (let go once
 * the index and the story vectors hold them), where to read it again, and the LSH candidates.
 * Arrays, not objects, because a million articles each cost their object headers.
 */
final class Sketches {
  ArticleInfo[] infos;
  long[] bodyHashes;
  long[][] sampledShingles;
  int[][] termIds;
  float[][] termCounts;
  /** The source position of each article, in id order. */
  int[] positions;
  /** Candidate pairs from the LSH index, in id order. */
  long[] lshPairs;
  int sampleBits;
  int vocabulary;
  List<SkippedFile> skipped;
  ArticleSource source;

  int size() {
    return infos.length;
  }
}
