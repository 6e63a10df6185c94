package dev.retold.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import dev.retold.parallel.ParallelTasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * Loads articles from a JSON Lines file: one JSON object a line with {@code id} and {@code text},
 * and optionally {@code title}, {@code date} ({@code YYYY-MM-DD}, or a date-time that starts so)
 * and {@code url}. A million articles need not be a million files.
 *
 * <p>The text is the body as given (already extracted, so no front matter or page chrome is looked
 * for), and passage offsets point into the {@code text} value. Like a folder, a file of lines loses
 * nothing: a line that is not a JSON object, has no {@code id} or no text, or repeats an id is
 * skipped with its reason, named {@code FILE:LINE}. Blank lines are ignored.
 *
 * <p>As an {@link ArticleSource} ({@link #source(Path)}) the file is read once in batches of lines,
 * parsed in parallel, and each article can be read again by its byte offset. It can also be read in
 * slices of 16 MB each ({@link SlicedSource}: the lines that start in those bytes), as a
 * distributed scan's workers read it.
 *
 * <p>A file named {@code .jsonl.gz} or {@code .ndjson.gz} is decompressed once, when the source is
 * made, into a temporary copy ({@link GzipCopy}: why, and what it costs), deleted on {@link
 * ArticleSource#close()}; offsets are then offsets in the decompressed text. If the file is
 * damaged, the lines before the damage are read and the damage is listed as a skipped entry named
 * after the file.
 */
public final class JsonLinesLoader {
  private static final JsonFactory JSON = new JsonFactory();

  /** The bytes of a slice: a few thousand articles of news. */
  static final long SLICE_BYTES = 16L << 20;

  /** The fields an article is made of; others are passed over. */
  private static final Set<String> WANTED = Set.of("id", "text", "title", "date", "url");

  private final long maxLineBytes;
  private final LoadListener listener;
  private final int threads;

  /**
   * A loader.
   *
   * @param loading the size limit of a line (checked where it was made, in the settings)
   * @param listener told after each line; {@code filesTotal} is unknown and given as 0
   * @param threads how many threads parse lines, >= 1; the result does not depend on it
   */
  public JsonLinesLoader(RetoldSettings.Loading loading, LoadListener listener, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.maxLineBytes = loading.maxFileBytes();
    this.listener = listener == null ? LoadListener.NONE : listener;
    this.threads = threads;
  }

  /**
   * Whether {@code path} names a JSON Lines file by its ending ({@code .jsonl}, {@code .ndjson}).
   */
  public static boolean isJsonLines(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (ArticleReader.isGzip(name)) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /**
   * Reads every line of {@code file} into memory.
   *
   * @throws IOException if the file itself cannot be read
   */
  public LoadResult load(Path file) throws IOException {
    try (ArticleSource source = source(file)) {
      return LoadResult.readAll(source);
    }
  }

  /**
   * The lines of {@code file} as a source: read in order, and again one by one at the byte offset
   * where each line starts, which is its position.
   *
   * @throws IOException if the file cannot be opened
   */
  public SlicedSource source(Path file) throws IOException {
    return source(file, SLICE_BYTES);
  }

  /**
   * As {@link #source(Path)}, in slices of {@code sliceBytes} bytes each.
   *
   * @throws IOException if the file cannot be opened
   */
  public SlicedSource source(Path file, long sliceBytes) throws IOException {
    if (sliceBytes < 1) {
      throw new IllegalArgumentException("sliceBytes must be >= 1: " + sliceBytes);
    }
    if (!ArticleReader.isGzip(file.getFileName().toString())) {
      return new Source(
          file, file, null, FileChannel.open(file, StandardOpenOption.READ), sliceBytes);
    }
    GzipCopy copy = GzipCopy.of(file);
    try {
      return new Source(
          file,
          copy.copy(),
          copy.problem(),
          FileChannel.open(copy.copy(), StandardOpenOption.READ),
          sliceBytes);
    } catch (IOException | RuntimeException failed) {
      Files.deleteIfExists(copy.copy());
      throw failed;
    }
  }

  /**
   * The articles of one file, each at the byte offset where its line starts. Its slices are runs of
   * {@code sliceBytes} bytes, each holding the lines that start in it; a slice reads from its first
   * line's start, knowing its line number from the line breaks before it, counted once a source.
   */
  private final class Source implements SlicedSource {
    private final Path file;
    private final Path data;
    private final String damage;
    private final String name;
    private final FileChannel channel;
    private final long size;
    private final long sliceBytes;

    /** The line breaks in each slice's bytes; -1 until counted. */
    private final AtomicLongArray breaks;

    /** Where the line breaks of a slice are, for the slices a repeated id was named in. */
    private final Map<Integer, long[]> breakOffsets = new ConcurrentHashMap<>();

    /**
     * A source over {@code data}, which is {@code file} itself or its decompressed copy (deleted on
     * close), named after {@code file}; {@code damage} is {@code null} or why the copy stopped.
     */
    Source(Path file, Path data, String damage, FileChannel channel, long sliceBytes)
        throws IOException {
      this.file = file;
      this.data = data;
      this.damage = damage;
      this.name = file.getFileName().toString();
      this.channel = channel;
      this.size = channel.size();
      this.sliceBytes = sliceBytes;
      long slices = Math.max(1, (size + sliceBytes - 1) / sliceBytes);
      if (slices > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many slices of " + sliceBytes + " bytes");
      }
      this.breaks = new AtomicLongArray((int) slices);
      for (int i = 0; i < breaks.length(); i++) {
        breaks.set(i, -1);
      }
    }

    @Override
    public List<SkippedFile> read(Consumer<List<Located>> batches) throws IOException {
      List<SkippedFile> skipped = damaged();
      try (InputStream in = Files.newInputStream(data)) {
        readLines(
            new LineReader(in, maxLineBytes), Long.MAX_VALUE, new HashMap<>(), skipped, batches);
      }
      return skipped;
    }

    /**
     * Reads the lines that start before byte {@code to}, in batches; {@code lineOfId} is {@code
     * null} for a slice, whose ids are checked by who takes the slices.
     */
    private void readLines(
        LineReader lines,
        long to,
        Map<String, Integer> lineOfId,
        List<SkippedFile> skipped,
        Consumer<List<Located>> batches)
        throws IOException {
      Batch batch = new Batch();
      while (lines.next() && lines.offset() < to) {
        if (lines.blank()) {
          continue;
        }
        batch.add(lines);
        if (batch.size == BATCH) {
          parseBatch(batch, lineOfId, skipped, batches);
        }
      }
      parseBatch(batch, lineOfId, skipped, batches);
    }

    /** The damaged end of a compressed file, if it has one, as a skipped entry. */
    private List<SkippedFile> damaged() {
      List<SkippedFile> skipped = new ArrayList<>();
      if (damage != null) {
        skipped.add(new SkippedFile(name, damage + "; the lines after it are lost"));
      }
      return skipped;
    }

    @Override
    public int slices() {
      return breaks.length();
    }

    /**
     * Reads the lines that start in slice {@code slice}'s bytes. Ids are not checked against other
     * slices' (see {@link #repeated}).
     */
    @Override
    public List<SkippedFile> read(int slice, Consumer<List<Located>> batches) throws IOException {
      Objects.checkIndex(slice, slices());
      List<SkippedFile> skipped = slice == 0 ? damaged() : new ArrayList<>();
      long from = slice * sliceBytes;
      long to = from + sliceBytes;
      long start = firstLineFrom(from);
      if (start >= Math.min(to, size)) {
        return skipped;
      }
      long before = breaksBefore(slice) + (start > from ? 1 : 0);
      try (FileChannel in = FileChannel.open(data, StandardOpenOption.READ)) {
        in.position(start);
        LineReader lines =
            new LineReader(Channels.newInputStream(in), maxLineBytes, start, (int) before);
        readLines(lines, to, null, skipped, batches);
      }
      return skipped;
    }

    /**
     * The line {@code position}'s, skipped: its id is that of the line at {@code first}, which a
     * slice before it (or the same slice) handed out, and the first line with an id wins.
     */
    @Override
    public SkippedFile repeated(String id, long first, long position) throws IOException {
      return new SkippedFile(
          name + ":" + lineAtByte(position),
          "id " + id + " already used on line " + lineAtByte(first));
    }

    /** Where the first line that starts at or after byte {@code from} starts (or the end). */
    private long firstLineFrom(long from) throws IOException {
      if (from == 0) {
        return 0;
      }
      long[] first = {size};
      // a line break just before {@code from} starts a line at it
      visitBreaks(
          from - 1,
          size,
          at -> {
            first[0] = at + 1;
            return false;
          });
      return first[0];
    }

    /**
     * The number of the line that starts at byte {@code offset}, from 1: the line breaks before its
     * slice, and those of its slice before it (where they are, found once a slice).
     */
    private long lineAtByte(long offset) throws IOException {
      int slice = (int) (offset / sliceBytes);
      long[] inSlice = breakOffsets.get(slice);
      if (inSlice == null) {
        LongStream.Builder found = LongStream.builder();
        visitBreaks(
            slice * sliceBytes,
            Math.min(size, (slice + 1) * sliceBytes),
            at -> {
              found.add(at);
              return true;
            });
        inSlice = found.build().toArray();
        breakOffsets.put(slice, inSlice);
      }
      int below = Arrays.binarySearch(inSlice, offset);
      return breaksBefore(slice) + (below >= 0 ? below : -below - 1) + 1;
    }

    /** The line breaks before slice {@code slice}'s bytes, each slice's counted once. */
    private long breaksBefore(int slice) throws IOException {
      long total = 0;
      for (int i = 0; i < slice; i++) {
        long counted = breaks.get(i);
        if (counted < 0) {
          counted = visitBreaks(i * sliceBytes, Math.min(size, (i + 1) * sliceBytes), at -> true);
          breaks.set(i, counted);
        }
        total += counted;
      }
      return total;
    }

    /**
     * Tells {@code visit} where each line break in bytes {@code [from, to)} is, in order, until it
     * says to stop.
     *
     * @return how many line breaks it was told of
     */
    private long visitBreaks(long from, long to, LongPredicate visit) throws IOException {
      ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
      long count = 0;
      long at = from;
      while (at < to) {
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), to - at));
        int read = channel.read(chunk, at);
        if (read <= 0) {
          break;
        }
        byte[] bytes = chunk.array();
        for (int i = 0; i < read; i++) {
          if (bytes[i] == '\n') {
            count++;
            if (!visit.test(at + i)) {
              return count;
            }
          }
        }
        at += read;
      }
      return count;
    }

    /**
     * Parses a batch of lines in parallel, then takes them in line order, so which of two lines
     * with one id wins does not depend on threads; {@code lineOfId} is {@code null} for a slice,
     * whose ids are checked by who takes the slices.
     */
    private void parseBatch(
        Batch batch,
        Map<String, Integer> lineOfId,
        List<SkippedFile> skipped,
        Consumer<List<Located>> batches) {
      Parsed[] parsed = new Parsed[batch.size];
      ParallelTasks.run(threads, batch.size, () -> null, (i, none) -> parsed[i] = batch.parse(i));
      List<Located> loaded = new ArrayList<>(batch.size);
      for (int i = 0; i < batch.size; i++) {
        int number = batch.numbers[i];
        Parsed line = parsed[i];
        String problem = line.problem();
        if (problem == null) {
          Integer earlier =
              lineOfId == null ? null : lineOfId.putIfAbsent(line.article().id(), number);
          if (earlier == null) {
            loaded.add(new Located(line.article(), batch.offsets[i]));
          } else {
            problem = "id " + line.article().id() + " already used on line " + earlier;
          }
        }
        if (problem != null) {
          skipped.add(new SkippedFile(name + ":" + number, problem));
        }
        listener.fileDone(number, 0);
      }
      batch.clear();
      if (!loaded.isEmpty()) {
        batches.accept(loaded);
      }
    }

    @Override
    public Article reread(long position) throws IOException {
      if (position < 0) {
        throw new IllegalArgumentException("no line at byte " + position);
      }
      Parsed parsed = parse(lineAt(position));
      if (parsed.problem() != null) {
        throw new IOException(
            file
                + " changed while it was scanned: the line at byte "
                + position
                + " is now "
                + parsed.problem());
      }
      return parsed.article();
    }

    /**
     * The bytes of the line that starts at byte {@code offset}, without its line break (and a
     * {@code \r} before it), as {@link LineReader} gave them the first time.
     */
    private byte[] lineAt(long offset) throws IOException {
      ByteBuffer chunk = ByteBuffer.allocate(1 << 14);
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long at = offset;
      while (true) {
        chunk.clear();
        int read = channel.read(chunk, at);
        if (read < 0) {
          if (at == offset) {
            throw new IOException(file + " changed while it was scanned: it is shorter now");
          }
          break;
        }
        int end = 0;
        byte[] bytes = chunk.array();
        while (end < read && bytes[end] != '\n') {
          end++;
        }
        line.write(bytes, 0, end);
        if (line.size() > maxLineBytes + 1) {
          throw new IOException(
              file + " changed while it was scanned: the line at byte " + offset + " is longer");
        }
        if (end < read) {
          break;
        }
        at += read;
      }
      byte[] bytes = line.toByteArray();
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        if (!data.equals(file)) {
          Files.deleteIfExists(data);
        }
      }
    }
  }

  /** Lines waiting to be parsed, with their numbers and byte offsets. */
  private final class Batch {
    final byte[][] lines = new byte[ArticleSource.BATCH][];
    final int[] numbers = new int[ArticleSource.BATCH];
    final long[] offsets = new long[ArticleSource.BATCH];
    final String[] problems = new String[ArticleSource.BATCH];
    int size;

    void add(LineReader line) {
      lines[size] = line.tooLong() ? new byte[0] : line.copy();
      problems[size] =
          line.tooLong()
              ? "too large (" + line.length() + " bytes > limit " + maxLineBytes + ")"
              : null;
      numbers[size] = line.number();
      offsets[size] = line.offset();
      size++;
    }

    Parsed parse(int i) {
      return problems[i] != null ? problem(problems[i]) : JsonLinesLoader.parse(lines[i]);
    }

    void clear() {
      Arrays.fill(lines, 0, size, null);
      size = 0;
    }
  }

  /**
   * One line's article, or why it cannot be one.
   *
   * @param article the article, or {@code null} if the line is not one
   * @param problem why the line is not an article, or {@code null}
   */
  public record Parsed(Article article, String problem) {}

  /**
   * Reads one line (without its line break) as a line of a JSON Lines file is read: the same
   * article, or the same reason it is not one. For callers that hold records rather than a file
   * (retold-spark's rows): written as a line, a record becomes the article a file of such lines
   * gives.
   */
  public static Parsed parseLine(byte[] line) {
    return parse(line);
  }

  /**
   * Reads one line on its own: no shared state, so lines can be read in parallel. Streams the
   * object's fields rather than building a tree (this runs for every line, and again for every
   * article a scan reads twice): a field given twice counts as given last; a field whose value is
   * an object or an array counts as absent; numbers and booleans are taken as their text. The line
   * must hold one JSON object and nothing after it but white space. Unpaired surrogates (the escape
   * of a lone U+D800, say) in the values become U+FFFD, one char for one, so offsets still hold. A
   * line that overflows the parser's stack is skipped like any bad line (a {@link
   * StackOverflowError} unwinds this thread only and leaves nothing shared behind).
   */
  private static Parsed parse(byte[] line) {
    try {
      return parseObject(line);
    } catch (StackOverflowError deep) {
      return problem("failed to read: stack overflow while parsing");
    } catch (RuntimeException bug) {
      return problem("failed to read: " + bug);
    }
  }

  /** {@link #parse} without its safety net: what the fuzz test runs, so that bugs show. */
  static Parsed parseObject(byte[] line) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return problem("not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          json.skipChildren();
          fields.remove(name);
        } else if (value == JsonToken.VALUE_NULL) {
          fields.remove(name);
        } else if (WANTED.contains(name)) {
          fields.put(name, UnpairedSurrogates.replace(json.getValueAsString()));
        }
      }
      try {
        if (json.nextToken() != null) {
          return problem("more than one JSON value on the line");
        }
      } catch (JsonProcessingException after) {
        return problem("text after the JSON object");
      }
    } catch (JsonProcessingException e) {
      return problem(JsonProblem.describe(e, line));
    } catch (IOException e) {
      return problem("not JSON (" + e.getClass().getSimpleName() + ")");
    }
    String id = fields.get("id");
    if (id == null || id.isBlank()) {
      return problem("no id");
    }
    String body = fields.get("text");
    if (body == null || body.isBlank()) {
      return problem("no text");
    }
    Map<String, String> metadata = new HashMap<>();
    String url = fields.get("url");
    if (url != null) {
      metadata.put("url", url);
    }
    LocalDate date = null;
    String dateText = fields.get("date");
    if (dateText != null) {
      DateText read = DateText.parse(dateText);
      date = read.date();
      if (read.problem() != null) {
        metadata.put(ArticleReader.DATE_ERROR_KEY, read.problem());
      }
    }
    return new Parsed(
        new Article(id, fields.get("title"), date, body, metadata, List.of(), null), null);
  }

  private static Parsed problem(String reason) {
    return new Parsed(null, reason);
  }
}
