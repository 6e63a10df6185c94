package dev.retold.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retold.Article;
import dev.retold.SkippedFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Loads articles from a JSON Lines file: one JSON object a line with {@code id} and {@code text},
 * and optionally {@code title}, {@code date} ({@code YYYY-MM-DD}, or a date-time that starts so) and
 * {@code url}. A million articles need not be a million files.
 *
 * <p>The text is the body as given (already extracted, so no front matter or page chrome is looked
 * for), and passage offsets point into the {@code text} value. Like a folder, a file of lines loses
 * nothing: a line that is not a JSON object, has no {@code id} or no text, or repeats an id is
 * skipped with its reason, named {@code FILE:LINE}. Blank lines are ignored.
 */
public final class JsonLinesLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Lines parsed together in parallel: enough to share out, few enough to hold. */
  private static final int BATCH = 4096;

  private final long maxLineChars;
  private final LoadListener listener;

  /**
   * A loader.
   *
   * @param maxLineChars a longer line is skipped as too large, > 0
   * @param listener told after each line; {@code filesTotal} is unknown and given as 0
   */
  public JsonLinesLoader(long maxLineChars, LoadListener listener) {
    if (maxLineChars < 1) {
      throw new IllegalArgumentException("maxLineChars must be > 0: " + maxLineChars);
    }
    this.maxLineChars = maxLineChars;
    this.listener = listener == null ? LoadListener.NONE : listener;
  }

  /** Whether {@code path} names a JSON Lines file by its ending ({@code .jsonl}, {@code .ndjson}). */
  public static boolean isJsonLines(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /**
   * Reads every line of {@code file}.
   *
   * @throws IOException if the file itself cannot be read
   */
  public LoadResult load(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<Article> articles = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    List<String> batch = new ArrayList<>(BATCH);
    List<Integer> numbers = new ArrayList<>(BATCH);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        batch.add(line);
        numbers.add(number);
        if (batch.size() == BATCH) {
          addBatch(name, batch, numbers, lineOfId, articles, skipped);
        }
      }
      addBatch(name, batch, numbers, lineOfId, articles, skipped);
    }
    return new LoadResult(articles, skipped);
  }

  /**
   * Parses a batch of lines in parallel, then takes them in line order, so which of two lines with
   * one id wins does not depend on threads.
   */
  private void addBatch(
      String name,
      List<String> batch,
      List<Integer> numbers,
      Map<String, Integer> lineOfId,
      List<Article> articles,
      List<SkippedFile> skipped) {
    List<Parsed> parsed =
        IntStream.range(0, batch.size())
            .parallel()
            .mapToObj(i -> parse(batch.get(i)))
            .toList();
    for (int i = 0; i < parsed.size(); i++) {
      int number = numbers.get(i);
      Parsed line = parsed.get(i);
      String problem = line.problem();
      if (problem == null) {
        Integer earlier = lineOfId.putIfAbsent(line.article().id(), number);
        if (earlier == null) {
          articles.add(line.article());
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
    numbers.clear();
  }

  /** One line's article, or why it cannot be one. */
  private record Parsed(Article article, String problem) {}

  /** Reads one line on its own: no shared state, so lines can be read in parallel. */
  private Parsed parse(String line) {
    if (line.length() > maxLineChars) {
      return problem("too large (" + line.length() + " characters > limit " + maxLineChars + ")");
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return problem("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return problem("not a JSON object");
    }
    String id = text(node, "id");
    if (id == null || id.isBlank()) {
      return problem("no id");
    }
    String body = text(node, "text");
    if (body == null || body.isBlank()) {
      return problem("no text");
    }
    Map<String, String> metadata = new HashMap<>();
    String url = text(node, "url");
    if (url != null) {
      metadata.put("url", url);
    }
    return new Parsed(
        new Article(
            id, text(node, "title"), date(text(node, "date")), body, metadata, List.of(), null),
        null);
  }

  private static Parsed problem(String reason) {
    return new Parsed(null, reason);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** {@code YYYY-MM-DD}, or the first ten characters of a date-time; anything else is no date. */
  private static LocalDate date(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
