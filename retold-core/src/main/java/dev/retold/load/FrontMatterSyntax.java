package dev.retold.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of writing front matter: the delimiter lines that open and close the block, and a parser
 * that reads the block into fields. {@link FrontMatter} finds the block, applies the size limit and
 * decides what an unreadable block is; a syntax only reads.
 *
 * <p>Implementations ({@link YamlFrontMatter}, {@link TomlFrontMatter}) parse with their library's
 * limits set (nesting at most {@value FrontMatter#MAX_NESTING} levels), hand their parse tree to
 * {@link FrontMatterFields} to be flattened under one node budget, and never throw for any block.
 */
interface FrontMatterSyntax {
  /** The syntaxes tried, in order, on a text's first line. */
  List<FrontMatterSyntax> ALL = List.of(YamlFrontMatter.INSTANCE, TomlFrontMatter.INSTANCE);

  /** The syntax's name as problems cite it: "YAML", "TOML". */
  String name();

  /** Whether {@code line} (its trailing white space stripped) opens a block of this syntax. */
  boolean opens(String line);

  /** Whether {@code line} (its trailing white space stripped) closes a block of this syntax. */
  boolean closes(String line);

  /**
   * Whether a block that could not be read still looks like fields of this syntax (its first line
   * that is not blank or a comment reads as a key and a value, or a table), so that it is reported
   * as malformed front matter rather than read as text.
   */
  boolean looksLikeFields(String block);

  /**
   * Reads one block.
   *
   * @param block the text between the delimiter lines, line breaks included
   * @param firstLine the 1-based line of the file on which the block starts, for problems to cite
   */
  Outcome read(String block, int firstLine);

  /** What a syntax made of a block. */
  sealed interface Outcome {
    /** The block was read: its fields, flattened, in file order (the map is copied). */
    record Fields(Map<String, String> fields) implements Outcome {
      /** Copies the map, keeping its order. */
      public Fields {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      }
    }

    /** The block is valid but not a table of fields (a list, a scalar): not front matter. */
    record NotFields() implements Outcome {}

    /**
     * The block could not be read (a parse error, a limit); whether it counts as front matter is
     * decided by {@link #looksLikeFields}.
     */
    record Unreadable(String problem) implements Outcome {}

    /** The block is front matter but invalid (a table with a repeated key). */
    record Malformed(String problem) implements Outcome {}
  }
}
