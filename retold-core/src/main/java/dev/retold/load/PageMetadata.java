package dev.retold.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML page's article metadata, each field from the first source that has it, most deliberate
 * first: what the publisher wrote for sharing (Open Graph, {@code article:*}) and for search
 * engines (JSON-LD, {@link JsonLd}), then the page's own markup.
 *
 * <ul>
 *   <li><b>title</b>: {@code og:title}; JSON-LD {@code headline}; {@code <title>} without its site
 *       suffix (below); the first {@code <h1>} of the article's area, else of the page;
 *   <li><b>date</b>: {@code article:published_time}; JSON-LD {@code datePublished}; {@code
 *       itemprop="datePublished"}; the first {@code <time datetime>} of the article's area, else of
 *       the page, not inside page chrome (a related story's time is not the article's); {@code meta
 *       name=} {@code date}, {@code pubdate}, {@code publishdate}, {@code dc.date}, {@code
 *       dc.date.issued}, {@code dcterms.date}. Each is read with {@link DateText}; the first that
 *       is a date wins. When none is, the first one's problem is the {@code dateProblem};
 *   <li><b>author</b>: {@code meta name=author}; JSON-LD {@code author} (names); {@code
 *       article:author};
 *   <li><b>site</b>: {@code og:site_name}; JSON-LD {@code publisher} name;
 *   <li><b>url</b>: {@code <link rel=canonical>}; {@code og:url}.
 * </ul>
 *
 * <p>A {@code <title>} often ends with the site's name: "Headline | Site", " - Site", " – Site", "
 * — Site". At the last such separator, the part after it goes when it is the site's name (of at
 * most {@value #MAX_SUFFIX_WORDS} words; either may hold the other, letter case aside), else when
 * it is shorter than the part before it and at most {@value #MAX_SUFFIX_WORDS} words. A site name
 * that comes first ("Site | Headline") goes too. All values have their white space collapsed; blank
 * ones count as absent.
 *
 * @param title the title, or {@code null}
 * @param date the publication date, or {@code null}
 * @param dateProblem why a date found was not one, or {@code null}
 * @param author the author, or {@code null}
 * @param site the site's name, or {@code null}
 * @param url the page's canonical address, or {@code null}
 */
record PageMetadata(
    String title, LocalDate date, String dateProblem, String author, String site, String url) {
  static final int MAX_SUFFIX_WORDS = 6;
  private static final List<String> SEPARATORS = List.of(" | ", " - ", " – ", " — ");
  private static final List<String> DATE_NAMES =
      List.of("date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date");

  /** The metadata of {@code page}, whose article lies in {@code area}. */
  static PageMetadata of(Document page, Element area) {
    Map<String, String> meta = metaTags(page);
    JsonLd jsonLd = JsonLd.of(page);
    String site = firstOf(meta.get("og:site_name"), jsonLd.publisher());
    String title =
        firstOf(
            meta.get("og:title"),
            clean(jsonLd.headline()),
            withoutSiteName(clean(page.title()), site),
            headingText(area),
            headingText(page.body()));
    String author = firstOf(meta.get("author"), clean(jsonLd.author()), meta.get("article:author"));
    String url = firstOf(canonical(page), meta.get("og:url"));

    List<String> dates =
        new ArrayList<>(
            Arrays.asList(
                meta.get("article:published_time"),
                clean(jsonLd.datePublished()),
                meta.get("datepublished"),
                timeOf(area),
                timeOf(page.body())));
    DATE_NAMES.forEach(name -> dates.add(meta.get(name)));
    LocalDate date = null;
    String problem = null;
    for (String text : dates) {
      if (text == null) {
        continue;
      }
      DateText read = DateText.parse(text);
      if (read.date() != null) {
        date = read.date();
        problem = null;
        break;
      }
      problem = problem == null ? read.problem() : problem;
    }
    return new PageMetadata(title, date, problem, author, site, url);
  }

  /**
   * The metadata fields: {@code format} ({@code html}), and {@code author}, {@code site}, {@code
   * url} and the date's problem (under {@link ArticleReader#DATE_ERROR_KEY}) where present.
   */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("format", "html");
    putIfPresent(fields, "author", author);
    putIfPresent(fields, "site", site);
    putIfPresent(fields, "url", url);
    putIfPresent(fields, ArticleReader.DATE_ERROR_KEY, dateProblem);
    return fields;
  }

  /**
   * {@code title} without a site name before or after its last separator, as the class says; as it
   * is when it has none.
   */
  static String withoutSiteName(String title, String site) {
    if (title == null) {
      return null;
    }
    int at = -1;
    String separator = null;
    for (String candidate : SEPARATORS) {
      int index = title.lastIndexOf(candidate);
      if (index > at) {
        at = index;
        separator = candidate;
      }
    }
    if (at <= 0) {
      return title;
    }
    String before = title.substring(0, at).strip();
    String after = title.substring(at + separator.length()).strip();
    if (before.isEmpty() || after.isEmpty()) {
      return title;
    }
    if (sameName(after, site)) {
      return before;
    }
    if (sameName(before, site)) {
      return after;
    }
    boolean shortSuffix =
        after.length() < before.length() && LineShape.words(after) <= MAX_SUFFIX_WORDS;
    return shortSuffix ? before : title;
  }

  /** Whether {@code part} of a title names the site: one holds the other, in a few words. */
  private static boolean sameName(String part, String site) {
    String name = clean(site);
    if (name == null || LineShape.words(part) > MAX_SUFFIX_WORDS) {
      return false;
    }
    String a = part.toLowerCase(Locale.ROOT);
    String b = name.toLowerCase(Locale.ROOT);
    return a.contains(b) || b.contains(a);
  }

  /**
   * Each meta tag's content by its lower-case {@code property}, {@code name} or {@code itemprop}.
   */
  private static Map<String, String> metaTags(Document page) {
    Map<String, String> meta = new HashMap<>();
    for (Element tag : page.getElementsByTag("meta")) {
      String content = clean(tag.attr("content"));
      if (content == null) {
        continue;
      }
      for (String key : List.of("property", "name", "itemprop")) {
        String name = tag.attr(key).strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          meta.putIfAbsent(name, content);
        }
      }
    }
    return meta;
  }

  private static String canonical(Document page) {
    for (Element link : page.getElementsByTag("link")) {
      for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("canonical")) {
          String href = clean(link.attr("href"));
          if (href != null) {
            return href;
          }
        }
      }
    }
    return null;
  }

  private static String headingText(Element root) {
    if (root == null) {
      return null;
    }
    Element heading = root.getElementsByTag("h1").first();
    return heading == null ? null : clean(heading.text());
  }

  private static String timeOf(Element root) {
    if (root == null) {
      return null;
    }
    for (Element time : root.getElementsByTag("time")) {
      String datetime = clean(time.attr("datetime"));
      if (datetime != null && !inChrome(time, root)) {
        return datetime;
      }
    }
    return null;
  }

  /** Whether {@code element}, or an element above it up to {@code root}, is page chrome. */
  private static boolean inChrome(Element element, Element root) {
    for (Element at = element; at != null && at != root; at = at.parent()) {
      if (MarkupHints.isChrome(at, true)) {
        return true;
      }
    }
    return false;
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      String cleaned = clean(value);
      if (cleaned != null) {
        return cleaned;
      }
    }
    return null;
  }

  /** White space collapsed and stripped; {@code null} when nothing is left. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String cleaned = value.replaceAll("[\\s\\u00A0]+", " ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static void putIfPresent(Map<String, String> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }
}
