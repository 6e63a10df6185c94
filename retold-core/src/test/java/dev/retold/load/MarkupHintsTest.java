package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupHintsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          comment-content       | 1
          comments-area         | -1
          main-nav              | -1
          nav-main              | 1
          content-sidebar       | -1
          relatedStories        | -1
          article-body          | 1
          articleBody           | 1
          cookie-banner         | -1
          gdpr-consent-overlay  | -1
          ad                    | -1
          ad-slot               | -1
          header-ad             | -1
          advertorial           | -1
          lead                  | 0
          address               | 0
          download              | 0
          shadow                | 0
          navigation            | -1
          post-navigation       | -1
          breadcrumbs           | -1
          sd-sharing-enabled    | -1
          story-column          | 1
          screen-reader-text    | 1
          widget_recent_entries | -1
          taboola-below-article | -1
          OUTBRAIN              | -1
          ''                    | 0
          """)
  void aNameTakesTheSideOfItsLastTellingWord(String name, int polarity) {
    assertThat(MarkupHints.polarity(name)).isEqualTo(polarity);
  }

  @ParameterizedTest(name = "{0} -> chrome {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          <div class="content has-sidebar">           | false
          <div class="sidebar widget-area">           | true
          <div id="cookie-notice">                    | true
          <div class="x" role="navigation">           | true
          <div role="main">                           | false
          <div hidden>                                | true
          <div aria-hidden="true">                    | true
          <div style="display: none">                 | true
          <div style="color: red">                    | false
          <nav class="entry-content">                 | true
          <footer>                                    | true
          <aside class="pullquote">                   | true
          <section class="story">                     | false
          <main class="sidebar">                      | false
          <p class="byline">                          | true
          """)
  void chromeByTagRoleStateOrName(String tag, boolean chrome) {
    Document page = Jsoup.parse("<body>" + tag + "text</body>");
    Element element = page.body().child(0);
    assertThat(MarkupHints.isChrome(element, false)).isEqualTo(chrome);
  }

  @Test
  void theSiteHeaderIsChromeAnArticlesOwnIsNot() {
    Document page =
        Jsoup.parse("<body><header>Site</header><article><header><h1>Headline</h1></header>");
    Element site = page.body().child(0);
    Element own = page.selectFirst("article > header");
    assertThat(MarkupHints.isChrome(site, false)).isTrue();
    assertThat(MarkupHints.isChrome(own, true)).isFalse();
  }

  @Test
  void theBodyIsNeverChromeWhateverItsClass() {
    Document page = Jsoup.parse("<body class='has-sidebar cookie-banner'><p>text</p></body>");
    assertThat(MarkupHints.isChrome(page.body(), false)).isFalse();
  }

  @Test
  void homesOfTheArticle() {
    Document page =
        Jsoup.parse(
            "<body><article>a</article><div itemprop='articleBody'>b</div>"
                + "<div class='entry-content'>c</div><div class='wrapper'>d</div>");
    assertThat(page.body().children())
        .extracting(MarkupHints::isPositive)
        .containsExactly(true, true, true, false);
  }
}
