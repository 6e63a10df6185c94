package dev.retold.load;

import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds which blocks of an HTML page ({@link PageBlocks}) are the article: a text-density rule over
 * the page's block elements, with its markup hints ({@link MarkupHints}).
 *
 * <p>An article is a run of paragraphs that share a container; page chrome is short, link-heavy, or
 * marked as such by the page itself. So:
 *
 * <ol>
 *   <li><b>Chrome</b> blocks (scripts and styles are not even blocks) are never the article.
 *   <li>Every other block is weighed: none under {@value #MIN_SCORED_CHARS} chars; else {@code (1 +
 *       punctuation + min(chars / 100, 3)) * (1 - link density)}, where punctuation counts commas
 *       and sentence ends (. ! ? followed by a space or the end) and link density is the share of
 *       its chars inside links. Long, punctuated, unlinked text weighs most; a list of links
 *       nothing.
 *   <li>The weight goes to the block's container (the parent of a paragraph, heading or list item;
 *       the element itself when text stands directly in a {@code div}, a table cell or the like) in
 *       full, and to that container's parent in half: paragraphs that stand together raise one
 *       container.
 *   <li>A container's score is its weight times {@code 1 - } the link density of all the non-chrome
 *       text under it, times {@value #POSITIVE_BONUS} if it is a likely home of the article ({@code
 *       <article>}, {@code <main>}, {@code role=main}, {@code itemprop=articleBody}, a class such
 *       as "entry-content"). The best container is the <em>top</em> (the first of equals).
 *   <li>The <em>zone</em> is the top and those of its siblings that score at least {@value
 *       #SIBLING_SHARE} of it and at least {@value #SIBLING_MIN_SCORE} (more than one paragraph of
 *       news weighs, so that a weather box beside the article stays out), or that are a
 *       <em>paragraph of sentences</em>: at least {@value PageChromeFilter#LONG_LINE_WORDS} words,
 *       or {@value PageChromeFilter#PARAGRAPH_WORDS} ending like a sentence, with a link density
 *       under {@value #SIBLING_LINK_DENSITY}. So an article split into several containers is found
 *       whole.
 *   <li>The <em>area</em> is the top's nearest {@code <article>} up to {@value #ARTICLE_LEVELS}
 *       levels above it, else the top's parent when its class or id names it a home of the article
 *       ("story-column"; never {@code <main>} or the body), else the top itself: so the headline
 *       and standfirst in an article's own header join the body text.
 * </ol>
 *
 * <p>A block is kept when it is not chrome, its link density is at most {@value #MAX_LINK_DENSITY},
 * it is not a credit or byline ({@link LineShape#isCredit}), and it lies in the zone; or it lies in
 * the area before the zone's first kept block and is a heading or a paragraph of sentences (a
 * headline comes before its article, a "Most read" heading after it). A page where no block reaches
 * {@value #MIN_SCORED_CHARS} chars has no top: every block of it that is not chrome, link-heavy or
 * a credit is kept.
 *
 * <p>The rule reads the page's shape and its authors' own hints, never one site's markup. It can be
 * fooled by a page whose comments are marked as nothing (no comment class or id, no {@code
 * <aside>}) and outweigh the article: then they are taken for it.
 */
final class MainContent {
  static final int MIN_SCORED_CHARS = 25;
  static final double POSITIVE_BONUS = 1.5;
  static final double SIBLING_SHARE = 0.2;
  static final double SIBLING_MIN_SCORE = 10;
  static final double SIBLING_LINK_DENSITY = 0.25;
  static final double MAX_LINK_DENSITY = 0.5;
  static final int ARTICLE_LEVELS = 3;

  /**
   * Elements that are one paragraph of text, whose weight goes to their parent. Not table cells: in
   * a page laid out as a table, a cell is the article's container.
   */
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "pre",
          "dd",
          "dt",
          "figcaption",
          "caption",
          "summary",
          "address",
          "legend",
          "blockquote");

  private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private MainContent() {}

  /**
   * What was chosen.
   *
   * @param kept indices of the blocks that are the article
   * @param area the element holding the article (the page's body when no top was found), where its
   *     date is looked for first
   */
  record Selection(BitSet kept, Element area) {
    /** Copies the set. */
    Selection {
      kept = (BitSet) kept.clone();
    }

    @Override
    public BitSet kept() {
      return (BitSet) kept.clone();
    }
  }

  /** Every block, chrome and all, for a reader that removes no page chrome. */
  static Selection everything(List<TextBlock> blocks, Element body) {
    BitSet kept = new BitSet();
    kept.set(0, blocks.size());
    return new Selection(kept, body);
  }

  /** The article's blocks among {@code blocks}, cut from {@code body}. */
  static Selection select(List<TextBlock> blocks, Element body) {
    Map<Element, Double> weights = new LinkedHashMap<>();
    Map<Element, int[]> chars = new IdentityHashMap<>(); // {text chars, link chars} under it
    for (TextBlock block : blocks) {
      if (block.chrome()) {
        continue;
      }
      int[] counts = chars.computeIfAbsent(block.element(), e -> new int[2]);
      counts[0] += block.text().length();
      counts[1] += block.linkChars();
      double weight = weight(block);
      if (weight > 0) {
        Element container = containerOf(block.element(), body);
        weights.merge(container, weight, Double::sum);
        if (container != body && container.parent() != null) {
          weights.merge(container.parent(), weight / 2, Double::sum);
        }
      }
    }
    List<Element> elements = body.getAllElements(); // parents before children
    for (int i = elements.size() - 1; i > 0; i--) {
      int[] counts = chars.get(elements.get(i));
      Element parent = elements.get(i).parent();
      if (counts != null && parent != null) {
        int[] total = chars.computeIfAbsent(parent, e -> new int[2]);
        total[0] += counts[0];
        total[1] += counts[1];
      }
    }
    Element top = null;
    double best = 0;
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Map.Entry<Element, Double> entry : weights.entrySet()) {
      double score = score(entry.getKey(), entry.getValue(), chars);
      scores.put(entry.getKey(), score);
      if (score > best) {
        best = score;
        top = entry.getKey();
      }
    }
    BitSet kept = new BitSet();
    if (top == null) {
      for (int i = 0; i < blocks.size(); i++) {
        if (isKeepable(blocks.get(i))) {
          kept.set(i);
        }
      }
      return new Selection(kept, body);
    }
    Set<Element> zone = within(zone(top, best, scores, blocks));
    Element area = area(top, body);
    Set<Element> inArea = within(Set.of(area));
    int zoneStart = blocks.size();
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock block = blocks.get(i);
      if (isKeepable(block) && zone.contains(block.element())) {
        kept.set(i);
        zoneStart = Math.min(zoneStart, i);
      }
    }
    for (int i = 0; i < zoneStart; i++) {
      TextBlock block = blocks.get(i);
      if (isKeepable(block)
          && inArea.contains(block.element())
          && (HEADING_TAGS.contains(block.element().normalName()) || isSentenceParagraph(block))) {
        kept.set(i);
      }
    }
    return new Selection(kept, area);
  }

  /** A block's weight, {@code 0} for blocks under {@value #MIN_SCORED_CHARS} chars. */
  static double weight(TextBlock block) {
    String text = block.text();
    if (text.length() < MIN_SCORED_CHARS) {
      return 0;
    }
    int punctuation = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean sentenceEnd =
          (c == '.' || c == '!' || c == '?')
              && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
      punctuation += c == ',' || sentenceEnd ? 1 : 0;
    }
    return (1 + punctuation + Math.min(text.length() / 100, 3)) * (1 - block.linkDensity());
  }

  private static double score(Element element, double weight, Map<Element, int[]> chars) {
    int[] counts = chars.get(element);
    double linkDensity = counts == null || counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
    return weight * (1 - linkDensity) * (MarkupHints.isPositive(element) ? POSITIVE_BONUS : 1);
  }

  private static Element containerOf(Element element, Element body) {
    if (element == body || !PARAGRAPH_TAGS.contains(element.normalName())) {
      return element;
    }
    Element parent = element.parent();
    return parent == null ? element : parent;
  }

  private static Set<Element> zone(
      Element top, double best, Map<Element, Double> scores, List<TextBlock> blocks) {
    Set<Element> zone = Collections.newSetFromMap(new IdentityHashMap<>());
    zone.add(top);
    Element parent = top.parent();
    if (parent == null || top.normalName().equals("body")) { // the page's body has no siblings
      return zone;
    }
    Map<Element, StringBuilder> ownText = new IdentityHashMap<>();
    Map<Element, int[]> ownLinks = new IdentityHashMap<>();
    for (TextBlock block : blocks) {
      if (!block.chrome() && block.element().parent() == parent) {
        ownText.computeIfAbsent(block.element(), e -> new StringBuilder()).append(block.text());
        ownLinks.computeIfAbsent(block.element(), e -> new int[1])[0] += block.linkChars();
      }
    }
    for (Element sibling : parent.children()) {
      if (sibling == top || MarkupHints.isChrome(sibling, true)) {
        continue;
      }
      double score = scores.getOrDefault(sibling, 0.0);
      StringBuilder text = ownText.get(sibling);
      boolean paragraph =
          text != null
              && PARAGRAPH_TAGS.contains(sibling.normalName())
              && isSentenceParagraph(text.toString())
              && ownLinks.get(sibling)[0] < SIBLING_LINK_DENSITY * text.length();
      if (score >= Math.max(SIBLING_MIN_SCORE, SIBLING_SHARE * best) || paragraph) {
        zone.add(sibling);
      }
    }
    return zone;
  }

  private static Element area(Element top, Element body) {
    Element at = top;
    for (int level = 0; level <= ARTICLE_LEVELS && at != null && at != body; level++) {
      if (at.normalName().equals("article")) {
        return at;
      }
      at = at.parent();
    }
    Element parent = top.parent();
    boolean namedHome =
        parent != null
            && parent != body
            && !parent.normalName().equals("main")
            && MarkupHints.namesPolarity(parent) > 0;
    return namedHome ? parent : top;
  }

  /** The elements {@code roots} and everything under them. */
  private static Set<Element> within(Set<Element> roots) {
    Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element root : roots) {
      all.addAll(root.getAllElements());
    }
    return all;
  }

  private static boolean isKeepable(TextBlock block) {
    return !block.chrome()
        && block.linkDensity() <= MAX_LINK_DENSITY
        && !LineShape.isCredit(block.text());
  }

  private static boolean isSentenceParagraph(TextBlock block) {
    return block.linkDensity() < SIBLING_LINK_DENSITY && isSentenceParagraph(block.text());
  }

  private static boolean isSentenceParagraph(String text) {
    int words = LineShape.words(text);
    return words >= PageChromeFilter.LONG_LINE_WORDS
        || (words >= PageChromeFilter.PARAGRAPH_WORDS && LineShape.isSentenceShaped(text));
  }
}
