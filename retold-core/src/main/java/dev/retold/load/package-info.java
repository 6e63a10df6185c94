/**
 * The load stage: turns files into {@link dev.retold.Article}s, and says why a file was not loaded.
 *
 * <ul>
 *   <li>{@link dev.retold.load.FolderLoader}: walks a folder safely (sorted, no link loops, hidden
 *       files listed) and gives a {@link dev.retold.load.LoadResult} in which every file is either
 *       an article or a {@link dev.retold.SkippedFile} with a reason.
 *   <li>{@link dev.retold.load.ArticleReader}: one file's bytes or text to an article: front matter
 *       to metadata, a leading date marker to the date, page chrome out of the body, the headline
 *       to the title, with an exact {@link dev.retold.SourceMap} back to the text.
 *   <li>{@link dev.retold.load.TextDecoder}: bytes to text (byte order marks, strict UTF-8, a
 *       Windows-1252 fallback) or a reason (empty, binary, no text).
 *   <li>{@link dev.retold.load.JsonLinesLoader}: one article a line of a JSON Lines file.
 *   <li>{@link dev.retold.load.ArticleSource}: what a scan reads, twice: every article once in
 *       batches, then again by position only those whose evidence it reports. Folders give one
 *       that reads a file again by its path, JSON Lines files one that reads a line again by its
 *       byte offset ({@code LineReader} keeps them), and {@link
 *       dev.retold.load.ArticleSource#of(java.util.List)} one over articles in memory.
 * </ul>
 *
 * <p>What does not live here: normalising text (case, quotes, white space) is the {@code text}
 * stage's job; bodies leave this package exactly as they stand in the source, minus whole lines
 * (and a date marker) taken out.
 */
package dev.retold.load;
