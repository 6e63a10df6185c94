/**
 * Fixed-size sketches of shingle sets, for estimating Jaccard similarity without the sets:
 *
 * <ul>
 *   <li>{@link dev.retold.fingerprint.MinHasher}: one-permutation hashing with optimal
 *       densification over a document's shingle hashes, seeded and reproducible across runs and
 *       machines;
 *   <li>{@link dev.retold.fingerprint.MinHashSignature}: the immutable signature, with its Jaccard
 *       estimate and the defined empty-set cases.
 * </ul>
 *
 * <p>Signatures are only comparable when made by hashers with the same number of components and
 * seed. Making shingles is {@code dev.retold.text}'s job ({@link dev.retold.text.BodyAnalysis}
 * gives the shingle set the scan signs); finding candidate pairs from signatures is {@code
 * dev.retold.index}'s; exact scores are computed later on the real shingle sets. Internal: not
 * exported by the module.
 */
package dev.retold.fingerprint;
