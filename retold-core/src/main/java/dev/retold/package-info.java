/**
 * Retold's public API: the {@link dev.retold.Retold} facade that scans a folder or a list of
 * articles, and the immutable values it returns ({@link dev.retold.ScanResult}, {@link
 * dev.retold.Story}, {@link dev.retold.ArticlePair}...). A library user needs only this package.
 *
 * <p>The stages behind the facade live in sub-packages, in the order data flows through them: {@code
 * load}, {@code text}, {@code fingerprint}, {@code index}, {@code similarity}, {@code cluster},
 * {@code report} ({@code parallel} shares work among threads). Here, package-private, the scan
 * itself: a {@code FirstPass} that sketches every article, a {@code SecondPass} that reads again
 * the articles whose evidence is reported, and the {@code ScanPipeline} between them.
 */
package dev.retold;
