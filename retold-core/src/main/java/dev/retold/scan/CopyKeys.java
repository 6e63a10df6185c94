package dev.retold.scan;

/**
 * What a distributed scan joins on to find an article's copy candidates elsewhere than in the
 * scan's own indexes ({@link ScanEngine#copyKeys}): two articles are an LSH candidate when they
 * share a band key at the same band, and a shared-shingle candidate when they share at least {@link
 * ScanEngine#minSharedShingles} of their sampled shingles, counting only shingles held by at most
 * {@link ScanEngine#maxShingleDocuments} articles. Of articles with the same words hash (other than
 * 0), only the first read takes part; the others are its exact copies.
 *
 * @param position where the source reads the article again
 * @param id the article's id
 * @param wordsHash the hash of its words once normalised, or 0 without shingles
 * @param bandKeys one LSH bucket key per band ({@link dev.retold.index.BandedLshIndex#bandKeys}),
 *     none without shingles
 * @param shingles its shingles as sampled for a scan of that many articles, sorted
 */
public record CopyKeys(
    long position, String id, long wordsHash, long[] bandKeys, long[] shingles) {}
