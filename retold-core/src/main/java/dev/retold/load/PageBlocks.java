package dev.retold.load;

import dev.retold.load.TextBlock.Break;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Cuts the visible text of an HTML page's body into {@link TextBlock}s, each with its map into the
 * decoded source, in document order.
 *
 * <p>A block ends wherever a browser would start a new line: at the start and end of a {@link
 * #BLOCK_TAGS block-level element}, at a {@code <br>} (two in a row, with no text between, part
 * paragraphs), at a line break inside {@code <pre>}; and also at the start and end of an element
 * {@link MarkupHints} calls chrome, so that a share button inside a paragraph is a block of its
 * own. Text of {@link MarkupHints#NOT_TEXT} elements (scripts, styles, templates...) is never read.
 * Outside {@code <pre>}, each run of HTML white space (space, tab, line feed, form feed, carriage
 * return) becomes one space, and none is kept at a block's ends; a no-break space is text and
 * stays. Each decoded char maps to its source char, or to the {@code &} of the reference it was
 * decoded from ({@link EntityAlignment}); a space made of collapsed white space maps to just past
 * the char before it, so that a word's source ends where the next body char maps.
 *
 * <p>The walk is iterative, so deeply nested markup cannot overflow the stack.
 */
final class PageBlocks {
  /** Elements that start a new line in a browser. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "caption",
          "center",
          "dd",
          "details",
          "dialog",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "frameset",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "legend",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul");

  private static final int BLOCK = 1;
  private static final int CHROME = 2;
  private static final int ARTICLE = 4;
  private static final int LINK = 8;
  private static final int PRE = 16;

  private final String source;
  private final List<TextBlock> blocks = new ArrayList<>();
  private final Deque<Element> openBlocks = new ArrayDeque<>();
  private final Deque<Integer> openFlags = new ArrayDeque<>();
  private int chromeDepth;
  private int articleDepth;
  private int linkDepth;
  private int preDepth;

  private final StringBuilder text = new StringBuilder();
  private SourceMapBuilder map = new SourceMapBuilder();
  private int linkChars;
  private boolean pendingSpace;
  private int lastEnd;
  private Break pendingBreak = Break.PARAGRAPH;
  private Break startBreak = Break.PARAGRAPH;

  private PageBlocks(String source) {
    this.source = source;
  }

  /** The blocks of {@code root} (a page's body), whose nodes were parsed from {@code source}. */
  static List<TextBlock> of(Element root, String source) {
    PageBlocks cutter = new PageBlocks(source);
    if (root != null) {
      NodeTraversor.filter(cutter.new Walk(), root);
      cutter.flush();
    }
    return List.copyOf(cutter.blocks);
  }

  private final class Walk implements NodeFilter {
    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        append(textNode);
      } else if (node instanceof Element element) {
        if (MarkupHints.isNotText(element)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (element.normalName().equals("br")) {
          flush();
          // a second <br> with no text since the first: a paragraph break, as old pages write it
          pendingBreak = pendingBreak == Break.LINE ? Break.PARAGRAPH : pendingBreak.or(Break.LINE);
          return FilterResult.SKIP_CHILDREN;
        }
        open(element);
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element && !element.normalName().equals("br")) {
        close();
      }
      return FilterResult.CONTINUE;
    }
  }

  private void open(Element element) {
    String tag = element.normalName();
    int flags = 0;
    flags |= BLOCK_TAGS.contains(tag) ? BLOCK : 0;
    flags |= MarkupHints.isChrome(element, articleDepth > 0) ? CHROME : 0;
    flags |= tag.equals("article") || tag.equals("main") ? ARTICLE : 0;
    flags |= tag.equals("a") ? LINK : 0;
    flags |= tag.equals("pre") ? PRE : 0;
    boundary(flags);
    if ((flags & BLOCK) != 0) {
      openBlocks.push(element);
    }
    chromeDepth += (flags & CHROME) != 0 ? 1 : 0;
    articleDepth += (flags & ARTICLE) != 0 ? 1 : 0;
    linkDepth += (flags & LINK) != 0 ? 1 : 0;
    preDepth += (flags & PRE) != 0 ? 1 : 0;
    openFlags.push(flags);
  }

  private void close() {
    if (openFlags.isEmpty()) {
      return;
    }
    int flags = openFlags.pop();
    boundary(flags);
    if ((flags & BLOCK) != 0) {
      openBlocks.pop();
    }
    chromeDepth -= (flags & CHROME) != 0 ? 1 : 0;
    articleDepth -= (flags & ARTICLE) != 0 ? 1 : 0;
    linkDepth -= (flags & LINK) != 0 ? 1 : 0;
    preDepth -= (flags & PRE) != 0 ? 1 : 0;
  }

  /** Ends the block at a block-level element's or a chrome element's start or end. */
  private void boundary(int flags) {
    if ((flags & (BLOCK | CHROME)) != 0) {
      flush();
      pendingBreak = pendingBreak.or((flags & BLOCK) != 0 ? Break.PARAGRAPH : Break.NONE);
    }
  }

  private void append(TextNode node) {
    String decoded = node.getWholeText();
    Range range = node.sourceRange();
    int[] starts;
    int[] ends;
    if (range.isTracked() && range.startPos() >= 0 && range.endPos() <= source.length()) {
      EntityAlignment alignment =
          EntityAlignment.align(decoded, source, range.startPos(), range.endPos());
      starts = alignment.starts();
      ends = alignment.ends();
    } else {
      starts = new int[decoded.length()];
      ends = new int[decoded.length()];
      Arrays.fill(starts, lastEnd);
      Arrays.fill(ends, lastEnd);
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (preDepth > 0) {
        if (c == '\n') {
          flush();
          pendingBreak = pendingBreak.or(Break.LINE);
        } else if (c != '\r') {
          appendChar(c, starts[i], ends[i]);
        }
      } else if (isHtmlSpace(c)) {
        pendingSpace = true;
      } else {
        if (pendingSpace && text.length() > 0) {
          appendChar(' ', lastEnd, lastEnd);
        }
        pendingSpace = false;
        appendChar(c, starts[i], ends[i]);
      }
    }
  }

  private void appendChar(char c, int start, int end) {
    if (text.length() == 0) {
      startBreak = pendingBreak;
      pendingBreak = Break.NONE;
    }
    text.append(c);
    map.append(start, 1);
    lastEnd = end;
    linkChars += linkDepth > 0 ? 1 : 0;
  }

  private void flush() {
    pendingSpace = false;
    if (text.length() == 0) {
      return;
    }
    String content = text.toString();
    if (!content.isBlank() && !openBlocks.isEmpty()) {
      blocks.add(
          new TextBlock(
              openBlocks.peek(),
              content,
              map.build(),
              lastEnd,
              linkChars,
              chromeDepth > 0,
              startBreak));
    }
    text.setLength(0);
    map = new SourceMapBuilder();
    linkChars = 0;
  }

  private static boolean isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
