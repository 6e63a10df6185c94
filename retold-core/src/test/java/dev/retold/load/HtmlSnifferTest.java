package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlSnifferTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          a.txt      | <!DOCTYPE html><html><body><p>Hi</p></body></html>               | true
          a.txt      | <!doctype HTML>                                                  | true
          a.txt      | `\uFEFF  <!-- saved from url=(0042)https://example.org/ -->\n<html lang=en>` | true
          a.txt      | `<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">` | true
          a.txt      | <HTML>                                                           | true
          a.txt      | `<meta charset=utf-8>\n<title>Tide times</title>\n<body><p>High at 14:32</p>` | true
          a.txt      | `<title>Tide times</title><HEAD>`                                | true
          feed.jsonl:3 | <!doctype html><title>x</title>                                | true
          a.txt      | <htmlish> is not a tag we know                                   | false
          a.txt      | <p>A fragment, in a text file, is text.</p>                      | false
          a.txt      | x < y and y > z, so x < z.                                       | false
          a.txt      | Notes on the <body> and <head> tags                              | false
          a.txt      | `<3 to all of you\n<body> text`                                  | false
          a.txt      | `<!-- a comment that never closes`                               | false
          page.html  | <p>A fragment saved as a page.</p>                               | true
          page.HTM   | <DIV class=lead>Text</DIV>                                       | true
          page.xhtml | `Text first, then <br/> a break`                                 | true
          page.html  | Plain notes: 3 < 4, and <3 to you.                               | false
          page.html  | A <custom> tag is not one of HTML's                              | false
          page.html  | Nothing but words.                                               | false
          page.htmlx | <p>Not a page's name.</p>                                        | false
          """)
  void tellsPagesFromText(String id, String text, boolean html) {
    assertThat(HtmlSniffer.isHtml(id, text)).isEqualTo(html);
  }
}
