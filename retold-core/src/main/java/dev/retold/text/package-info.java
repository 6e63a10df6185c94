/**
 * Text analysis, from an article body to the word shingles the fingerprints are made of, and the
 * story terms the story stage weighs:
 *
 * <ul>
 *   <li>{@link dev.retold.text.TextNormalizer}: NFKC, typographic quotes and dashes to ASCII, white
 *       space collapsed; its {@link dev.retold.text.NormalizedText} maps every character back to
 *       the body;
 *   <li>{@link dev.retold.text.WordTokenizer}: Lucene's Unicode word tokenizer, lower-cased and
 *       accent-folded, giving {@link dev.retold.text.Tokens} (terms, offsets and 64-bit term
 *       hashes); ASCII text takes a hand-written scanner proven to give the same words;
 *   <li>{@link dev.retold.text.Shingles}: order-sensitive hashes of k-word runs, and the sorted set
 *       of them;
 *   <li>{@link dev.retold.text.BodyAnalysis}: the three steps above in the one order both passes of
 *       a scan run them;
 *   <li>{@link dev.retold.text.StoryTermWeigher}: the content words of a story, names and numbers
 *       weighing most ({@link dev.retold.text.TermCounts}), and the {@link
 *       dev.retold.text.TermDictionary} that numbers them.
 * </ul>
 *
 * <p>Loading files and splitting front matter from the body happen before this package; MinHash
 * sketches and candidate search after it ({@code dev.retold.fingerprint}, {@code
 * dev.retold.index}). Internal: not exported by the module.
 */
package dev.retold.text;
