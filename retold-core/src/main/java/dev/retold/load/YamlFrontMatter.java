package dev.retold.load;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * YAML front matter (Jekyll, Hugo): a first line {@code ---}, YAML, and a closing line {@code ---}
 * (or {@code ...}).
 *
 * <p>The YAML is read by snakeyaml-engine as a node tree, not as Java objects, so scalars keep
 * their exact text ({@code 1.10} stays "1.10", {@code no} stays "no") and no tag can make it build
 * anything. Limits: at most {@value #MAX_ALIASES} aliases of collections, no recursive keys, and at
 * most {@value FrontMatter#MAX_NESTING} levels of nesting. snakeyaml-engine has no nesting limit of
 * its own and composes nodes recursively, so the block is first run through its parser, which keeps
 * its state on the heap, counting the open collections; only a block within the limit is composed.
 * A mapping that repeats a key is malformed.
 */
final class YamlFrontMatter implements FrontMatterSyntax {
  static final YamlFrontMatter INSTANCE = new YamlFrontMatter();

  /** Aliases of collections allowed in one block (the defence against alias bombs). */
  static final int MAX_ALIASES = 10;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setLabel("front matter")
          .setMaxAliasesForCollections(MAX_ALIASES)
          .setAllowRecursiveKeys(false)
          .setCodePointLimit(FrontMatter.MAX_CODE_POINTS + 1)
          .setSchema(new FailsafeSchema()) // scalars are read as text: no type resolving needed
          .build();

  private static final FrontMatterFields.Tree<Node> TREE =
      new FrontMatterFields.Tree<>() {
        @Override
        public FrontMatterFields.Kind kind(Node node) {
          if (node instanceof MappingNode) {
            return FrontMatterFields.Kind.TABLE;
          }
          return node instanceof SequenceNode
              ? FrontMatterFields.Kind.LIST
              : FrontMatterFields.Kind.SCALAR;
        }

        @Override
        public String text(Node scalar) {
          return scalar instanceof ScalarNode ? ((ScalarNode) scalar).getValue() : "";
        }

        @Override
        public List<Node> items(Node list) {
          return ((SequenceNode) list).getValue();
        }

        @Override
        public List<Map.Entry<String, Node>> entries(Node table) {
          List<Map.Entry<String, Node>> entries = new ArrayList<>();
          for (NodeTuple tuple : ((MappingNode) table).getValue()) {
            Node key = tuple.getKeyNode();
            String name = key instanceof ScalarNode ? ((ScalarNode) key).getValue() : null;
            entries.add(new SimpleImmutableEntry<>(name, tuple.getValueNode()));
          }
          return entries;
        }
      };

  private YamlFrontMatter() {}

  @Override
  public String name() {
    return "YAML";
  }

  @Override
  public boolean opens(String line) {
    return line.equals("---");
  }

  @Override
  public boolean closes(String line) {
    return line.equals("---") || line.equals("...");
  }

  /**
   * Whether the first line that is not blank or a comment reads {@code key: ...} or opens a flow.
   */
  @Override
  public boolean looksLikeFields(String block) {
    String first = FrontMatter.firstContentLine(block);
    if (first == null) {
      return false;
    }
    if (first.startsWith("{") || first.startsWith("[")) {
      return true;
    }
    int colon = first.indexOf(':');
    if (colon <= 0 || !Character.isLetter(first.charAt(0))) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = first.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != ' ' && c != '.') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Outcome read(String block, int firstLine) {
    Optional<Node> root;
    try {
      String tooDeep = nestingProblem(block, firstLine);
      if (tooDeep != null) {
        return new Outcome.Unreadable(tooDeep);
      }
      root = new Compose(SETTINGS).composeString(block);
    } catch (MarkedYamlEngineException problem) {
      return new Outcome.Unreadable(invalid(problem, firstLine));
    } catch (RuntimeException problem) {
      return new Outcome.Unreadable(unmarked(problem));
    }
    if (root.isEmpty()) {
      return new Outcome.Fields(Map.of());
    }
    if (!(root.get() instanceof MappingNode)) {
      return new Outcome.NotFields();
    }
    String duplicate = firstDuplicateKey((MappingNode) root.get(), firstLine);
    if (duplicate != null) {
      return new Outcome.Malformed("front matter is not valid YAML: " + duplicate);
    }
    return new Outcome.Fields(FrontMatterFields.flatten(TREE, root.get()));
  }

  /**
   * Why the block nests too deep, or {@code null}: counts open collections event by event. A block
   * that cannot nest too deep is not parsed for it: each collection opens on a new line or at one
   * of {@code [ { - ? :}, so one more than the lines and those characters bounds its depth.
   */
  private static String nestingProblem(String block, int firstLine) {
    long bound = 1;
    for (int i = 0; i < block.length() && bound <= FrontMatter.MAX_NESTING; i++) {
      switch (block.charAt(i)) {
        case '\n', '\r', '[', '{', '-', '?', ':' -> bound++;
        default -> {}
      }
    }
    if (bound <= FrontMatter.MAX_NESTING) {
      return null;
    }
    int depth = 0;
    for (Event event : new Parse(SETTINGS).parseString(block)) {
      switch (event.getEventId()) {
        case SequenceStart, MappingStart -> {
          depth++;
          if (depth > FrontMatter.MAX_NESTING) {
            return FrontMatter.tooDeep(event.getStartMark().map(mark -> position(mark, firstLine)));
          }
        }
        case SequenceEnd, MappingEnd -> depth--;
        default -> {}
      }
    }
    return null;
  }

  /**
   * The first key that a mapping repeats, with where, or {@code null}. Each mapping is checked
   * once, however many aliases point at it; the walk keeps its own stack.
   */
  private static String firstDuplicateKey(MappingNode root, int firstLine) {
    IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      if (seen.put(node, Boolean.TRUE) != null) {
        continue;
      }
      if (node instanceof SequenceNode) {
        ((SequenceNode) node).getValue().forEach(todo::push);
      } else if (node instanceof MappingNode) {
        Set<String> keys = new HashSet<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode) {
            ScalarNode key = (ScalarNode) tuple.getKeyNode();
            if (!keys.add(key.getValue())) {
              return "duplicate key \""
                  + FrontMatter.shorten(key.getValue())
                  + "\""
                  + FrontMatter.at(key.getStartMark().map(mark -> position(mark, firstLine)));
            }
          }
          todo.push(tuple.getValueNode());
        }
      }
    }
    return null;
  }

  private static String invalid(MarkedYamlEngineException problem, int firstLine) {
    String what = problem.getProblem();
    if (what == null || what.isBlank()) {
      what = problem.getContext();
    }
    return "front matter is not valid YAML: "
        + FrontMatter.firstLineOf(what)
        + FrontMatter.at(problem.getProblemMark().map(mark -> position(mark, firstLine)));
  }

  private static String unmarked(RuntimeException problem) {
    String message = problem.getMessage();
    if (message != null && message.contains("aliases")) {
      return "front matter has more than " + MAX_ALIASES + " aliases of lists or mappings";
    }
    return "front matter is not valid YAML: " + FrontMatter.firstLineOf(message);
  }

  private static FrontMatter.Position position(Mark mark, int firstLine) {
    return new FrontMatter.Position(mark.getLine() + firstLine, mark.getColumn() + 1);
  }
}
