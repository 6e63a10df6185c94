/**
 * The load stage: turns files into {@link dev.retold.Article}s, and says why a file was not loaded.
 *
 * <ul>
 *   <li>{@link dev.retold.load.ArticleFiles}: what the facade asks of this package: the {@link
 *       dev.retold.ArticleSource} of a folder, a JSON Lines file or a WARC file, and one file read
 *       as an article.
 *   <li>{@link dev.retold.load.FolderLoader}: walks a folder safely ({@code FolderWalk}: sorted, no
 *       link loops nor, by default, links out of the folder, hidden files listed, ids faithful to
 *       the names' bytes; {@code SameFiles}: one file reached by two paths loaded once) and gives a
 *       source ({@code FolderSource}) in which every file is either an article or a {@link
 *       dev.retold.SkippedFile} with a reason.
 *   <li>{@link dev.retold.load.ArticleReader}: one file's bytes or text to an article: front matter
 *       to metadata, a leading date marker to the date, page chrome out of the body, the headline
 *       to the title, with an exact {@link dev.retold.SourceMap} back to the text; a Markdown
 *       file's body rendered to plain text ({@code MarkdownRenderer}, commonmark-java, mapped back
 *       through its source spans).
 *   <li>{@code FrontMatter}: the block of fields atop a post, in one of two syntaxes ({@code
 *       FrontMatterSyntax}: {@code YamlFrontMatter} between {@code ---} lines, snakeyaml-engine;
 *       {@code TomlFrontMatter} between {@code +++} lines, Jackson's TOML module), read under one
 *       set of limits (size, nesting, a node budget) and flattened to fields by one {@code
 *       FrontMatterFields}; a block that breaks a rule or a limit is reported, never a crash.
 *   <li>{@code HtmlPage}: a saved web page (a {@code .html}/{@code .htm} file with markup, or any
 *       text that opens like a page: {@code HtmlSniffer}) to an article, for {@code ArticleReader}:
 *       parsed with jsoup keeping source positions, cut into blocks of visible text ({@code
 *       PageBlocks}), the article's blocks found by text and link density and the page's own hints
 *       ({@code MainContent}, {@code MarkupHints}), title, date, author, site and address from Open
 *       Graph, JSON-LD and the markup ({@code PageMetadata}, {@code JsonLd}); the source map goes
 *       through character references ({@code EntityAlignment}) into the decoded page.
 *   <li>{@link dev.retold.load.TextDecoder}: bytes to text (byte order marks, UTF-8, UTF-8 with a
 *       few invalid bytes replaced, a Windows-1252 fallback) or a reason (empty, binary, no text,
 *       or {@code "unsupported format: PDF"}: {@code FileSignatures} names documents, images, media
 *       and archives by their first bytes).
 *   <li>Compressed files: a {@code .gz} file in a folder is decompressed (never past the byte
 *       limit) and read as its inner name says; a {@code .jsonl.gz} source is decompressed once
 *       into a temporary copy ({@code GzipCopy}) so lines can be read again by offset.
 *   <li>{@link dev.retold.load.JsonLinesLoader}: one article a line of a JSON Lines file.
 *   <li>{@code WarcRecords}: the pages of a WARC web crawl (jwarc), each 200 response of HTML or
 *       plain text an article under its URI, every other record counted or listed; scanned on its
 *       own ({@code WarcSource}) or met in a folder (ids {@code path/crawl.warc.gz#URI}).
 *   <li>Each source reads an article again by its position and nothing else: a folder's by the
 *       file's index in the sorted listing (a WARC record's: the index and the record's offset), a
 *       JSON Lines file's by the byte offset its line starts at ({@code LineReader} tells them; in
 *       the decompressed copy for {@code .gz}), a WARC file's by its record's offset.
 * </ul>
 *
 * <p>What does not live here: normalising text (case, quotes, white space) is the {@code text}
 * stage's job; bodies leave this package exactly as they stand in the source, minus whole lines
 * (and a date marker) taken out, except that a Markdown body loses its markup and an HTML page's
 * body is its article's text as a browser shows it (references decoded, white space collapsed), one
 * line per paragraph. Reports (which fields they show) live in {@code dev.retold.report}. Internal:
 * not exported by the module.
 */
package dev.retold.load;
