package dev.retold.load;

import dev.retold.load.SourceLines.Line;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML front matter at the top of a Markdown post (Jekyll, Hugo): a first line {@code ---}, YAML,
 * and a closing line {@code ---} (or {@code ...}).
 *
 * <p>The YAML is read by snakeyaml-engine as a node tree, not as Java objects, so scalars keep
 * their exact text ({@code 1.10} stays "1.10", {@code no} stays "no") and no tag can make it build
 * anything. It is read with limits: at most {@value #MAX_ALIASES} aliases, no recursive keys, at
 * most {@value #MAX_CODE_POINTS} code points. Fields become strings: scalars as written, lists
 * joined with ", ", nested maps flattened to dotted keys ("author.name"); an empty value is "".
 *
 * <p>Which blocks count as front matter:
 *
 * <ul>
 *   <li>a block that parses to a mapping: front matter, fields read;
 *   <li>a block that parses to something else (a scalar or a list), or has no closing line: not
 *       front matter, the text is read as plain text;
 *   <li>a block that fails to parse (or repeats a key) but whose first line looks like {@code key:
 *       value}: malformed front matter. It still leaves the body (its extent is clear from the
 *       delimiters, and YAML in the body would make posts of one blog look alike); no fields are
 *       read, and the problem is kept in {@link #error()} so that it can be reported.
 * </ul>
 *
 * @param bodyLine index of the first line after the closing delimiter
 * @param fields the fields, in file order
 * @param error why the block could not be read, or {@code null} if it was read
 */
record FrontMatter(int bodyLine, Map<String, String> fields, String error) {
  static final int MAX_ALIASES = 10;
  static final int MAX_CODE_POINTS = 64 * 1024;
  private static final int MAX_DEPTH = 6;
  private static final int MAX_NODES = 10_000;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setLabel("front matter")
          .setMaxAliasesForCollections(MAX_ALIASES)
          .setAllowRecursiveKeys(false)
          .setCodePointLimit(MAX_CODE_POINTS)
          .build();

  /** Checks the fields and copies the map. */
  FrontMatter {
    if (bodyLine < 2) {
      throw new IllegalArgumentException("bodyLine must be >= 2: " + bodyLine);
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The front matter at the top of {@code text}, if it has some. */
  static Optional<FrontMatter> find(String text, List<Line> lines) {
    if (lines.size() < 2 || !isDelimiter(text, lines.get(0), false)) {
      return Optional.empty();
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (isDelimiter(text, lines.get(i), true)) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return Optional.empty();
    }
    String yaml = text.substring(lines.get(1).start(), lines.get(close).start());
    Optional<Node> root;
    try {
      root = new Compose(SETTINGS).composeString(yaml);
    } catch (YamlEngineException problem) {
      if (!looksLikeKeyValue(yaml)) {
        return Optional.empty();
      }
      String message = firstLine(problem.getMessage());
      return Optional.of(
          new FrontMatter(close + 1, Map.of(), "front matter is not valid YAML: " + message));
    }
    if (root.isEmpty()) {
      return Optional.of(new FrontMatter(close + 1, Map.of(), null));
    }
    if (!(root.get() instanceof MappingNode)) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String duplicate = flatten((MappingNode) root.get(), "", 0, fields, new Budget());
    if (duplicate != null) {
      return Optional.of(
          new FrontMatter(
              close + 1, Map.of(), "front matter is not valid YAML: duplicate key " + duplicate));
    }
    return Optional.of(new FrontMatter(close + 1, fields, null));
  }

  /** The "title" field, stripped, or {@code null} if absent or blank. */
  String title() {
    String title = fields.get("title");
    return title == null || LineShape.isBlank(title) ? null : title.strip();
  }

  private static boolean isDelimiter(String text, Line line, boolean closing) {
    String content = text.substring(line.start(), line.end()).stripTrailing();
    return content.equals("---") || (closing && content.equals("..."));
  }

  /** Whether the first line that is not blank or a comment reads {@code key: ...}. */
  private static boolean looksLikeKeyValue(String yaml) {
    for (String line : yaml.split("\r\n|\r|\n")) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int colon = stripped.indexOf(':');
      if (colon <= 0 || !Character.isLetter(stripped.charAt(0))) {
        return false;
      }
      for (int i = 0; i < colon; i++) {
        char c = stripped.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != ' ' && c != '.') {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    String[] lines = message.strip().split("\r\n|\r|\n");
    return lines[0].strip();
  }

  /** Adds the mapping's fields under {@code prefix}; returns the first duplicate key, if any. */
  private static String flatten(
      MappingNode mapping, String prefix, int depth, Map<String, String> fields, Budget budget) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode) || !budget.spend()) {
        continue;
      }
      String key = prefix + ((ScalarNode) tuple.getKeyNode()).getValue();
      Node value = tuple.getValueNode();
      if (value instanceof MappingNode && depth < MAX_DEPTH) {
        String duplicate = flatten((MappingNode) value, key + ".", depth + 1, fields, budget);
        if (duplicate != null) {
          return duplicate;
        }
      } else if (fields.putIfAbsent(key, render(value, 0, budget, new IdentityHashMap<>()))
          != null) {
        return key;
      }
    }
    return null;
  }

  /** A node as one string; aliases that loop back are cut, and so is anything past the budget. */
  private static String render(
      Node node, int depth, Budget budget, IdentityHashMap<Node, Boolean> open) {
    if (node instanceof ScalarNode) {
      return ((ScalarNode) node).getValue();
    }
    if (depth >= MAX_DEPTH || open.containsKey(node) || !budget.spend()) {
      return "";
    }
    open.put(node, Boolean.TRUE);
    List<String> parts = new ArrayList<>();
    if (node instanceof SequenceNode) {
      for (Node item : ((SequenceNode) node).getValue()) {
        String part = render(item, depth + 1, budget, open);
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
    } else if (node instanceof MappingNode) {
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        String key = render(tuple.getKeyNode(), depth + 1, budget, open);
        parts.add(key + ": " + render(tuple.getValueNode(), depth + 1, budget, open));
      }
    }
    open.remove(node);
    return String.join(node instanceof MappingNode ? "; " : ", ", parts);
  }

  /** Caps the nodes visited, so that aliases cannot blow a small block up into a huge one. */
  private static final class Budget {
    private int left = MAX_NODES;

    boolean spend() {
      return left-- > 0;
    }
  }
}
