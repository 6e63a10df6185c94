package dev.retold.load;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells an HTML page from plain text, by the file's name and the text's opening, so that a saved
 * web page is read as markup while text that merely holds a {@code <} is read as text.
 *
 * <p>A text is HTML when, after any byte order mark, white space, {@code <!-- comments -->} and an
 * XML declaration:
 *
 * <ul>
 *   <li>it starts with {@code <!doctype html} or an {@code <html} tag (any letter case); or
 *   <li>it starts with a tag ({@code <} and a letter, or {@code <!}) and has a {@code <head} or
 *       {@code <body} tag within its first {@value #HEAD_WINDOW} chars (a page saved without its
 *       doctype and {@code <html>}); or
 *   <li>the file's name ends with {@code .html}, {@code .htm} or {@code .xhtml} and the text holds
 *       a tag of a common HTML element ({@code <p>}, {@code <div class=...>}, {@code </span>}...)
 *       anywhere: a fragment saved as a page. An {@code .html} file of plain text stays text.
 * </ul>
 */
final class HtmlSniffer {
  static final int HEAD_WINDOW = 1024;

  private static final Pattern HEAD_OR_BODY =
      Pattern.compile("<(?:head|body)[\\s/>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMON_TAG =
      Pattern.compile(
          "</?(?:html|head|body|title|meta|link|p|div|span|a|br|h[1-6]|article|section|main"
              + "|header|footer|nav|aside|ul|ol|li|table|tr|td|img|em|strong|b|i|blockquote|pre"
              + "|script|style|figure|figcaption|time)[\\s/>]",
          Pattern.CASE_INSENSITIVE);

  private HtmlSniffer() {}

  /**
   * Whether a file with this text is read as an HTML page; {@code name} is the file's name or id,
   * whose ending tells its format.
   */
  static boolean isHtml(String name, String text) {
    int start = afterPrologue(text);
    if (startsWithIgnoreCase(text, start, "<!doctype html")
        || (startsWithIgnoreCase(text, start, "<html")
            && (start + 5 == text.length() || isTagEnd(text.charAt(start + 5))))) {
      return true;
    }
    if (start + 1 < text.length()
        && text.charAt(start) == '<'
        && (Character.isLetter(text.charAt(start + 1)) || text.charAt(start + 1) == '!')) {
      int end = Math.min(text.length(), start + HEAD_WINDOW);
      if (HEAD_OR_BODY.matcher(text).region(start, end).find()) {
        return true;
      }
    }
    return hasHtmlName(name) && COMMON_TAG.matcher(text).find();
  }

  /** Whether the name ends with {@code .html}, {@code .htm} or {@code .xhtml}, any letter case. */
  static boolean hasHtmlName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
  }

  /** The offset after a byte order mark, white space, comments and an XML declaration. */
  private static int afterPrologue(String text) {
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        at++;
      } else if (text.startsWith("<!--", at)) {
        int end = text.indexOf("-->", at + 4);
        if (end < 0) {
          return at;
        }
        at = end + 3;
      } else if (text.startsWith("<?xml", at)) {
        int end = text.indexOf("?>", at + 5);
        if (end < 0) {
          return at;
        }
        at = end + 2;
      } else {
        break;
      }
    }
    return at;
  }

  private static boolean startsWithIgnoreCase(String text, int at, String prefix) {
    return text.regionMatches(true, at, prefix, 0, prefix.length());
  }

  private static boolean isTagEnd(char c) {
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }
}
