package dev.retold.load;

import dev.retold.Article;
import dev.retold.RetoldSettings;
import dev.retold.load.SourceLines.Line;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns one file's bytes (or decoded text) into an {@link Article}, or says why it cannot.
 *
 * <p>An HTML page (a {@code .html} or {@code .htm} file with markup in it, or any text that opens
 * like a page: see {@link HtmlSniffer}) is read by {@link HtmlPage} instead: its main content is
 * the body, its metadata the title, date and fields, the rest of the page the removed lines.
 *
 * <p>Any other text goes through these steps, each of which only takes lines or a line's start out
 * of the text:
 *
 * <ol>
 *   <li>A file named {@code .gz} (any case) is decompressed first (concatenated members too), and
 *       read as the format its name without {@code .gz} says ({@code x.html.gz} as {@code x.html});
 *       its id stays the file's own. At most the byte limit plus one byte is ever inflated, so a
 *       gzip bomb costs no more than a file at the limit: it is skipped as {@code "too large
 *       (decompressed over limit M bytes)"}. A file that is not valid gzip is skipped as {@code
 *       "corrupt gzip: ..."}.
 *   <li>Decode ({@link TextDecoder}); files over the byte limit are skipped as {@code "too large (N
 *       bytes > limit M)"}. Invalid bytes replaced in a mostly UTF-8 file are reported under the
 *       metadata key {@value #ENCODING_ERROR_KEY}.
 *   <li>Front matter ({@link FrontMatter}: YAML between {@code ---} lines, TOML between {@code +++}
 *       lines) leaves the body, whatever the file's extension; its fields become {@link
 *       Article#metadata()}, its "title" and "date" the article's title and date (a date that is
 *       not one is reported under {@value #DATE_ERROR_KEY}). Malformed front matter still leaves
 *       the body; its problem is kept under the metadata key {@value #FRONT_MATTER_ERROR_KEY}.
 *   <li>A date marker ({@link DateMarker}) opening the first non-blank line leaves the body; the
 *       rest of that line stays. Its date is used when the front matter gives none.
 *   <li>A Markdown file (by the format name's ending: {@code .md}, {@code .markdown}, {@code
 *       .mdown}, {@code .mkd}) is rendered to plain text ({@link MarkdownRenderer}) and its first
 *       heading is the title when the front matter gives none; page chrome is not looked for in it
 *       (a Markdown file is what its author wrote, and the chrome rules would take out list items).
 *       The steps below are for every other file.
 *   <li>Page chrome ({@link PageChromeFilter}) leaves the body and is listed, stripped, in {@link
 *       Article#removedLines()}.
 *   <li>The title is the front matter's, else the headline line the chrome filter found. The
 *       headline line stays in the body: it is text the article's author wrote, and retellings
 *       often reuse it.
 * </ol>
 *
 * <p>The body of a text file is the kept lines joined by their own line breaks, with leading and
 * trailing blank lines dropped, and no more blank lines in a row where chrome was removed than were
 * on either side of it; nothing else changes (no normalisation). Its source map maps every body
 * character to the identical character of the decoded text. A Markdown body's map sends each
 * character that stands verbatim in the source to it, and the rest to a neighbour. A text whose
 * body ends up empty is skipped. No content makes a reader throw.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticleReader {
  /** Metadata key under which a front-matter problem is reported. */
  public static final String FRONT_MATTER_ERROR_KEY = "front-matter-error";

  /** Metadata key under which a date that could not be read is reported ({@link DateText}). */
  public static final String DATE_ERROR_KEY = "date-error";

  /**
   * Metadata key under which bytes that were not valid in the file's encoding are reported, e.g.
   * {@code "UTF-8 (3 invalid bytes replaced)"} ({@link TextDecoder}).
   */
  public static final String ENCODING_ERROR_KEY = "encoding-error";

  private final long maxBytes;
  private final boolean removePageChrome;

  /**
   * A reader with these settings.
   *
   * @param loading the size limit (checked where it was made, in the settings)
   * @param removePageChrome whether to take page chrome out of the body (credits included); the
   *     headline is found either way
   */
  public ArticleReader(RetoldSettings.Loading loading, boolean removePageChrome) {
    this.maxBytes = loading.maxFileBytes();
    this.removePageChrome = removePageChrome;
  }

  /** A reader with the default size limit that removes page chrome. */
  public static ArticleReader withDefaults() {
    return new ArticleReader(RetoldSettings.defaults().loading(), true);
  }

  /** The byte limit. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Whether page chrome is removed. */
  public boolean removesPageChrome() {
    return removePageChrome;
  }

  /** The reason given for a file of {@code size} bytes over the limit. */
  String tooLarge(long size) {
    return "too large (" + size + " bytes > limit " + maxBytes + ")";
  }

  /** Whether {@code name} ends with {@code .gz}, in any case: a file to decompress first. */
  static boolean isGzip(String name) {
    return name.regionMatches(true, name.length() - 3, ".gz", 0, 3);
  }

  /**
   * Reads one file as the article {@code id}: a folder, or a file the reader skips (too large by
   * its size on disk, empty, binary...), gives a {@link ReadResult.Skipped} with the reason. The
   * file is never read past one byte over the limit (a {@code .gz} file: never inflated past it),
   * so a file that grows is still caught.
   *
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path file, String id) throws IOException {
    FileBytes raw = bytes(file, id);
    return raw.skipped() != null ? raw.skipped() : read(id, raw.formatName(), raw.bytes());
  }

  /**
   * One file's decoded text with the article read from it, for showing evidence where it stands in
   * the file: the article's source map and every passage's offsets point into {@code text}.
   *
   * @param text the file's text, decoded (and decompressed) as {@link #read(Path, String)} does
   * @param article the article {@link #read(Path, String)} reads from it
   */
  public record Source(String text, Article article) {
    /** Checks both are present. */
    public Source {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * {@code file} read as the article {@code id}, as {@link #read(Path, String)} reads it, with its
   * decoded text; empty when it is not an article (the reason is {@code read}'s to give).
   *
   * @throws IOException if the file cannot be read
   */
  public Optional<Source> source(Path file, String id) throws IOException {
    FileBytes raw = bytes(file, id);
    if (raw.skipped() != null) {
      return Optional.empty();
    }
    if (TextDecoder.decode(raw.bytes()) instanceof DecodedText.Text text
        && read(id, raw.formatName(), text.text()) instanceof ReadResult.Loaded loaded) {
      return Optional.of(new Source(text.text(), loaded.article()));
    }
    return Optional.empty();
  }

  /** A file's bytes (decompressed) and the name that tells their format, or why it is skipped. */
  private record FileBytes(String formatName, byte[] bytes, ReadResult.Skipped skipped) {
    static FileBytes skip(String reason) {
      return new FileBytes(null, null, new ReadResult.Skipped(reason));
    }
  }

  private FileBytes bytes(Path file, String id) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      return FileBytes.skip("a folder, not a file");
    }
    if (WarcRecords.isWarc(file.getFileName().toString())) {
      return FileBytes.skip("a WARC file (a web crawl), many pages: scan it to read them");
    }
    long size = attributes.size();
    if (size > 0 && isGzip(file.getFileName().toString())) {
      return gzipBytes(file, id);
    }
    if (size > maxBytes) {
      return FileBytes.skip(tooLarge(size));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new FileBytes(
          id, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)), null);
    }
  }

  private FileBytes gzipBytes(Path file, String id) throws IOException {
    byte[] bytes;
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (EOFException truncated) {
      return FileBytes.skip("corrupt gzip: cut short");
    } catch (ZipException corrupt) {
      return FileBytes.skip("corrupt gzip: " + corrupt.getMessage());
    }
    if (bytes.length > maxBytes) {
      return FileBytes.skip("too large (decompressed over limit " + maxBytes + " bytes)");
    }
    return new FileBytes(id.substring(0, isGzip(id) ? id.length() - 3 : id.length()), bytes, null);
  }

  /** Reads a file's bytes as the article {@code id}; never throws for any content. */
  public ReadResult read(String id, byte[] bytes) {
    return read(id, id, bytes);
  }

  /**
   * Reads bytes as the article {@code id}, in the format {@code formatName} tells by its ending;
   * never throws for any content.
   *
   * @param formatName the name whose ending says what the bytes are: the id itself for a file, the
   *     id less {@code .gz} for a decompressed file, a name ending {@code .html} or {@code .txt}
   *     for a web page's payload of that media type (see {@link WarcRecords}). Every format is read
   *     as text here; a reader of a richer format (HTML) decides by this name, not by the id.
   */
  ReadResult read(String id, String formatName, byte[] bytes) {
    checkId(id);
    Objects.requireNonNull(formatName, "formatName");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > maxBytes) {
      return new ReadResult.Skipped(tooLarge(bytes.length));
    }
    DecodedText decoded = TextDecoder.decode(bytes);
    if (decoded instanceof DecodedText.Rejected) {
      return new ReadResult.Skipped(((DecodedText.Rejected) decoded).reason());
    }
    DecodedText.Text text = (DecodedText.Text) decoded;
    ReadResult result = read(id, formatName, text.text());
    if (result instanceof ReadResult.Loaded loaded && TextDecoder.replacedBytes(text)) {
      Article article = loaded.article();
      Map<String, String> metadata = new LinkedHashMap<>(article.metadata());
      metadata.put(ENCODING_ERROR_KEY, text.encoding());
      return new ReadResult.Loaded(
          new Article(
              article.id(),
              article.title(),
              article.date(),
              article.body(),
              metadata,
              article.removedLines(),
              article.sourceMap()));
    }
    return result;
  }

  /**
   * Reads already decoded text as the article {@code id}; the source map points into {@code text}.
   * No size limit applies.
   */
  public ReadResult read(String id, String text) {
    return read(id, id, text);
  }

  /**
   * Reads already decoded text as the article {@code id}, in the format {@code formatName} tells
   * (as {@link #read(String, String, byte[])}).
   */
  ReadResult read(String id, String formatName, String text) {
    checkId(id);
    Objects.requireNonNull(formatName, "formatName");
    Objects.requireNonNull(text, "text");
    if (LineShape.isBlank(text)) {
      return new ReadResult.Skipped("no text");
    }
    if (HtmlPage.applies(formatName, text)) {
      return HtmlPage.read(id, text, removePageChrome);
    }
    List<Line> lines = SourceLines.split(text);
    Map<String, String> metadata = new LinkedHashMap<>();
    String title = null;
    LocalDate date = null;
    int firstLine = 0;
    Optional<FrontMatter> frontMatter = FrontMatter.find(text, lines);
    if (frontMatter.isPresent()) {
      FrontMatter fields = frontMatter.get();
      firstLine = fields.bodyLine();
      metadata.putAll(fields.fields());
      if (fields.error() != null) {
        metadata.put(FRONT_MATTER_ERROR_KEY, fields.error());
      }
      title = fields.title();
      String dateText = fields.fields().get("date");
      if (dateText != null && !LineShape.isBlank(dateText)) {
        DateText read = DateText.parse(dateText);
        date = read.date();
        if (read.problem() != null) {
          metadata.put(DATE_ERROR_KEY, read.problem());
        }
      }
    }
    List<Line> bodyLines = new ArrayList<>(lines.subList(firstLine, lines.size()));
    int bodyStart = bodyLines.isEmpty() ? text.length() : bodyLines.get(0).start();
    for (int i = 0; i < bodyLines.size(); i++) {
      Line line = bodyLines.get(i);
      CharSequence content = text.subSequence(line.start(), line.end());
      if (LineShape.isBlank(content)) {
        continue;
      }
      Optional<DateMarker> marker = DateMarker.find(content);
      if (marker.isPresent()) {
        date = date == null ? marker.get().date() : date;
        bodyLines.set(i, new Line(line.start() + marker.get().length(), line.end(), line.next()));
        bodyStart = line.start() + marker.get().length();
      }
      break;
    }
    if (MarkdownRenderer.isMarkdown(formatName)) {
      return markdown(id, text, bodyStart, title, date, metadata);
    }
    List<String> contents = new ArrayList<>(bodyLines.size());
    for (Line line : bodyLines) {
      contents.add(text.substring(line.start(), line.end()));
    }
    BitSet chrome;
    int headline;
    if (removePageChrome) {
      PageChromeFilter.Verdict verdict = PageChromeFilter.classify(contents);
      chrome = verdict.chrome();
      headline = verdict.headline();
    } else {
      chrome = new BitSet();
      headline = PageChromeFilter.plainHeadline(contents, chrome);
    }
    if (title == null && headline >= 0) {
      title = contents.get(headline).strip();
    }
    return assemble(id, text, bodyLines, contents, chrome, title, date, metadata);
  }

  /**
   * A Markdown body: rendered to plain text from {@code bodyStart} on; its first heading is the
   * title when the front matter gives none. Page chrome is not looked for: a Markdown file is what
   * its author wrote, not a page scraped with its navigation, and the chrome rules (short lines,
   * menu words) would take out list items and subheadings.
   */
  private static ReadResult markdown(
      String id,
      String text,
      int bodyStart,
      String title,
      LocalDate date,
      Map<String, String> metadata) {
    MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(text, bodyStart);
    if (LineShape.isBlank(rendered.body())) {
      return new ReadResult.Skipped(
          "no body text (only front matter, a date marker or Markdown markup)");
    }
    return new ReadResult.Loaded(
        new Article(
            id,
            title != null ? title : rendered.title(),
            date,
            rendered.body(),
            metadata,
            List.of(),
            rendered.sourceMap()));
  }

  private static ReadResult assemble(
      String id,
      String text,
      List<Line> lines,
      List<String> contents,
      BitSet chrome,
      String title,
      LocalDate date,
      Map<String, String> metadata) {
    List<String> removed = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    boolean lastKeptBlank = false;
    boolean removedSinceLastKept = false;
    for (int i = 0; i < lines.size(); i++) {
      if (chrome.get(i)) {
        removed.add(contents.get(i).strip());
        removedSinceLastKept = true;
        continue;
      }
      boolean blank = LineShape.isBlank(contents.get(i));
      if (blank && (kept.isEmpty() || (lastKeptBlank && removedSinceLastKept))) {
        continue;
      }
      kept.add(i);
      lastKeptBlank = blank;
      removedSinceLastKept = false;
    }
    while (!kept.isEmpty() && LineShape.isBlank(contents.get(kept.get(kept.size() - 1)))) {
      kept.remove(kept.size() - 1);
    }
    if (kept.isEmpty()) {
      return new ReadResult.Skipped(
          "no body text (only front matter, a date marker or page chrome)");
    }
    StringBuilder body = new StringBuilder(text.length());
    SourceMapBuilder map = new SourceMapBuilder();
    for (int k = 0; k < kept.size(); k++) {
      Line line = lines.get(kept.get(k));
      body.append(text, line.start(), line.end());
      map.append(line.start(), line.end() - line.start());
      if (k + 1 < kept.size()) {
        body.append(text, line.end(), line.next());
        map.append(line.end(), line.next() - line.end());
      }
    }
    return new ReadResult.Loaded(
        new Article(id, title, date, body.toString(), metadata, removed, map.build()));
  }

  private static void checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
  }
}
