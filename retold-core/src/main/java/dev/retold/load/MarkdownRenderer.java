package dev.retold.load;

import dev.retold.SourceMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders a Markdown body (CommonMark, by commonmark-java) to the plain text a reader sees, with a
 * {@link SourceMap} from every character of that text to its character in the source.
 *
 * <p>What the text holds: headings without their {@code #} or underline, emphasis without its
 * {@code *} or {@code _}, links as their text (the URL dropped), images as their alt text, code
 * spans and code blocks as their code, list items one a line without their markers, block quotes
 * without their {@code >}. HTML blocks and inline HTML, link reference definitions and thematic
 * breaks are dropped. Blocks are separated by a blank line, the blocks of one list by a line break;
 * a soft or hard line break inside a paragraph is a line break. Leading and trailing white space is
 * dropped, and so are blank lines at the edges of a code block.
 *
 * <p>The map comes from commonmark's source spans, which place every text node in the source. A
 * text node's characters are matched to the characters of its span in order. An escaped character
 * maps to itself after its backslash, and what an entity such as {@code &amp;} stands for maps to
 * its {@code &}. Where Markdown changed the text otherwise (a tab expanded into spaces, line breaks
 * in a code span, {@code \r\n} as {@code \n}), the changed characters map to where the change
 * starts and the match resumes at the nearest run of characters the two share. So a character that
 * stands verbatim in the source maps to itself, and the separators the renderer inserts map to a
 * neighbour (the line break they stand for, where the source has one). The map never runs
 * backwards. Caveat: "nearest" is a guess; a text changed in many places in a row (a run of
 * entities for which no nearby characters agree) may map a few characters to the wrong copy of a
 * repeated word.
 *
 * <p>The tree is walked with a stack of its own, so no nesting, however deep, can overflow the call
 * stack. The parser is thread-safe; so is this class.
 */
final class MarkdownRenderer {
  /** File name endings read as Markdown, lower case. */
  static final Set<String> EXTENSIONS = Set.of("md", "markdown", "mdown", "mkd");

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  /** How many body characters a change may make out of source characters, at most. */
  private static final int RESYNC_BODY = 8;

  /** How many source characters a change may take, at most (an entity's name). */
  private static final int RESYNC_SOURCE = 40;

  /** How many characters in a row must agree for the match to resume. */
  private static final int RESYNC_RUN = 4;

  private MarkdownRenderer() {}

  /**
   * A rendered body.
   *
   * @param body the plain text, possibly empty
   * @param sourceMap from body offsets to offsets in the whole source text
   * @param title the first level-1 heading's text, else the first heading's, or {@code null}
   */
  record Rendered(String body, SourceMap sourceMap, String title) {}

  /** Whether the article {@code id} names a Markdown file, by its extension (any letter case). */
  static boolean isMarkdown(String id) {
    int slash = Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\'));
    int dot = id.lastIndexOf('.');
    if (dot <= slash + 1 || dot == id.length() - 1) {
      return false;
    }
    return EXTENSIONS.contains(id.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Renders {@code text} from offset {@code from} on; the map points into the whole text. */
  static Rendered render(String text, int from) {
    Node document = PARSER.parse(text.substring(from));
    Output out = new Output(text, from);
    Deque<Node> todo = new ArrayDeque<>();
    Deque<Boolean> exiting = new ArrayDeque<>();
    todo.push(document);
    exiting.push(Boolean.FALSE);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      if (exiting.pop()) {
        out.exit(node);
        continue;
      }
      if (!out.enter(node)) {
        continue;
      }
      todo.push(node);
      exiting.push(Boolean.TRUE);
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        todo.push(child);
        exiting.push(Boolean.FALSE);
      }
    }
    return out.finish();
  }

  /** The body being written, its map, and where the walk is. Not thread-safe. */
  private static final class Output {
    private final String text;
    private final int from;
    private final StringBuilder body = new StringBuilder();
    private final SourceMapBuilder map = new SourceMapBuilder();
    private final Deque<Integer> headingStarts = new ArrayDeque<>();
    private int cursor;
    private int pendingBreaks;
    private int lists;
    private String firstTopHeading;
    private String firstHeading;

    Output(String text, int from) {
      this.text = text;
      this.from = from;
      this.cursor = from;
    }

    /** Handles a node on the way down; returns whether to visit its children. */
    boolean enter(Node node) {
      if (node instanceof HtmlBlock
          || node instanceof HtmlInline
          || node instanceof LinkReferenceDefinition
          || node instanceof ThematicBreak) {
        return false;
      }
      if (node instanceof ListBlock) {
        if (lists == 0) {
          request(2);
        }
        lists++;
      } else if (node instanceof Paragraph || node instanceof BlockQuote) {
        request(blockBreaks());
      } else if (node instanceof Heading) {
        request(blockBreaks());
        headingStarts.push(body.length());
      } else if (node instanceof FencedCodeBlock fenced) {
        request(blockBreaks());
        List<SourceSpan> spans = fenced.getSourceSpans();
        int last = fenced.getClosingFenceLength() == null ? spans.size() : spans.size() - 1;
        code(fenced.getLiteral(), spans.size() > 1 ? spans.subList(1, Math.max(1, last)) : spans);
        return false;
      } else if (node instanceof IndentedCodeBlock indented) {
        request(blockBreaks());
        code(indented.getLiteral(), indented.getSourceSpans());
        return false;
      } else if (node instanceof Text textNode) {
        emit(textNode.getLiteral(), textNode.getSourceSpans());
      } else if (node instanceof Code code) {
        emit(code.getLiteral(), code.getSourceSpans());
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        request(1);
      }
      return true;
    }

    /** Handles a node on the way up. */
    void exit(Node node) {
      if (node instanceof ListBlock) {
        lists--;
        if (lists == 0) {
          request(2);
        }
      } else if (node instanceof Heading heading) {
        String title = body.substring(headingStarts.pop()).strip();
        if (!title.isEmpty()) {
          if (firstHeading == null) {
            firstHeading = title;
          }
          if (heading.getLevel() == 1 && firstTopHeading == null) {
            firstTopHeading = title;
          }
        }
      }
    }

    Rendered finish() {
      int end = body.length();
      while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
        end--;
      }
      body.setLength(end);
      map.truncate(end);
      return new Rendered(
          body.toString(), map.build(), firstTopHeading != null ? firstTopHeading : firstHeading);
    }

    private int blockBreaks() {
      return lists > 0 ? 1 : 2;
    }

    /** Asks for {@code breaks} line breaks before the next text (the most asked for wins). */
    private void request(int breaks) {
      pendingBreaks = Math.max(pendingBreaks, breaks);
    }

    /** A code block's literal, without blank lines at its edges, over its content lines. */
    private void code(String literal, List<SourceSpan> spans) {
      int end = literal.length();
      while (end > 0 && Character.isWhitespace(literal.charAt(end - 1))) {
        end--;
      }
      int start = 0;
      for (int i = 0; i < end; i++) {
        char c = literal.charAt(i);
        if (c == '\n') {
          start = i + 1;
        } else if (!Character.isWhitespace(c)) {
          break;
        }
      }
      if (start < end) {
        emit(literal.substring(start, end), spans);
      }
    }

    /** Writes {@code piece}, matched against the source of {@code spans}. */
    private void emit(String piece, List<SourceSpan> spans) {
      int start = cursor;
      int end = cursor;
      if (!spans.isEmpty()) {
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        start = Math.max(cursor, from + first.getInputIndex());
        end = Math.max(start, from + last.getInputIndex() + last.getLength());
      }
      String written = piece;
      if (body.length() == 0) {
        int skip = 0;
        while (skip < written.length() && Character.isWhitespace(written.charAt(skip))) {
          skip++;
        }
        written = written.substring(skip);
        if (written.isEmpty()) {
          return;
        }
      } else if (pendingBreaks > 0) {
        align("\n".repeat(pendingBreaks), cursor, start);
      }
      pendingBreaks = 0;
      if (written.isEmpty()) {
        return;
      }
      align(written, start, end);
      cursor = Math.max(cursor, end);
    }

    /**
     * Appends {@code piece}, mapping each character to the same character of {@code text[start,
     * end)} where it can, in order.
     */
    private void align(String piece, int start, int end) {
      if (end - start == piece.length() && text.startsWith(piece, start)) {
        body.append(piece);
        map.append(start, piece.length());
        return;
      }
      int at = start;
      int i = 0;
      while (i < piece.length()) {
        if (at < end && text.charAt(at) == piece.charAt(i)) {
          int run = 1;
          while (i + run < piece.length()
              && at + run < end
              && text.charAt(at + run) == piece.charAt(i + run)) {
            run++;
          }
          body.append(piece, i, i + run);
          map.append(at, run);
          i += run;
          at += run;
          continue;
        }
        if (at + 1 < end && text.charAt(at) == '\\' && text.charAt(at + 1) == piece.charAt(i)) {
          body.append(piece.charAt(i)); // a backslash escape: the character after the backslash
          map.append(at + 1, 1);
          i++;
          at += 2;
          continue;
        }
        int entityEnd = entityEnd(at, end);
        if (entityEnd > 0) {
          body.append(piece.charAt(i)); // an entity: what it stands for maps to its '&'
          map.append(at, 1);
          i++;
          at = entityEnd;
          continue;
        }
        long resync = resync(piece, i, at, end);
        int bodySkip = resync < 0 ? 1 : (int) (resync >>> 32);
        // With no match nearby, take the change for one character to one: the source is never
        // shorter than what Markdown makes of it but by a tab's expansion, so keeping pace
        // leaves the match behind the source, where the search forward finds it again.
        int sourceSkip = resync < 0 ? (at < end ? 1 : 0) : (int) resync;
        for (int k = 0; k < bodySkip; k++) {
          body.append(piece.charAt(i + k));
          map.append(neighbour(at), 1);
        }
        i += bodySkip;
        at += sourceSkip;
      }
    }

    /**
     * Where a change that starts at {@code piece[i]} and {@code text[at]} ends: body characters to
     * skip in the high half, source characters in the low half; -1 if none is found nearby. The
     * shortest change wins (fewest characters skipped on both sides together), so a run that recurs
     * a little further on is not taken for the one just past the change.
     */
    private long resync(String piece, int i, int at, int end) {
      for (int total = 1; total <= RESYNC_BODY + RESYNC_SOURCE; total++) {
        for (int bodySkip = Math.max(0, total - RESYNC_SOURCE);
            bodySkip <= Math.min(total, RESYNC_BODY);
            bodySkip++) {
          int sourceSkip = total - bodySkip;
          if (i + bodySkip > piece.length()) {
            break;
          }
          int run = runToMatch(piece, i + bodySkip);
          if (run > 0
              && at + sourceSkip + run <= end
              && text.regionMatches(at + sourceSkip, piece, i + bodySkip, run)) {
            return ((long) bodySkip << 32) | sourceSkip;
          }
        }
      }
      return -1;
    }

    /**
     * The offset just past an entity or numeric character reference ({@code &amp;}, {@code &#169;})
     * that starts at {@code text[at]} and ends before {@code end}, or -1.
     */
    private int entityEnd(int at, int end) {
      if (at >= end || text.charAt(at) != '&') {
        return -1;
      }
      int limit = Math.min(end, at + RESYNC_SOURCE);
      for (int k = at + 1; k < limit; k++) {
        char c = text.charAt(k);
        if (c == ';') {
          return k > at + 1 ? k + 1 : -1;
        }
        if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '#'))) {
          return -1;
        }
      }
      return -1;
    }

    /**
     * How many characters from {@code piece[start]} must agree for a match to resume: up to {@value
     * #RESYNC_RUN}, but never across a line break, which the source may write as {@code \r\n} where
     * commonmark writes {@code \n}; a line break alone is one.
     */
    private static int runToMatch(String piece, int start) {
      if (start >= piece.length()) {
        return 0;
      }
      if (piece.charAt(start) == '\n') {
        return 1;
      }
      int run = 1;
      while (run < RESYNC_RUN
          && start + run < piece.length()
          && piece.charAt(start + run) != '\n') {
        run++;
      }
      return run;
    }

    /** A source offset for a body character that has none of its own. */
    private int neighbour(int at) {
      return Math.max(0, Math.min(at, text.length() - 1));
    }
  }
}
