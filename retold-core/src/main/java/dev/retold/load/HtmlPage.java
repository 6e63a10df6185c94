package dev.retold.load;

import dev.retold.Article;
import dev.retold.SourceMap;
import dev.retold.load.TextBlock.Break;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads a saved web page as an article: the text of its main content as the body, its metadata as
 * the title, date and fields, and the rest of the page listed as removed.
 *
 * <p>A page is not text with some chrome lines: its markup says what is a paragraph, and its
 * template repeats menus, cookie notices and "related stories" around every article. Read as text,
 * two unrelated articles of one site share all of that and look derived from each other. So the
 * page is parsed (jsoup, as a browser would, keeping each text node's place in the source), cut
 * into blocks of visible text ({@link PageBlocks}), and its article found among them ({@link
 * MainContent}); the metadata come from the page's head ({@link PageMetadata}).
 *
 * <p>The body: the kept blocks in page order, one line per paragraph, heading or list item, a blank
 * line between paragraphs, a single line break where a {@code <br>} broke one; a block that resumes
 * its paragraph after removed inline chrome joins it after one space. The source map takes every
 * body char to its char in the decoded page, a char decoded from a reference to the reference's
 * {@code &}, and the line breaks and spaces the reader puts in to just past the char before them.
 *
 * <p>{@link dev.retold.Article#removedLines()} lists every block with visible text that did not
 * make the body, stripped and shortened to {@value #MAX_REMOVED_CHARS} chars, in page order.
 * Scripts, styles and the other {@link MarkupHints#NOT_TEXT} elements are never text, so they are
 * not listed: they were never visible. The metadata has {@code format} = {@code html}.
 *
 * <p>Reading a page never throws: markup the parser cannot take (none is known) gives a skip
 * reason. Stateless and thread-safe.
 */
final class HtmlPage {
  static final int MAX_REMOVED_CHARS = 120;

  /** The reason given for a page with no article text. */
  static final String NO_BODY = "no body text (an HTML page with no article text)";

  private HtmlPage() {}

  /**
   * Whether a file with this text is read as an HTML page ({@link HtmlSniffer}); {@code name} is
   * the file's name or id, whose ending tells its format.
   */
  static boolean applies(String name, String text) {
    return HtmlSniffer.isHtml(name, text);
  }

  /**
   * Reads {@code html} as the article {@code id}; with {@code removeChrome} false, every block of
   * visible text is the body (scripts and styles still are not text).
   */
  static ReadResult read(String id, String html, boolean removeChrome) {
    try {
      return parse(id, html, removeChrome);
    } catch (RuntimeException unexpected) {
      return new ReadResult.Skipped(
          "HTML page could not be read (" + unexpected.getClass().getSimpleName() + ")");
    }
  }

  private static ReadResult parse(String id, String html, boolean removeChrome) {
    Document page = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
    if (page.body() == null) {
      return new ReadResult.Skipped(NO_BODY);
    }
    List<TextBlock> blocks = PageBlocks.of(page.body(), html);
    MainContent.Selection selection =
        removeChrome
            ? MainContent.select(blocks, page.body())
            : MainContent.everything(blocks, page.body());
    BitSet kept = selection.kept();
    if (kept.isEmpty()) {
      return new ReadResult.Skipped(NO_BODY);
    }
    PageMetadata metadata = PageMetadata.of(page, selection.area());
    return assemble(id, blocks, kept, metadata);
  }

  /** The article of the {@code kept} blocks, the others listed as removed. */
  private static ReadResult assemble(
      String id, List<TextBlock> blocks, BitSet kept, PageMetadata metadata) {
    StringBuilder body = new StringBuilder();
    SourceMapBuilder map = new SourceMapBuilder();
    List<String> removed = new ArrayList<>();
    TextBlock last = null;
    TextBlock previous = null;
    Break pending = Break.PARAGRAPH;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock block = blocks.get(i);
      boolean sameElement = previous != null && previous.element() == block.element();
      pending = pending.or(sameElement ? block.breakBefore() : Break.PARAGRAPH);
      previous = block;
      if (!kept.get(i)) {
        removed.add(shorten(block.text()));
        continue;
      }
      if (last != null) {
        Break separator = last.element() == block.element() ? pending : Break.PARAGRAPH;
        String gap = separator == Break.PARAGRAPH ? "\n\n" : separator == Break.LINE ? "\n" : " ";
        body.append(gap);
        for (int k = 0; k < gap.length(); k++) {
          map.append(last.sourceEnd(), 1);
        }
      }
      body.append(block.text());
      SourceMap blockMap = block.sourceMap();
      for (int k = 0; k < block.text().length(); k++) {
        map.append(blockMap.toSource(k), 1);
      }
      last = block;
      pending = Break.NONE;
    }
    return new ReadResult.Loaded(
        new Article(
            id,
            metadata.title(),
            metadata.date(),
            body.toString(),
            metadata.fields(),
            removed,
            map.build()));
  }

  /** A removed block's text, stripped, cut at a word to at most {@value #MAX_REMOVED_CHARS}. */
  static String shorten(String text) {
    String stripped = text.strip();
    if (stripped.length() <= MAX_REMOVED_CHARS) {
      return stripped;
    }
    int cut = stripped.lastIndexOf(' ', MAX_REMOVED_CHARS - 3);
    if (cut < MAX_REMOVED_CHARS / 2) {
      cut = MAX_REMOVED_CHARS - 3;
      cut -= Character.isHighSurrogate(stripped.charAt(cut - 1)) ? 1 : 0; // keep pairs whole
    }
    return stripped.substring(0, cut).stripTrailing() + "...";
  }
}
