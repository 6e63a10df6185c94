/**
 * The load stage: turns files into {@link dev.retold.Article}s, and says why a file was not loaded.
 *
 * <ul>
 *   <li>{@link dev.retold.load.ArticleFiles}: what the facade asks of this package: the {@link
 *       dev.retold.ArticleSource} of a folder or a JSON Lines file, and one file read as an
 *       article.
 *   <li>{@link dev.retold.load.FolderLoader}: walks a folder safely ({@code FolderWalk}: sorted, no
 *       link loops, hidden files listed; {@code SameFiles}: one file reached by two paths loaded
 *       once) and gives a source ({@code FolderSource}) in which every file is either an article or
 *       a {@link dev.retold.SkippedFile} with a reason.
 *   <li>{@link dev.retold.load.ArticleReader}: one file's bytes or text to an article: front matter
 *       to metadata, a leading date marker to the date, page chrome out of the body, the headline
 *       to the title, with an exact {@link dev.retold.SourceMap} back to the text.
 *   <li>{@code HtmlPage}: a saved web page (a {@code .html}/{@code .htm} file with markup, or any
 *       text that opens like a page: {@code HtmlSniffer}) to an article, for {@code ArticleReader}:
 *       parsed with jsoup keeping source positions, cut into blocks of visible text ({@code
 *       PageBlocks}), the article's blocks found by text and link density and the page's own hints
 *       ({@code MainContent}, {@code MarkupHints}), title, date, author, site and address from Open
 *       Graph, JSON-LD and the markup ({@code PageMetadata}, {@code JsonLd}); the source map goes
 *       through character references ({@code EntityAlignment}) into the decoded page.
 *   <li>{@link dev.retold.load.TextDecoder}: bytes to text (byte order marks, strict UTF-8, a
 *       Windows-1252 fallback) or a reason (empty, binary, no text).
 *   <li>{@link dev.retold.load.JsonLinesLoader}: one article a line of a JSON Lines file.
 *   <li>Each source reads an article again by its position and nothing else: a folder's by the
 *       file's index in the sorted listing, a JSON Lines file's by the byte offset its line starts
 *       at ({@code LineReader} tells them).
 * </ul>
 *
 * <p>What does not live here: normalising text (case, quotes, white space) is the {@code text}
 * stage's job; bodies leave this package exactly as they stand in the source, minus whole lines
 * (and a date marker) taken out; an HTML page's body is its article's text as a browser shows it
 * (references decoded, white space collapsed), one line per paragraph. Internal: not exported by
 * the module.
 */
package dev.retold.load;
