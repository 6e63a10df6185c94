package dev.retold.load;

import dev.retold.load.SourceLines.Line;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Front matter at the top of a post: a block of fields between two delimiter lines, in one of two
 * syntaxes ({@link FrontMatterSyntax}):
 *
 * <ul>
 *   <li>YAML (Jekyll, Hugo): {@code ---} ... {@code ---} (or {@code ...}); {@link YamlFrontMatter};
 *   <li>TOML (Hugo, Zola): {@code +++} ... {@code +++}; {@link TomlFrontMatter}.
 * </ul>
 *
 * <p>Both are read with the same limits: at most {@value #MAX_CODE_POINTS} code points, at most
 * {@value #MAX_NESTING} levels of nesting (the top table included), and a budget of {@value
 * FrontMatterFields#MAX_NODES} nodes; YAML also allows at most {@value YamlFrontMatter#MAX_ALIASES}
 * aliases. A block past a limit is refused with the reason, never read in part and never a crash.
 * Fields become strings the same way in both ({@link FrontMatterFields}): scalars as written, lists
 * joined with ", ", tables flattened to dotted keys ("author.name"); an empty value is "".
 *
 * <p>Which blocks count as front matter:
 *
 * <ul>
 *   <li>a block that reads as a table of fields: front matter, fields read;
 *   <li>a block that reads as something else (a YAML scalar or list), or has no closing line: not
 *       front matter, the text is read as it is;
 *   <li>a block that repeats a key, or that cannot be read (a syntax error, a limit) but whose
 *       first line looks like fields ({@code key: value}, {@code key = value}, a {@code [table]} or
 *       a flow collection): malformed front matter. It still leaves the body (its extent is clear
 *       from the delimiters, and fields in the body would make posts of one blog look alike); no
 *       fields are read, and the problem is kept in {@link #error()}, with the line and column in
 *       the file where the parser gives them, so that it can be reported.
 * </ul>
 *
 * @param bodyLine index of the first line after the closing delimiter
 * @param fields the fields, in file order
 * @param error why the block could not be read, or {@code null} if it was read
 */
record FrontMatter(int bodyLine, Map<String, String> fields, String error) {
  /** The largest block read, in code points. */
  static final int MAX_CODE_POINTS = 64 * 1024;

  /** The deepest nesting read: tables, lists and inline tables, the top table counting as one. */
  static final int MAX_NESTING = 50;

  /** Checks the fields and copies the map. */
  FrontMatter {
    if (bodyLine < 2) {
      throw new IllegalArgumentException("bodyLine must be >= 2: " + bodyLine);
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Where in the file a problem lies.
   *
   * @param line 1-based line of the file
   * @param column 1-based column within that line
   */
  record Position(int line, int column) {}

  /** The front matter at the top of {@code text}, if it has some; never throws for any text. */
  static Optional<FrontMatter> find(String text, List<Line> lines) {
    if (lines.size() < 2) {
      return Optional.empty();
    }
    String opening = content(text, lines.get(0));
    FrontMatterSyntax syntax = null;
    for (FrontMatterSyntax candidate : FrontMatterSyntax.ALL) {
      if (candidate.opens(opening)) {
        syntax = candidate;
        break;
      }
    }
    if (syntax == null) {
      return Optional.empty();
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (syntax.closes(content(text, lines.get(i)))) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return Optional.empty();
    }
    String block = text.substring(lines.get(1).start(), lines.get(close).start());
    FrontMatterSyntax.Outcome outcome =
        isTooLarge(block)
            ? new FrontMatterSyntax.Outcome.Unreadable(
                "front matter is too large (over " + MAX_CODE_POINTS + " code points)")
            : syntax.read(block, 2);
    int bodyLine = close + 1;
    if (outcome instanceof FrontMatterSyntax.Outcome.Fields read) {
      return Optional.of(new FrontMatter(bodyLine, read.fields(), null));
    }
    if (outcome instanceof FrontMatterSyntax.Outcome.Malformed malformed) {
      return Optional.of(new FrontMatter(bodyLine, Map.of(), malformed.problem()));
    }
    if (outcome instanceof FrontMatterSyntax.Outcome.Unreadable unreadable
        && syntax.looksLikeFields(block)) {
      return Optional.of(new FrontMatter(bodyLine, Map.of(), unreadable.problem()));
    }
    return Optional.empty();
  }

  /** The "title" field, stripped, or {@code null} if absent or blank. */
  String title() {
    String title = fields.get("title");
    return title == null || LineShape.isBlank(title) ? null : title.strip();
  }

  private static String content(String text, Line line) {
    return text.substring(line.start(), line.end()).stripTrailing();
  }

  private static boolean isTooLarge(String block) {
    return block.length() > MAX_CODE_POINTS
        && block.codePointCount(0, block.length()) > MAX_CODE_POINTS;
  }

  // ---- shared by the syntaxes ------------------------------------------------------------------

  /** The first line of {@code block} that is neither blank nor a {@code #} comment, stripped. */
  static String firstContentLine(String block) {
    for (Line line : SourceLines.split(block)) {
      String stripped = block.substring(line.start(), line.end()).strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        return stripped;
      }
    }
    return null;
  }

  /** The problem of a block nested deeper than the limit, at {@code where} if known. */
  static String tooDeep(Optional<Position> where) {
    return "front matter is nested deeper than " + MAX_NESTING + " levels" + at(where);
  }

  /** " (line L, column C)", or "" when the position is not known. */
  static String at(Optional<Position> where) {
    return where
        .map(position -> " (line " + position.line() + ", column " + position.column() + ")")
        .orElse("");
  }

  /** A parser's message cut to its first line, or "unknown problem". */
  static String firstLineOf(String message) {
    if (message == null || message.isBlank()) {
      return "unknown problem";
    }
    return message.strip().split("\r\n|\r|\n", 2)[0].strip();
  }

  /** {@code value} cut to 40 characters, for quoting in a problem. */
  static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
