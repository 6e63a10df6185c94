package dev.retold.index;

import java.util.Map;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilterFactory;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The story index's codec: Lucene's default, but with a Bloom filter over each segment's terms in
 * the fields looked up term by term ({@link BloomFilteringPostingsFormat}).
 *
 * <p>Those fields hold ids and 64-bit hashes (story terms, sampled shingles), most held by a few
 * articles, so most lookups of a term in a segment find nothing; without a filter each miss still
 * loads and searches a block of the segment's term dictionary, and placing an article looks up
 * hundreds of terms in every segment. The filter answers most misses from memory. It changes no
 * answer: a term the filter lets through is looked up as before.
 *
 * <p>Each segment names the postings format of each field, and Lucene finds the format by that name
 * to read it: an index written before, without filters, reads as it did, and its segments gain
 * filters as they merge.
 */
final class StoreCodec extends Lucene912Codec {
  /** The most terms a filter is sized for; a segment with more fills its filter more densely. */
  private static final int MOST_TERMS = 100_000_000;

  /** The share of false positives a filter is sized for, as Lucene's default factory sizes it. */
  private static final float FALSE_POSITIVES = 0.1023f;

  /** The share of bits set past which a filter is not worth keeping: Lucene's default. */
  private static final float SATURATED = 0.9f;

  private final PostingsFormat bloom;
  private final Map<String, Integer> termsPerArticle;

  /**
   * The default codec, with the fields of {@code termsPerArticle} behind Bloom filters, each sized
   * for a segment's articles times the field's terms an article at most holds (over-sized: a filter
   * shrinks to what it holds once its segment is written).
   */
  StoreCodec(Map<String, Integer> termsPerArticle) {
    this.termsPerArticle = Map.copyOf(termsPerArticle);
    this.bloom =
        new BloomFilteringPostingsFormat(super.getPostingsFormatForField(""), new Sizing());
  }

  @Override
  public PostingsFormat getPostingsFormatForField(String field) {
    return termsPerArticle.containsKey(field) ? bloom : super.getPostingsFormatForField(field);
  }

  /** Sizes a segment's filter for a field by its articles and the field's terms per article. */
  private final class Sizing extends BloomFilterFactory {
    @Override
    public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
      long terms = (long) state.segmentInfo.maxDoc() * termsPerArticle.getOrDefault(info.name, 1);
      return FuzzySet.createOptimalSet(
          (int) Math.min(MOST_TERMS, Math.max(1, terms)), FALSE_POSITIVES);
    }

    @Override
    public boolean isSaturated(FuzzySet set, FieldInfo info) {
      return set.getSaturation() > SATURATED;
    }
  }
}
