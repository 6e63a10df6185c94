package dev.retold.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.nio.charset.StandardCharsets;

/**
 * Says in a few words why a JSON Lines line is not JSON, from the parser's exception and the line:
 * {@code "not JSON (unexpected character 'x' at column 5)"}. The parser's own messages name its
 * internals (token lists, feature names, source references); these name the character and its
 * column (counted in characters from 1), which is what a person fixing the line needs.
 */
final class JsonProblem {
  private JsonProblem() {}

  /** The reason a line with this parse error is skipped. */
  static String describe(JsonProcessingException problem, byte[] line) {
    String message = problem.getOriginalMessage() == null ? "" : problem.getOriginalMessage();
    if (problem instanceof StreamConstraintsException) {
      return message.startsWith("Document nesting depth")
          ? "not JSON (nested more deeply than the parser allows)"
          : "not JSON (a value longer than the parser allows)";
    }
    if (problem instanceof JsonEOFException) {
      return "not JSON (the line ends inside the object)";
    }
    JsonLocation location = problem.getLocation();
    long offset = location == null ? -1 : location.getByteOffset();
    if (offset < 0 || offset > line.length) {
      return "not JSON";
    }
    if (message.startsWith("Invalid UTF-8 start byte") && offset > 0) {
      offset--; // the parser stands past the byte it refused
    }
    String at = " at column " + column(line, (int) offset);
    if (message.startsWith("Invalid UTF-8")) {
      return "not JSON (invalid UTF-8" + at + ")";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "not JSON (a control character not escaped in a string" + at + ")";
    }
    if (message.startsWith("Unrecognized character escape")) {
      return "not JSON (an unknown escape in a string" + at + ")";
    }
    if (message.startsWith("Invalid numeric value") || message.startsWith("Numeric value")) {
      return "not JSON (a malformed number" + at + ")";
    }
    if (offset < line.length) {
      return "not JSON (unexpected character " + character(line, (int) offset) + at + ")";
    }
    return "not JSON" + at.replace(" at", " (at") + ")";
  }

  /** The column of byte {@code offset}: characters before it, plus one. */
  private static int column(byte[] line, int offset) {
    int characters = 0;
    for (int i = 0; i < offset; i++) {
      if ((line[i] & 0xC0) != 0x80) { // not a UTF-8 continuation byte: a character starts
        characters++;
      }
    }
    return characters + 1;
  }

  /** The character starting at {@code offset}, quoted, or its code point if it does not print. */
  private static String character(byte[] line, int offset) {
    int end = offset + 1;
    while (end < line.length && end < offset + 4 && (line[end] & 0xC0) == 0x80) {
      end++;
    }
    String text = new String(line, offset, end - offset, StandardCharsets.UTF_8);
    int codePoint = text.codePointAt(0);
    if (Character.isISOControl(codePoint)
        || codePoint == 0xFFFD
        || Character.isWhitespace(codePoint)
        || !Character.isDefined(codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return "'" + new String(Character.toChars(codePoint)) + "'";
  }
}
