package dev.retold.scan;

/**
 * What a distributed scan joins on to find an article's story candidates elsewhere than in the
 * scan's own index ({@link ScanEngine#storyTerms}): first its story terms, counted over the
 * articles for their document frequencies; then, weighed by those, its heaviest terms ({@link
 * ScanEngine#heaviestTerms}), of which two articles must share at least {@link
 * ScanEngine#minSharedHeavyTerms}, counting only terms among at most {@link
 * ScanEngine#maxHeavyTermArticles} articles' heaviest. Every article of the scan takes part (exact
 * copies too), but for a repeated id's later articles, which the scan skips.
 *
 * @param position where the source reads the article again
 * @param id the article's id
 * @param terms its story terms' hashes, increasing (signed order), each once
 * @param counts each term's weighted count, in the order of {@code terms}
 */
public record StoryTermKeys(long position, String id, long[] terms, float[] counts) {}
