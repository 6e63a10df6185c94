package dev.retold.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an HTML element's tag and attributes say about its text, before any text is weighed: never
 * text at all (a script), page chrome (a menu, a cookie notice, a "related stories" box), or a
 * likely home of the article (an {@code <article>}).
 *
 * <p>These are the hints a page's authors leave for browsers, screen readers and their own style
 * sheets, common to all templates; no site's markup is named here. The rules:
 *
 * <ul>
 *   <li><b>not text</b>: {@link #NOT_TEXT} tags (script, style, noscript, template, iframe, svg,
 *       form fields...): their content is never read, nor listed as removed;
 *   <li><b>chrome</b>: {@link #CHROME_TAGS} (nav, footer, aside, form, button, dialog); a {@code
 *       <header>} outside any {@code <article>} or {@code <main>} (the site's masthead; an
 *       article's own header holds its headline); an ARIA {@link #CHROME_ROLES role} (navigation,
 *       banner, contentinfo, complementary...); {@code hidden}, {@code aria-hidden="true"} or an
 *       inline {@code display:none}; or a <em>negative</em> class or id, below. Never {@code
 *       <html>}, {@code <body>} or {@code <main>};
 *   <li><b>positive</b>: {@code <article>}, {@code <main>}, {@code role="main"} or {@code
 *       "article"}, {@code itemprop="articleBody"}, or a positive class or id.
 * </ul>
 *
 * <p>A class or id is read as names (each class, and the id), each name as words: split at anything
 * not a letter or digit and at a lower-to-upper case change ({@code relatedStories} is "related",
 * "stories"). A name's polarity is that of its <em>last</em> word found in either list, since names
 * are written whole-then-part ({@code comment-content} is a comment's content, {@code main-nav} a
 * navigation, {@code content-sidebar} a sidebar). An element's class and id are negative when some
 * name is negative and none is positive ({@code "content has-sidebar"} stays). {@link
 * #NEGATIVE_WORDS} are matched whole, {@link #NEGATIVE_STEMS} as word beginnings ("commentlist",
 * "advertorial").
 */
final class MarkupHints {
  /** Tags whose content is never article text and is not listed as removed either. */
  static final Set<String> NOT_TEXT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "svg",
          "math",
          "object",
          "embed",
          "canvas",
          "audio",
          "video",
          "select",
          "textarea",
          "datalist",
          "head",
          "title");

  /** Tags whose text is page chrome wherever they stand. */
  static final Set<String> CHROME_TAGS =
      Set.of("nav", "footer", "aside", "form", "button", "dialog", "menu");

  /** ARIA landmark and widget roles of page chrome. */
  static final Set<String> CHROME_ROLES =
      Set.of(
          "navigation",
          "banner",
          "contentinfo",
          "complementary",
          "search",
          "dialog",
          "alertdialog",
          "menu",
          "menubar",
          "toolbar",
          "tablist");

  /** Class and id words of page chrome, matched whole. */
  static final Set<String> NEGATIVE_WORDS =
      Set.of(
          "nav",
          "navbar",
          "menu",
          "footer",
          "masthead",
          "banner",
          "related",
          "share",
          "sharing",
          "social",
          "promo",
          "ad",
          "ads",
          "adslot",
          "dfp",
          "breadcrumb",
          "breadcrumbs",
          "popup",
          "modal",
          "widget",
          "recommended",
          "trending",
          "signup",
          "paywall",
          "skip",
          "hidden",
          "sr",
          "toolbar",
          "tags",
          "byline");

  /** Class and id word beginnings of page chrome. */
  static final List<String> NEGATIVE_STEMS =
      List.of(
          "advert",
          "comment",
          "cookie",
          "consent",
          "gdpr",
          "newsletter",
          "subscri",
          "sidebar",
          "sponsor",
          "navig",
          "promot",
          "breadcrumb");

  /**
   * Words that make a name negative wherever they stand: the widgets of content recommendation and
   * comment services ({@code taboola-below-article} is not the article).
   */
  static final List<String> WIDGET_STEMS = List.of("taboola", "outbrain", "disqus");

  /** Class and id words of an article's home. */
  static final Set<String> POSITIVE_WORDS =
      Set.of(
          "article",
          "articlebody",
          "body",
          "content",
          "entry",
          "hentry",
          "main",
          "post",
          "story",
          "text",
          "prose");

  private static final Set<String> NEVER_CHROME = Set.of("html", "body", "main");

  private MarkupHints() {}

  /** Whether the element's content is never read as text. */
  static boolean isNotText(Element element) {
    return NOT_TEXT.contains(element.normalName());
  }

  /**
   * Whether the element is page chrome by its own tag and attributes; {@code inArticle} says
   * whether an {@code <article>} or {@code <main>} holds it (for {@code <header>}).
   */
  static boolean isChrome(Element element, boolean inArticle) {
    String tag = element.normalName();
    if (NEVER_CHROME.contains(tag)) {
      return false;
    }
    if (CHROME_TAGS.contains(tag) || (tag.equals("header") && !inArticle)) {
      return true;
    }
    String role = element.attr("role").strip().toLowerCase(Locale.ROOT);
    if (CHROME_ROLES.contains(role)) {
      return true;
    }
    if (element.hasAttr("hidden")
        || element.attr("aria-hidden").strip().equalsIgnoreCase("true")
        || hidesItself(element.attr("style"))) {
      return true;
    }
    return namesPolarity(element) < 0;
  }

  /** Whether the element is a likely home of the article by its tag and attributes. */
  static boolean isPositive(Element element) {
    String tag = element.normalName();
    if (tag.equals("article") || tag.equals("main")) {
      return true;
    }
    String role = element.attr("role").strip().toLowerCase(Locale.ROOT);
    if (role.equals("main") || role.equals("article")) {
      return true;
    }
    for (String prop : element.attr("itemprop").split("\\s+")) {
      if (prop.equalsIgnoreCase("articleBody")) {
        return true;
      }
    }
    return namesPolarity(element) > 0;
  }

  /** 1 if some class or id name is positive, else -1 if some is negative, else 0. */
  static int namesPolarity(Element element) {
    boolean negative = false;
    List<String> names = new ArrayList<>();
    names.add(element.id());
    for (String name : element.className().split("\\s+")) {
      names.add(name);
    }
    for (String name : names) {
      int polarity = polarity(name);
      if (polarity > 0) {
        return 1;
      }
      negative |= polarity < 0;
    }
    return negative ? -1 : 0;
  }

  /**
   * The polarity of one class or id name: -1 if it names a widget service, else that of its last
   * word found in either list, else 0.
   */
  static int polarity(String name) {
    List<String> words = words(name);
    if (words.stream().anyMatch(word -> WIDGET_STEMS.stream().anyMatch(word::startsWith))) {
      return -1;
    }
    for (int i = words.size() - 1; i >= 0; i--) {
      String word = words.get(i);
      if (POSITIVE_WORDS.contains(word)) {
        return 1;
      }
      if (NEGATIVE_WORDS.contains(word) || NEGATIVE_STEMS.stream().anyMatch(word::startsWith)) {
        return -1;
      }
    }
    return 0;
  }

  /** A name's words, lower case: split at non-alphanumerics and lower-to-upper case changes. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary =
          !Character.isLetterOrDigit(c)
              || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1)));
      if (boundary && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static boolean hidesItself(String style) {
    String compact = style.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }
}
