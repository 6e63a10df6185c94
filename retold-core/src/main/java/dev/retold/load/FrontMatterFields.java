package dev.retold.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a parsed front-matter tree, whatever its syntax, into string fields: scalars as the
 * syntax gives their text, lists joined with ", ", tables nested under a key flattened to dotted
 * keys ("author.name") down to {@value #MAX_DEPTH} levels, deeper ones and tables inside lists
 * rendered in one string ("name: A; url: B"). An empty value is "". Where two keys flatten to one
 * (a key "a.b" beside a table "a" holding "b"), the first in file order is kept.
 *
 * <p>A shared budget of {@value #MAX_NODES} nodes caps the work, so that a small YAML block whose
 * aliases point at one list from many places cannot blow up into a huge one; a node that loops back
 * to itself through an alias is cut. The walk is bounded by {@value #MAX_DEPTH} levels, so it
 * cannot run out of stack whatever the tree's depth.
 */
final class FrontMatterFields {
  /** Tables deeper than this are rendered as one string; lists deeper than this are cut. */
  static final int MAX_DEPTH = 6;

  /** How many nodes one block's flattening may visit. */
  static final int MAX_NODES = 10_000;

  private FrontMatterFields() {}

  /**
   * How a syntax's parse tree looks to the flattener.
   *
   * @param <N> the parser's node type
   */
  interface Tree<N> {
    /** What a node is. */
    Kind kind(N node);

    /** A scalar's text. */
    String text(N scalar);

    /** A list's items, in order. */
    List<N> items(N list);

    /**
     * A table's entries, in order; a key that is not a scalar (a YAML complex key) is {@code null}
     * and its entry is skipped.
     */
    List<Map.Entry<String, N>> entries(N table);
  }

  /** The three shapes a front-matter value takes. */
  enum Kind {
    SCALAR,
    LIST,
    TABLE
  }

  /** The fields of the table {@code root}, in file order. */
  static <N> Map<String, String> flatten(Tree<N> tree, N root) {
    Map<String, String> fields = new LinkedHashMap<>();
    new Walk<>(tree).table(root, "", 0, fields);
    return fields;
  }

  private static final class Walk<N> {
    private final Tree<N> tree;
    private final IdentityHashMap<N, Boolean> open = new IdentityHashMap<>();
    private int budget = MAX_NODES;

    Walk(Tree<N> tree) {
      this.tree = tree;
    }

    private boolean spend() {
      return budget-- > 0;
    }

    void table(N table, String prefix, int depth, Map<String, String> fields) {
      for (Map.Entry<String, N> entry : tree.entries(table)) {
        if (entry.getKey() == null || !spend()) {
          continue;
        }
        String key = prefix + entry.getKey();
        N value = entry.getValue();
        if (tree.kind(value) == Kind.TABLE && depth < MAX_DEPTH && !open.containsKey(value)) {
          open.put(value, Boolean.TRUE);
          table(value, key + ".", depth + 1, fields);
          open.remove(value);
        } else {
          fields.putIfAbsent(key, render(value, 0));
        }
      }
    }

    /** A node as one string; a node that loops back is cut, and so is anything past the budget. */
    private String render(N node, int depth) {
      Kind kind = tree.kind(node);
      if (kind == Kind.SCALAR) {
        return tree.text(node);
      }
      if (depth >= MAX_DEPTH || open.containsKey(node) || !spend()) {
        return "";
      }
      open.put(node, Boolean.TRUE);
      List<String> parts = new ArrayList<>();
      if (kind == Kind.LIST) {
        for (N item : tree.items(node)) {
          String part = render(item, depth + 1);
          if (!part.isEmpty()) {
            parts.add(part);
          }
        }
      } else {
        for (Map.Entry<String, N> entry : tree.entries(node)) {
          if (entry.getKey() != null) {
            parts.add(entry.getKey() + ": " + render(entry.getValue(), depth + 1));
          }
        }
      }
      open.remove(node);
      return String.join(kind == Kind.TABLE ? "; " : ", ", parts);
    }
  }
}
