package dev.retold.cli;

/**
 * Makes a message that quotes file names or titles safe to print on a terminal: control characters
 * (ESC and the other C0 controls but tab, line breaks too, DEL, C1) become {@code \x1B}-style
 * escapes, and bidirectional overrides a backslash, {@code u} and four hex digits, as the text
 * report writes them, so that a file name cannot colour, move or retitle the user's terminal.
 */
final class Visible {
  private Visible() {}

  /** {@code text} with control characters escaped visibly. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
        out.append(String.format("\\x%02X", (int) c));
      } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
