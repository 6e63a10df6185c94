package dev.retold.load;

import static dev.retold.load.ArticleReaderTest.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.RetoldSettings;
import dev.retold.SourceMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link HtmlPage} through {@link ArticleReader}, on pages of several templates. */
class HtmlPageTest {
  static final Path PAGES = Path.of("src", "test", "resources", "dev", "retold", "load", "html");
  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)");
  private static final Pattern WORD = Pattern.compile("\\S+");

  private final ArticleReader reader = ArticleReader.withDefaults();

  /**
   * One page and what must come of it.
   *
   * @param file the fixture's name
   * @param entityFree whether its body text has no character references
   * @param title the expected title
   * @param date the expected date, or {@code null}
   * @param author the expected "author", or {@code null}
   * @param site the expected "site", or {@code null}
   * @param url the expected "url", or {@code null}
   * @param paragraphs how many paragraphs (blank-line separated) the body has
   * @param first the body's first paragraph, or how it starts
   * @param last how the body's last paragraph starts
   * @param chrome text on the page that must not reach the body
   */
  record Page(
      String file,
      boolean entityFree,
      String title,
      LocalDate date,
      String author,
      String site,
      String url,
      int paragraphs,
      String first,
      String last,
      List<String> chrome) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Page> pages() {
    return Stream.of(
        new Page(
            "newspaper-article.html",
            true,
            "Council approves £40m tidal barrier for Port Ellery harbour",
            LocalDate.of(2025, 3, 14),
            "Ruth Okafor",
            "The Harbour Gazette",
            "https://www.harbourgazette.example/news/tidal-barrier-approved",
            11,
            "Council approves £40m tidal barrier for Port Ellery harbour",
            "The council will publish a construction timetable next month",
            List.of(
                "adQueue",
                "Sponsored: find cheap flights",
                "font-size",
                "trackPageView",
                "Skip to content",
                "We use cookies",
                "Accept all",
                "Puzzles",
                "Advertisement",
                "Local news",
                "By Ruth Okafor",
                "Related stories",
                "Old town counts the cost",
                "Share on Facebook",
                "Most read",
                "Bypass closed",
                "Get the Gazette",
                "since 1887",
                "Estuary Press",
                "Cookie policy")),
        new Page(
            "wordpress-post.html",
            false,
            "Why we stopped digging our vegetable beds",
            LocalDate.of(2025, 2, 9),
            "Maggie Hollis",
            "Thornbury Garden Notes",
            "https://thornburygarden.example/2025/02/why-we-stopped-digging/",
            10,
            "Why we stopped digging our vegetable beds",
            "Last winter we stopped digging the remaining six beds too.",
            List.of(
                "--wp--preset",
                "jquery",
                "Skip to content",
                "Growing food on heavy clay",
                "Planting calendar",
                "Posted on",
                "Share this:",
                "Pinterest",
                "Posted in",
                "Tagged",
                "Post navigation",
                "Previous:",
                "thoughts on",
                "Cardboard under the first layer",
                "Leave a Reply",
                "Search for:",
                "Recent Posts",
                "About this blog",
                "Proudly powered by WordPress")),
        new Page(
            "wire-story.html",
            true,
            "Dockworkers at three northern ports begin 48-hour strike over pay",
            LocalDate.of(2025, 6, 2),
            "Anna Keller, Tomas Ruiz",
            "Meridian Wire",
            "https://www.meridianwire.example/world/europe/dockworkers-strike-2025-06-02/",
            8,
            "Dockworkers at three northern ports begin 48-hour strike over pay",
            "A third round of talks is scheduled for June 11.",
            List.of(
                "dataLayer",
                "Sustainability",
                "By Anna Keller",
                "Updated 2 hours ago",
                "Reporting by",
                "Our Standards",
                "Oil steadies",
                "About Meridian Wire",
                "All quotes delayed")),
        new Page(
            "title-and-paragraphs.html",
            true,
            "Notes from the allotment, late spring",
            null,
            null,
            null,
            null,
            4,
            "The broad beans are flowering at last",
            "Plans for June: sow the last of the French beans, thin the beetroot, and build a proper"
                + " frame for the squashes before they take over the path again.",
            List.of("Notes from the allotment")),
        new Page(
            "long-comments.html",
            true,
            "Library opening hours cut to four days a week",
            LocalDate.of(2025, 4, 12),
            null,
            "Elmhurst Evening Post",
            "https://elmhurstpost.example/local/library-hours-cut",
            5,
            "Library opening hours cut to four days a week",
            "The branch libraries in Northfield and Ashby Road are not affected by the change.",
            List.of(
                "Schools",
                "Posted by",
                "Comments (9)",
                "Sandra K",
                "This is a disgrace",
                "reading group",
                "petition",
                "Post comment",
                "Advertise with us")),
        new Page(
            "entities.html",
            false,
            "Fish & chips: a quayside institution turns 100",
            null,
            "Owen Price & Lisa Marr",
            null,
            null,
            5,
            "Fish & chips: a quayside institution turns\u00A0100",
            "To mark the anniversary, the shop will sell a portion at 1925 prices",
            List.of("Food & drink", "Home", "Independent & reader-funded", "©")),
        new Page(
            "coastline-ferry.html",
            true,
            "Coastline Daily - Skerra Island ferry to resume sailings after six-month suspension",
            LocalDate.of(2025, 3, 21),
            null,
            null,
            null,
            8,
            "The passenger ferry between Port Ellery and Skerra Island will start sailing again",
            "A timetable will be published on the operator's website next week.",
            List.of(
                "cd_section",
                "store and access information",
                "I agree",
                "Harbour car park",
                "What's on",
                "Source: The Harbour Gazette",
                "Tweet",
                "You may like",
                "Homeowners",
                "Popular on Coastline",
                "Showers, clearing later",
                "brings together news",
                "Coastline Media")));
  }

  private static String html(Page page) throws IOException {
    return Files.readString(PAGES.resolve(page.file()));
  }

  private Article read(Page page) throws IOException {
    return loaded(reader.read(page.file(), html(page)));
  }

  @ParameterizedTest
  @MethodSource("pages")
  void metadataComeFromThePage(Page page) throws IOException {
    Article article = read(page);
    assertThat(article.title()).isEqualTo(page.title());
    assertThat(article.date()).isEqualTo(page.date());
    assertThat(article.metadata().get("author")).isEqualTo(page.author());
    assertThat(article.metadata().get("site")).isEqualTo(page.site());
    assertThat(article.metadata().get("url")).isEqualTo(page.url());
    assertThat(article.metadata()).containsEntry("format", "html");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void theArticleParagraphsAreTheBody(Page page) throws IOException {
    String body = read(page).body();
    List<String> paragraphs = List.of(body.split("\n\n"));
    assertThat(paragraphs).hasSize(page.paragraphs());
    assertThat(paragraphs.get(0)).startsWith(page.first());
    assertThat(paragraphs.get(paragraphs.size() - 1)).startsWith(page.last());
    assertThat(paragraphs).allSatisfy(p -> assertThat(p).isNotBlank().isEqualTo(p.strip()));
    assertThat(body).doesNotContain("<", "\n\n\n", "  ");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pageChromeNeverReachesTheBody(Page page) throws IOException {
    Article article = read(page);
    for (String chrome : page.chrome()) {
      assertThat(article.body()).as(chrome).doesNotContain(chrome);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void removedLinesAreVisibleTextShortened(Page page) throws IOException {
    Article article = read(page);
    assertThat(article.removedLines())
        .allSatisfy(
            line ->
                assertThat(line)
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(HtmlPage.MAX_REMOVED_CHARS)
                    .doesNotContain("adQueue", "dataLayer", "trackPageView", "{"));
  }

  @Test
  void theNewspaperPageListsItsChromeAsRemoved() throws IOException {
    Article article = read(pages().findFirst().orElseThrow());
    assertThat(article.removedLines())
        .contains(
            "Accept all",
            "Related stories",
            "Mussel fishermen fear for their future",
            "Most read",
            "By Ruth Okafor, Environment correspondent",
            "© 2025 Estuary Press Limited. All rights reserved.")
        .anySatisfy(line -> assertThat(line).startsWith("We use cookies").endsWith("..."));
  }

  /** Every word of the body spans exactly its own text in the page's source. */
  @ParameterizedTest
  @MethodSource("pages")
  void wordsMapOntoTheirSourceText(Page page) throws IOException {
    if (!page.entityFree()) {
      return;
    }
    String html = html(page);
    Article article = read(page);
    SourceMap map = article.sourceMap();
    Matcher word = WORD.matcher(article.body());
    int words = 0;
    while (word.find()) {
      assertThat(html.substring(map.toSource(word.start()), map.toSource(word.end())))
          .isEqualTo(word.group());
      words++;
    }
    assertThat(words).isGreaterThan(50);
  }

  /**
   * Every body char maps to the identical source char, or to the {@code &} of a reference that
   * decodes to it; a space or line break the reader made up maps between its neighbours; and the
   * map never goes back.
   */
  @ParameterizedTest
  @MethodSource("pages")
  void everyCharMapsToItselfOrItsReference(Page page) throws IOException {
    String html = html(page);
    Article article = read(page);
    assertMapsToItselfOrItsReference(article, html);
  }

  static void assertMapsToItselfOrItsReference(Article article, String html) {
    String body = article.body();
    SourceMap map = article.sourceMap();
    int previous = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      int at = map.toSource(i);
      assertThat(at).as("body[%d] after %d", i, previous).isBetween(previous, html.length());
      previous = at;
      if (c == ' ' || c == '\n') {
        continue;
      }
      if (html.charAt(at) == c || c == '\uFFFD') { // the parser's stand-in for a NUL
        continue;
      }
      Matcher reference = REFERENCE.matcher(html).region(at, html.length());
      assertThat(reference.lookingAt())
          .as(
              "body[%d] = %s maps to %d: %s",
              i, c, at, html.substring(Math.max(0, at - 20), Math.min(html.length(), at + 20)))
          .isTrue();
      assertThat(Parser.unescapeEntities(reference.group(), false))
          .as("body[%d] = %s from %s", i, c, reference.group())
          .contains(String.valueOf(c));
    }
  }

  @Test
  void referencesMapToTheirAmpersand() throws IOException {
    String html = Files.readString(PAGES.resolve("entities.html"));
    Article article = loaded(reader.read("entities.html", html));
    String body = article.body();
    assertThat(source(article, html, body.indexOf("didn’t") + 4, 7)).isEqualTo("&rsquo;");
    assertThat(source(article, html, body.indexOf("cod & chips") + 4, 5)).isEqualTo("&amp;");
    assertThat(source(article, html, body.indexOf("Jo\u00A0Crane") + 2, 6)).isEqualTo("&nbsp;");
    assertThat(source(article, html, body.indexOf("That’s") + 4, 7)).isEqualTo("&#8217;");
    assertThat(source(article, html, body.indexOf("it’s ever") + 2, 8)).isEqualTo("&#x2019;");
    int quote = body.indexOf("“People");
    assertThat(source(article, html, quote, 7)).isEqualTo("&ldquo;");
    assertThat(source(article, html, quote + 1, 6)).isEqualTo("People");
  }

  private static String source(Article article, String html, int bodyOffset, int length) {
    int at = article.sourceMap().toSource(bodyOffset);
    return html.substring(at, at + length);
  }

  @Test
  void linesParagraphsListsAndPreformattedText() {
    String html =
        """
        <html><head><title>Storm</title></head><body><article>
        <h1>Storm closes the coast road</h1>
        <p>The coast road between Ashby and Northfield was closed on Sunday,
           after waves threw rocks across it.</p>
        <p>Police said:<br>"Do not try to drive through."<br><br>The road may reopen on Monday.</p>
        <ul><li>Ashby to Northfield: closed</li><li>Ashby to <b>Elmhurst</b>: open</li></ul>
        <p>Rain fell all day across the county, <span class="share-button">Share</span>
           flooding several roads.</p>
        <pre>High tide  14:32
        Low tide   20:51</pre>
        </article></body></html>
        """;
    Article article = loaded(reader.read("storm.html", html));
    assertThat(article.body())
        .isEqualTo(
            """
            Storm closes the coast road

            The coast road between Ashby and Northfield was closed on Sunday, after waves threw\
             rocks across it.

            Police said:
            "Do not try to drive through."

            The road may reopen on Monday.

            Ashby to Northfield: closed

            Ashby to Elmhurst: open

            Rain fell all day across the county, flooding several roads.

            High tide  14:32
            Low tide   20:51""");
    assertThat(article.removedLines()).containsExactly("Share");
    assertMapsToItselfOrItsReference(article, html);
  }

  /** An old page laid out as a table, its article's text standing in a cell between line breaks. */
  @Test
  void aPageLaidOutAsATableKeepsItsArticleCell() {
    String html =
        """
        <html><head><title>Pier reopens</title></head><body><table><tr>
        <td width=150><a href=/>Home</a><br><a href=/news>News</a><br><a href=/sport>Sport</a></td>
        <td>The pier reopened on Saturday after a year of repairs, with a brass band, a queue for
        the first ice creams of the season and a ribbon cut by the oldest member of the pier
        trust.<br><br>The repairs, which cost £2.1m, replaced most of the iron columns that hold up
        the seaward end, where storms in 2023 had left gaps in the deck.<br><br>The café at the end
        of the pier will open at weekends until June, and every day in the summer holidays.</td>
        <td width=200><h3>Weather</h3><p>Showers at first, clearing by the afternoon, with a
        fresh westerly wind. High 12C, low 7C, and high tide at 14:32.</p></td>
        </tr></table></body></html>
        """;
    Article article = loaded(reader.read("pier.htm", html));
    assertThat(article.body())
        .startsWith("The pier reopened on Saturday")
        .endsWith("every day in the summer holidays.")
        .doesNotContain("Home", "Weather", "Showers");
    assertThat(article.body().split("\n\n")).hasSize(3);
  }

  /** An article in two unmarked containers, an advert between them: both halves are the body. */
  @Test
  void anArticleSplitInTwoContainersIsFoundWhole() {
    String paragraph =
        "<p>The harbour trust said on Monday that the new pontoons, which can take up to forty"
            + " boats, would be in place by June, in time for the regatta, and that berth fees"
            + " would not rise this year.</p>";
    String html =
        "<!DOCTYPE html><html><body><div><div>"
            + paragraph.repeat(2)
            + "<p>First half ends here, with a sentence of its own, as halves do.</p></div>"
            + "<div class=ad-slot><p>Advertisement: cheap ferry tickets, book now, today.</p></div>"
            + "<div><p>Second half starts here, with a sentence of its own, as halves do.</p>"
            + paragraph.repeat(2)
            + "</div></div><div><h3>Tides</h3><p>High water 14:32, low water 20:51.</p></div>"
            + "</body></html>";
    Article article = loaded(reader.read("pontoons.html", html));
    assertThat(article.body().split("\n\n")).hasSize(6);
    assertThat(article.body())
        .contains("First half ends here", "Second half starts here")
        .doesNotContain("Advertisement", "Tides", "High water");
  }

  @Test
  void aPageWithNoArticleTextIsSkipped() {
    String html =
        "<!DOCTYPE html><html><head><title>Home</title><script>boot()</script></head><body>"
            + "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
            + "<footer>© 2025 Someone</footer></body></html>";
    assertThat(reader.read("index.html", html)).isEqualTo(new ReadResult.Skipped(HtmlPage.NO_BODY));
  }

  @Test
  void withoutChromeRemovalEveryVisibleBlockIsTheBody() throws IOException {
    String html = Files.readString(PAGES.resolve("newspaper-article.html"));
    ArticleReader keepsAll = new ArticleReader(RetoldSettings.defaults().loading(), false);
    Article article = loaded(keepsAll.read("newspaper-article.html", html));
    assertThat(article.body())
        .contains(
            "We use cookies", "Related stories", "since 1887", "A tidal barrier will be built")
        .doesNotContain("adQueue", "font-size");
    assertThat(article.removedLines()).isEmpty();
    assertMapsToItselfOrItsReference(article, html);
  }

  @Test
  void badJsonLdIsPassedOver() {
    String html =
        """
        <!DOCTYPE html><html><head><title>Lifeboat crew rescue walkers | Gazette</title>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
        <script type="application/ld+json">[{"@type": ["WebPage"], "name": "x"},
          {"@type": "ReportageNewsArticle", "datePublished": "2025-05-01T10:00:00+01:00",
           "author": ["Kim Lee", {"name": "Sam Rowe"}], "publisher": "Gazette"}]</script>
        <script type="application/ld+json">{"@graph": 7}</script>
        </head><body><p>Two walkers cut off by the tide below the cliffs at Ashby were rescued
        by the lifeboat crew on Thursday evening, the coastguard said.</p></body></html>
        """;
    Article article = loaded(reader.read("rescue.html", html));
    assertThat(article.title()).isEqualTo("Lifeboat crew rescue walkers");
    assertThat(article.date()).isEqualTo(LocalDate.of(2025, 5, 1));
    assertThat(article.metadata())
        .containsEntry("author", "Kim Lee, Sam Rowe")
        .containsEntry("site", "Gazette");
  }

  /**
   * A date is taken from the first source that holds one; if none does, the first one's problem.
   */
  @ParameterizedTest
  @MethodSource("dates")
  void theFirstReadableDateWins(String head, String body, LocalDate date, String problem) {
    String html =
        "<html><head>"
            + head
            + "</head><body><article><p>The harbour office will open an exhibition of the"
            + " barrier's final design next month, the council said.</p>"
            + body
            + "</article></body></html>";
    Article article = loaded(reader.read("dated.html", html));
    assertThat(article.date()).isEqualTo(date);
    assertThat(article.metadata().get(ArticleReader.DATE_ERROR_KEY)).isEqualTo(problem);
  }

  static Stream<Arguments> dates() {
    LocalDate may1 = LocalDate.of(2025, 5, 1);
    return Stream.of(
        Arguments.of(
            "<meta property=article:published_time content=2025-05-01T23:30:00-04:00>",
            "<time datetime=2024-01-01>",
            may1,
            null),
        Arguments.of(
            "<meta property=article:published_time content=yesterday>",
            "<time datetime='1 May 2025'>",
            may1,
            null),
        Arguments.of(
            "",
            "<aside><time datetime=2024-01-01></time></aside><time datetime=2025-05-01>",
            may1,
            null),
        Arguments.of("<meta name=DC.date content='Thu, 01 May 2025 09:00:00 GMT'>", "", may1, null),
        Arguments.of(
            "<meta name=pubdate content=20250501>",
            "",
            null,
            "not a date: \"20250501\" (epoch time has 9-10 digits, or 12-13 in ms)"),
        Arguments.of("", "", null, null));
  }

  /** Random markup of every kind never makes the reader throw, and what loads maps in order. */
  @Test
  void anyMarkupReadsOrIsSkipped() {
    String[] pieces = {
      "<p>",
      "</p>",
      "<div class=\"nav\">",
      "<div>",
      "</div>",
      "<article>",
      "</article>",
      "<br>",
      "<script>var a = '<p>';",
      "</script>",
      "<style>",
      "<!--",
      "-->",
      "&amp;",
      "&rsquo;",
      "&#",
      "&#x1F600;",
      "&copy",
      "&notin;",
      "&",
      "<",
      ">",
      "<a href=x>",
      "</a>",
      "<pre>",
      "</pre>",
      "<table><tr><td>",
      "</td></tr></table>",
      "\u0000",
      "😀",
      "\r\n",
      " ",
      "\n",
      "<li>",
      "words of a sentence, and then some more of them.",
      "<h1>",
      "</h1>",
      "<aside>",
      "<svg>",
      "<template>",
      "<textarea>",
      "<![CDATA[",
      "]]>",
      "<?xml?>",
      "<html>",
      "<body>",
      "<head>",
    };
    Random random = new Random(20250314);
    int loadedPages = 0;
    for (int run = 0; run < 300; run++) {
      StringBuilder html = new StringBuilder(random.nextBoolean() ? "<!DOCTYPE html>" : "<html>");
      int count = random.nextInt(120);
      for (int i = 0; i < count; i++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      if (run % 50 == 0) {
        html.append("<div>".repeat(2000)).append("deep text, far down the tree.");
      }
      String text = html.toString();
      ReadResult result = reader.read("random-" + run + ".html", text);
      if (result instanceof ReadResult.Loaded loaded) {
        Article article = loaded.article();
        loadedPages++;
        assertThat(article.body()).isNotBlank();
        assertThat(article.metadata()).containsEntry("format", "html");
        assertMapsToItselfOrItsReference(article, text);
      } else {
        assertThat(((ReadResult.Skipped) result).reason()).isNotBlank();
      }
    }
    assertThat(loadedPages).isBetween(100, 290); // both outcomes are exercised
  }
}
