package dev.retold.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TOML front matter (Hugo, Zola): a first line {@code +++}, TOML, and a closing line {@code +++}.
 *
 * <p>Read by Jackson's TOML module into a tree, with its nesting limit set to {@value
 * FrontMatter#MAX_NESTING} levels (tables, inline tables, arrays and dotted keys all count), so a
 * block of {@code a = [[[[...} is refused before the parser's recursion goes deep. Values as TOML
 * defines them: strings as their text, integers in decimal ({@code 0x1F} is "31", {@code 1_000}
 * "1000"), floats with the digits written ({@code 1.10} stays "1.10"), dates and times as their
 * text (Jackson writes a space between date and time as {@code T}), booleans "true"/"false". TOML
 * itself forbids repeated keys and tables; Jackson reports them as errors.
 */
final class TomlFrontMatter implements FrontMatterSyntax {
  static final TomlFrontMatter INSTANCE = new TomlFrontMatter();

  private static final TomlMapper MAPPER =
      TomlMapper.builder(
              TomlFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(FrontMatter.MAX_NESTING)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final FrontMatterFields.Tree<JsonNode> TREE =
      new FrontMatterFields.Tree<>() {
        @Override
        public FrontMatterFields.Kind kind(JsonNode node) {
          if (node.isObject()) {
            return FrontMatterFields.Kind.TABLE;
          }
          return node.isArray() ? FrontMatterFields.Kind.LIST : FrontMatterFields.Kind.SCALAR;
        }

        @Override
        public String text(JsonNode scalar) {
          if (scalar.isBigDecimal()) {
            return scalar.decimalValue().toString();
          }
          return scalar.isTextual() ? scalar.textValue() : scalar.asText();
        }

        @Override
        public List<JsonNode> items(JsonNode list) {
          List<JsonNode> items = new ArrayList<>(list.size());
          list.elements().forEachRemaining(items::add);
          return items;
        }

        @Override
        public List<Map.Entry<String, JsonNode>> entries(JsonNode table) {
          List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(table.size());
          for (Map.Entry<String, JsonNode> field : table.properties()) {
            entries.add(new SimpleImmutableEntry<>(field.getKey(), field.getValue()));
          }
          return entries;
        }
      };

  private TomlFrontMatter() {}

  @Override
  public String name() {
    return "TOML";
  }

  @Override
  public boolean opens(String line) {
    return line.equals("+++");
  }

  @Override
  public boolean closes(String line) {
    return line.equals("+++");
  }

  /** Whether the first line that is not blank or a comment reads {@code key = ...} or {@code [}. */
  @Override
  public boolean looksLikeFields(String block) {
    String first = FrontMatter.firstContentLine(block);
    if (first == null) {
      return false;
    }
    if (first.startsWith("[")) {
      return true;
    }
    int equals = first.indexOf('=');
    if (equals <= 0) {
      return false;
    }
    for (int i = 0; i < equals; i++) {
      char c = first.charAt(i);
      if (!Character.isLetterOrDigit(c) && "_-. \t\"'".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Outcome read(String block, int firstLine) {
    JsonNode root;
    try {
      root = MAPPER.readTree(block);
    } catch (StreamConstraintsException limit) {
      String message = limit.getOriginalMessage();
      if (message != null && message.contains("nesting depth")) {
        return new Outcome.Unreadable(FrontMatter.tooDeep(Optional.empty()));
      }
      return new Outcome.Unreadable(invalid(limit, firstLine));
    } catch (JsonProcessingException problem) {
      return new Outcome.Unreadable(invalid(problem, firstLine));
    } catch (RuntimeException problem) {
      return new Outcome.Unreadable(
          "front matter is not valid TOML: " + FrontMatter.firstLineOf(problem.getMessage()));
    }
    if (root == null || !root.isObject()) {
      return new Outcome.Fields(Map.of());
    }
    return new Outcome.Fields(FrontMatterFields.flatten(TREE, root));
  }

  private static String invalid(JsonProcessingException problem, int firstLine) {
    String what = problem.getOriginalMessage();
    int internal = what == null ? -1 : what.indexOf(", from `");
    if (internal >= 0) {
      what = what.substring(0, internal) + ")";
    }
    JsonLocation location = problem.getLocation();
    Optional<FrontMatter.Position> at =
        location == null || location.getLineNr() < 1
            ? Optional.empty()
            : Optional.of(
                new FrontMatter.Position(
                    location.getLineNr() + firstLine - 1, Math.max(1, location.getColumnNr())));
    return "front matter is not valid TOML: "
        + FrontMatter.firstLineOf(lowerFirst(what))
        + FrontMatter.at(at);
  }

  private static String lowerFirst(String text) {
    if (text == null || text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
      return text;
    }
    if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // an acronym
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
