package dev.retold.load;

import dev.retold.SourceMap;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * One run of an HTML page's visible text between two block boundaries (a paragraph, a heading, a
 * list item, a cell, one line of a {@code <br>}-broken or preformatted block), as {@link
 * PageBlocks} cut it: the unit {@link MainContent} keeps or removes.
 *
 * @param element the nearest block-level element holding the text (for {@code <p>Hi</p>}, the
 *     {@code p})
 * @param text the text, white space collapsed (kept as is in {@code <pre>}), never blank
 * @param sourceMap maps each char of {@code text} into the decoded HTML source
 * @param sourceEnd the source offset just past the last char's source (past a whole reference)
 * @param linkChars how many chars of {@code text} lie inside links
 * @param chrome whether markup hints ({@link MarkupHints}) put it in page chrome
 * @param breakBefore what separates it from the block before it when both are of one element
 */
record TextBlock(
    Element element,
    String text,
    SourceMap sourceMap,
    int sourceEnd,
    int linkChars,
    boolean chrome,
    Break breakBefore) {

  /** What stood between a block and the one before it in the same element, weakest first. */
  enum Break {
    /** Removed inline chrome (a share button inside a paragraph): the paragraph goes on. */
    NONE,
    /** A {@code <br>}, or a line break in preformatted text: a new line. */
    LINE,
    /** A block boundary: a new paragraph. */
    PARAGRAPH;

    /** The stronger of the two breaks. */
    Break or(Break other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /** Checks the fields. */
  TextBlock {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(breakBefore, "breakBefore");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (sourceMap.bodyLength() != text.length()) {
      throw new IllegalArgumentException(
          "sourceMap covers " + sourceMap.bodyLength() + " chars but text has " + text.length());
    }
    if (linkChars < 0 || linkChars > text.length()) {
      throw new IllegalArgumentException("linkChars must be in [0, text length]: " + linkChars);
    }
  }

  /** The share of the text inside links, 0 to 1. */
  double linkDensity() {
    return (double) linkChars / text.length();
  }
}
