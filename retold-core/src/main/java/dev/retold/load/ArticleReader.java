package dev.retold.load;

import dev.retold.Article;
import dev.retold.RetoldSettings;
import dev.retold.load.SourceLines.Line;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 *   <li>Decode ({@link TextDecoder}); files over the byte limit are skipped as {@code "too large (N
 *       bytes > limit M)"}.
 *   <li>YAML front matter ({@link FrontMatter}) leaves the body; its fields become {@link
 *       Article#metadata()}, its "title" and "date" the article's title and date. Malformed front
 *       matter still leaves the body; its problem is kept under the metadata key {@value
 *       #FRONT_MATTER_ERROR_KEY}.
 *   <li>A date marker ({@link DateMarker}) opening the first non-blank line leaves the body; the
 *       rest of that line stays. Its date is used when the front matter gives none.
 *   <li>Page chrome ({@link PageChromeFilter}) leaves the body and is listed, stripped, in {@link
 *       Article#removedLines()}.
 *   <li>The title is the front matter's, else the headline line the chrome filter found. The
 *       headline line stays in the body: it is text the article's author wrote, and retellings
 *       often reuse it.
 * </ol>
 *
 * <p>The body is the kept lines joined by their own line breaks, with leading and trailing blank
 * lines dropped, and no more blank lines in a row where chrome was removed than were on either side
 * of it; nothing else changes (no normalisation). The article's source map maps every body
 * character to the identical character of the decoded text. A text whose body ends up empty is
 * skipped.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticleReader {
  /** Metadata key under which a front-matter problem is reported. */
  public static final String FRONT_MATTER_ERROR_KEY = "front-matter-error";

  /** Metadata key under which a date that could not be read is reported ({@link DateText}). */
  public static final String DATE_ERROR_KEY = "date-error";

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

  /**
   * Reads one file as the article {@code id}: a folder, or a file the reader skips (too large by
   * its size on disk, empty, binary...), gives a {@link ReadResult.Skipped} with the reason. The
   * file is never read past one byte over the limit, so a file that grows is still caught.
   *
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path file, String id) throws IOException {
    if (Files.isDirectory(file)) {
      return new ReadResult.Skipped("a folder, not a file");
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      return new ReadResult.Skipped(tooLarge(size));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    return read(id, bytes);
  }

  /** Reads a file's bytes as the article {@code id}; never throws for any content. */
  public ReadResult read(String id, byte[] bytes) {
    checkId(id);
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > maxBytes) {
      return new ReadResult.Skipped(tooLarge(bytes.length));
    }
    DecodedText decoded = TextDecoder.decode(bytes);
    if (decoded instanceof DecodedText.Rejected) {
      return new ReadResult.Skipped(((DecodedText.Rejected) decoded).reason());
    }
    return read(id, ((DecodedText.Text) decoded).text());
  }

  /**
   * Reads already decoded text as the article {@code id}; the source map points into {@code text}.
   * No size limit applies.
   */
  public ReadResult read(String id, String text) {
    checkId(id);
    Objects.requireNonNull(text, "text");
    if (LineShape.isBlank(text)) {
      return new ReadResult.Skipped("no text");
    }
    if (HtmlPage.applies(id, text)) {
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
      }
      break;
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
    StringBuilder body = new StringBuilder();
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
