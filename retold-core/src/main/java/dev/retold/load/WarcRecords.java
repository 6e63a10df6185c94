package dev.retold.load;

import dev.retold.Article;
import dev.retold.SkippedFile;
import dev.retold.parallel.ParallelTasks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The pages of a WARC file (ISO 28500, the format web crawls are kept in; {@code .warc}, or {@code
 * .warc.gz} with one gzip member per record), read with jwarc, as articles.
 *
 * <p>What becomes an article: a {@code response} record with HTTP status 200, or a {@code resource}
 * record of an {@code http(s)} URI, whose payload is {@code text/html}, {@code
 * application/xhtml+xml} or {@code text/plain}. Its id is the target URI (after a prefix: nothing
 * when the WARC is scanned itself, {@code path/crawl.warc.gz#} inside a folder); its metadata holds
 * {@code url} (the target URI) and {@code warc-date}; its date is the page's own (front matter, a
 * date marker, later the HTML reader's), else the day of {@code WARC-Date} in UTC. The payload is
 * undone of its HTTP content encoding (gzip, deflate, brotli), then decoded: by the charset its
 * {@code Content-Type} declares, unless that is missing or one of UTF-8, ASCII, Latin-1 and
 * Windows-1252, which {@link TextDecoder} tells apart itself (servers often declare Latin-1 for
 * UTF-8); then read by {@link ArticleReader} under the format name {@code page.html} or {@code
 * page.txt}, so that a reader of HTML knows it has HTML whatever the URI looks like.
 *
 * <p>What does not, and how it is listed (nothing is dropped silently):
 *
 * <ul>
 *   <li>Records that are never pages, counted in one skipped entry per kind named {@code NAME
 *       (KIND)}: {@code warcinfo}, {@code request}, {@code metadata}, {@code revisit} (a repeat of
 *       an earlier capture, without content) and other record types; responses with a status other
 *       than 200 (redirects, errors), with a count per status; images, audio, video and fonts, and
 *       scripts, style sheets and data, with a count per media type.
 *   <li>Records that could have been a page and are not, one skipped entry each, named {@code
 *       NAME@OFFSET} (the record's offset in the file) with a reason that starts with the URI: a
 *       payload of another type ({@code "unsupported format: PDF (application/pdf)"}), too large,
 *       no text, an unreadable HTTP message, and a URI already loaded from an earlier record
 *       ({@code "same URL as the record at offset N"}: the first capture of a URI that reads as an
 *       article wins, the order of the crawl).
 *   <li>A file that is not a WARC, or breaks off: the records before the damage are kept, and one
 *       entry names the file with the reason. A {@code .warc.gz} that is one gzip stream rather
 *       than one per record cannot be read again by offset: scanned on its own it is decompressed
 *       into a temporary copy first ({@link WarcSource}); in a folder it is read up to the first
 *       record where that shows, and the rest is listed with the advice to decompress it.
 * </ul>
 *
 * <p>Each article's position is its record's offset in the file, from which {@link #reread} reads
 * that one record again: nothing is remembered from the first reading. Payloads are read in the
 * order of the file; turning them into articles is shared among threads, a few hundred records (at
 * most {@value #PENDING_BYTES} bytes of payload) at a time. Thread-safe.
 */
final class WarcRecords {
  /** Records whose payloads are held at once, waiting to be read in parallel. */
  private static final int PENDING_RECORDS = 256;

  /** Payload bytes held at once, waiting to be read in parallel. */
  private static final long PENDING_BYTES = 64L << 20;

  /** The longest problem message given in a reason. */
  private static final int MAX_MESSAGE = 200;

  private static final Set<String> PAGE_TYPES =
      Set.of("text/html", "application/xhtml+xml", "text/plain");

  /** Charsets {@link TextDecoder} tells apart by the bytes, whatever a server declared. */
  private static final Set<String> SNIFFED_CHARSETS =
      Set.of(
          "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252");

  private final ArticleReader reader;
  private final int threads;

  WarcRecords(ArticleReader reader, int threads) {
    this.reader = reader;
    this.threads = threads;
  }

  /** Whether {@code name} ends with {@code .warc} or {@code .warc.gz}, in any case. */
  static boolean isWarc(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".warc") || lower.endsWith(".warc.gz");
  }

  /** Where {@link #read} hands what it finds, in file order. */
  interface Sink {
    /** A page read as an article, at its record's offset. */
    void article(Article article, long offset);

    /** A record, a kind of records, or the file itself, not read as an article. */
    void skipped(SkippedFile skipped);
  }

  /**
   * Reads every record of {@code file}.
   *
   * @param name the file's name in skipped entries: its path in a folder, its name when scanned
   * @param idPrefix put before each page's URI to make its id
   * @param recordDone told the count of records read so far, after each
   * @throws IOException if the file cannot be opened
   */
  void read(Path file, String name, String idPrefix, Sink sink, IntConsumer recordDone)
      throws IOException {
    if (Files.size(file) == 0) {
      sink.skipped(new SkippedFile(name, "empty file"));
      return;
    }
    Map<String, Long> offsetOfId = new HashMap<>();
    Map<String, Map<String, Integer>> tally = new TreeMap<>();
    List<Outcome.Page> pending = new ArrayList<>();
    long pendingBytes = 0;
    int records = 0;
    boolean stopped = false;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      WarcReader warc;
      try {
        warc = new WarcReader(channel);
      } catch (IOException | RuntimeException notWarc) {
        sink.skipped(new SkippedFile(name, "not a WARC file: " + describe(notWarc)));
        return;
      }
      warc.setLenient(true);
      while (true) {
        WarcRecord record;
        long offset;
        try {
          Optional<WarcRecord> next = warc.next();
          if (next.isEmpty()) {
            break;
          }
          record = next.get();
          offset = warc.position();
        } catch (IOException | RuntimeException broken) {
          String reason =
              records == 0
                  ? "not a WARC file: " + describe(broken)
                  : "unreadable after record "
                      + records
                      + ": "
                      + describe(broken)
                      + "; the records after it are not read";
          sink.skipped(new SkippedFile(name, reason));
          stopped = true;
          break;
        }
        if (warc.compression() == WarcCompression.GZIP && !isGzipMember(channel, offset)) {
          sink.skipped(
              new SkippedFile(
                  name,
                  "one gzip stream, not one per record, so its records cannot be found again"
                      + " from record "
                      + (records + 1)
                      + " on; decompress it (gunzip) and scan the .warc"));
          stopped = true;
          break;
        }
        Outcome outcome = classify(record, offset, idPrefix);
        records++;
        if (outcome instanceof Outcome.Page page) {
          pending.add(page);
          pendingBytes += page.payload().length;
        } else if (outcome instanceof Outcome.Skip skip) {
          sink.skipped(new SkippedFile(name + "@" + offset, skip.reason()));
        } else {
          Outcome.Kind kind = (Outcome.Kind) outcome;
          tally
              .computeIfAbsent(kind.label(), label -> new TreeMap<>())
              .merge(kind.detail(), 1, Integer::sum);
        }
        if (pending.size() >= PENDING_RECORDS || pendingBytes >= PENDING_BYTES) {
          readPending(pending, name, offsetOfId, sink);
          pending.clear();
          pendingBytes = 0;
        }
        recordDone.accept(records);
      }
      if (records == 0 && !stopped) {
        sink.skipped(new SkippedFile(name, "a WARC file without records"));
      }
    } finally {
      readPending(pending, name, offsetOfId, sink);
      for (Map.Entry<String, Map<String, Integer>> kind : tally.entrySet()) {
        sink.skipped(new SkippedFile(name + " (" + kind.getKey() + ")", count(kind.getValue())));
      }
    }
  }

  /**
   * The page at {@code offset}, read again: loaded, or skipped with the reason it would have been
   * given the first time.
   *
   * @throws IOException if the file cannot be read there
   */
  ReadResult reread(Path file, String idPrefix, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(offset);
      WarcReader warc = new WarcReader(channel);
      warc.setLenient(true);
      Optional<WarcRecord> record = warc.next();
      if (record.isEmpty()) {
        return new ReadResult.Skipped("no record at offset " + offset);
      }
      Outcome outcome = classify(record.get(), offset, idPrefix);
      if (outcome instanceof Outcome.Page page) {
        return read(page);
      }
      return new ReadResult.Skipped(
          outcome instanceof Outcome.Skip skip ? skip.reason() : "not a page");
    }
  }

  private void readPending(
      List<Outcome.Page> pending, String name, Map<String, Long> offsetOfId, Sink sink) {
    ReadResult[] results = new ReadResult[pending.size()];
    ParallelTasks.run(
        threads, pending.size(), () -> null, (i, none) -> results[i] = read(pending.get(i)));
    for (int i = 0; i < results.length; i++) {
      Outcome.Page page = pending.get(i);
      String reason;
      if (results[i] instanceof ReadResult.Loaded loaded) {
        Long earlier = offsetOfId.putIfAbsent(page.id(), page.offset());
        if (earlier == null) {
          sink.article(loaded.article(), page.offset());
          continue;
        }
        reason = page.uri() + ": same URL as the record at offset " + earlier;
      } else {
        reason = ((ReadResult.Skipped) results[i]).reason();
      }
      sink.skipped(new SkippedFile(name + "@" + page.offset(), reason));
    }
  }

  /** One page's payload as an article, or why not; never throws. */
  private ReadResult read(Outcome.Page page) {
    String formatName = page.mediaType().equals("text/plain") ? "page.txt" : "page.html";
    ReadResult result;
    try {
      if (page.charset() == null) {
        result = reader.read(page.id(), formatName, page.payload());
      } else {
        result = readDeclared(page, formatName);
      }
    } catch (RuntimeException bug) {
      result = new ReadResult.Skipped("failed to read: " + bug);
    }
    if (result instanceof ReadResult.Skipped skipped) {
      return new ReadResult.Skipped(page.uri() + ": " + skipped.reason());
    }
    Article article = ((ReadResult.Loaded) result).article();
    Map<String, String> metadata = new LinkedHashMap<>(article.metadata());
    metadata.put("url", page.uri());
    if (page.date() != null) {
      metadata.put("warc-date", page.date().toString());
    }
    return new ReadResult.Loaded(
        new Article(
            article.id(),
            article.title(),
            article.date() != null || page.date() == null
                ? article.date()
                : page.date().atOffset(ZoneOffset.UTC).toLocalDate(),
            article.body(),
            metadata,
            article.removedLines(),
            article.sourceMap()));
  }

  /** A payload in a charset the bytes cannot tell, decoded by the one its server declared. */
  private ReadResult readDeclared(Outcome.Page page, String formatName) {
    byte[] bytes = page.payload();
    if (bytes.length == 0) {
      return new ReadResult.Skipped("empty file");
    }
    Optional<String> format = FileSignatures.identify(bytes);
    if (format.isPresent()) {
      return new ReadResult.Skipped("unsupported format: " + format.get());
    }
    String text;
    try {
      text =
          page.charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (IOException cannot) {
      return new ReadResult.Skipped("not " + page.charset().name() + ": " + describe(cannot));
    }
    if (text.indexOf('\0') >= 0) {
      return new ReadResult.Skipped("binary (NUL character at char " + text.indexOf('\0') + ")");
    }
    return reader.read(page.id(), formatName, text);
  }

  /** What one record is: a page to read, a record to list on its own, or one of a kind. */
  private sealed interface Outcome {
    /** A page's payload, read and waiting to be made an article. */
    record Page(
        long offset,
        String id,
        String uri,
        Instant date,
        String mediaType,
        Charset charset,
        byte[] payload)
        implements Outcome {}

    /** A record that could have been a page, with the reason it is not. */
    record Skip(String reason) implements Outcome {}

    /**
     * A record that is never a page, counted under {@code label} by {@code detail} (empty: no
     * detail).
     */
    record Kind(String label, String detail) implements Outcome {}
  }

  /** What {@code record} is, its payload read if it is a page; never throws. */
  private Outcome classify(WarcRecord record, long offset, String idPrefix) {
    try {
      if (record instanceof WarcResponse response) {
        HttpResponse http;
        try {
          http = response.http();
        } catch (IOException | RuntimeException unreadable) {
          return new Outcome.Skip(
              target(response) + ": unreadable HTTP response: " + describe(unreadable));
        }
        if (http.status() != 200) {
          return new Outcome.Kind("responses other than 200", "status " + http.status());
        }
        return page(response, mediaType(http.contentType()), http.bodyDecoded(), idPrefix, offset);
      }
      if (record instanceof WarcResource resource) {
        String uri = target(resource);
        if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
          return new Outcome.Kind("resource records not of a web page", "");
        }
        return page(resource, mediaType(resource.contentType()), resource.body(), idPrefix, offset);
      }
      if (record instanceof WarcRevisit) {
        return new Outcome.Kind("revisit records", "");
      }
      return new Outcome.Kind(record.type() + " records", "");
    } catch (IOException | RuntimeException broken) {
      return new Outcome.Skip(target(record) + ": unreadable record: " + describe(broken));
    }
  }

  private Outcome page(
      WarcCaptureRecord record, MediaType type, MessageBody body, String idPrefix, long offset)
      throws IOException {
    String uri = target(record);
    String media = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    if (media.startsWith("image/")
        || media.startsWith("audio/")
        || media.startsWith("video/")
        || media.startsWith("font/")) {
      return new Outcome.Kind("images, audio, video and fonts", media);
    }
    if (media.equals("text/css")
        || media.contains("javascript")
        || media.contains("ecmascript")
        || media.contains("json")) {
      return new Outcome.Kind("scripts, style sheets and data", media);
    }
    if (!uri.contains(":")) {
      return new Outcome.Skip("(no target URI): not read, its URI would be its id");
    }
    long limit = reader.maxBytes();
    byte[] payload;
    try {
      payload = body.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException | RuntimeException unreadable) {
      return new Outcome.Skip(uri + ": unreadable payload: " + describe(unreadable));
    }
    if (payload.length > limit) {
      return new Outcome.Skip(uri + ": too large (payload over limit " + limit + " bytes)");
    }
    if (!PAGE_TYPES.contains(media)) {
      Optional<String> format = FileSignatures.identify(payload);
      return new Outcome.Skip(
          uri
              + ": "
              + format
                  .map(name -> "unsupported format: " + name + " (" + media + ")")
                  .orElse("not a page: " + media));
    }
    Instant date;
    try {
      date = record.date();
    } catch (RuntimeException noDate) {
      date = null;
    }
    return new Outcome.Page(
        offset, idPrefix + uri, uri, date, media, declaredCharset(type), payload);
  }

  private static MediaType mediaType(MediaType type) {
    return type == null ? MediaType.OCTET_STREAM : type;
  }

  /** The charset {@code type} declares, or {@code null} if the bytes are to tell. */
  private static Charset declaredCharset(MediaType type) {
    String name = null;
    for (Map.Entry<String, String> parameter : type.parameters().entrySet()) {
      if (parameter.getKey().equalsIgnoreCase("charset")) {
        name = parameter.getValue().strip().toLowerCase(Locale.ROOT);
      }
    }
    if (name == null || SNIFFED_CHARSETS.contains(name)) {
      return null;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      return null; // an unknown or illegal name: let the bytes tell
    }
  }

  private static String target(WarcRecord record) {
    try {
      String target = record instanceof WarcCaptureRecord capture ? capture.target() : null;
      return target == null || target.isBlank() ? "(no target URI)" : target;
    } catch (RuntimeException missing) {
      return "(no target URI)";
    }
  }

  /**
   * Whether {@code file} is a WARC compressed as one gzip stream rather than one member per record
   * (its second record does not start a member), so that its records cannot be found by offset.
   * False for anything else, unreadable files included: {@link #read} tells what they are.
   */
  static boolean isOneGzipStream(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      WarcReader warc = new WarcReader(channel);
      if (warc.compression() != WarcCompression.GZIP || warc.next().isEmpty()) {
        return false;
      }
      return warc.next().isPresent() && !isGzipMember(channel, warc.position());
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /** Whether a gzip member starts at {@code offset}: a record of a properly compressed WARC. */
  private static boolean isGzipMember(FileChannel channel, long offset) {
    ByteBuffer magic = ByteBuffer.allocate(2);
    try {
      while (magic.hasRemaining() && channel.read(magic, offset + magic.position()) > 0) {
        // read both bytes
      }
    } catch (IOException unreadable) {
      return false;
    }
    return magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
  }

  /** {@code "3 records, not articles (status 301: 2, status 404: 1)"}. */
  private static String count(Map<String, Integer> details) {
    int total = 0;
    StringBuilder listed = new StringBuilder();
    for (Map.Entry<String, Integer> detail : details.entrySet()) {
      total += detail.getValue();
      if (!detail.getKey().isEmpty()) {
        listed.append(listed.length() == 0 ? " (" : ", ");
        listed.append(detail.getKey()).append(": ").append(detail.getValue());
      }
    }
    if (listed.length() > 0) {
      listed.append(')');
    }
    return total + (total == 1 ? " record" : " records") + ", not articles" + listed;
  }

  /**
   * A problem in a few words, on one line: jwarc's parse errors without the input they quote (which
   * may be binary), at most {@value #MAX_MESSAGE} characters.
   */
  private static String describe(Exception problem) {
    String message =
        problem instanceof ParsingException parsing
            ? parsing.getBaseMessage()
            : problem.getMessage();
    if (message == null || message.isBlank()) {
      return problem.getClass().getSimpleName();
    }
    int quoted = message.indexOf(": <-- HERE -->"); // jwarc quotes the input after this
    if (quoted >= 0) {
      message = message.substring(0, quoted);
    }
    StringBuilder line = new StringBuilder();
    message
        .codePoints()
        .limit(MAX_MESSAGE)
        .forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return line.toString().strip();
  }
}
