package dev.retold.load;

import dev.retold.Article;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces unpaired surrogates (a high surrogate not followed by a low one, or a low one not after
 * a high one) with U+FFFD. Such a char is no Unicode character: no encoder can write it, so one in
 * a title would break every report written to a file. It comes from a JSON escape of a lone
 * surrogate (such as U+D800) or from a library user's text. One char becomes one char, so body
 * offsets and source maps still hold.
 */
public final class UnpairedSurrogates {
  private UnpairedSurrogates() {}

  /**
   * {@code text} with each unpaired surrogate replaced; {@code text} itself if it has none. Public
   * for the reports (the HTML report escapes text before writing it, and an escaped surrogate would
   * pass its writer's check); this package is not exported.
   */
  public static String replace(String text) {
    if (text == null) {
      return null;
    }
    int first = firstUnpaired(text);
    if (first < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
          i++;
        } else {
          chars[i] = '\uFFFD';
        }
      } else if (Character.isLowSurrogate(c)) {
        chars[i] = '\uFFFD';
      }
    }
    return new String(chars);
  }

  /**
   * {@code article} with unpaired surrogates replaced in its id, title, metadata, removed lines and
   * body; {@code article} itself if it has none.
   */
  static Article replace(Article article) {
    boolean clean =
        paired(article.id())
            && paired(article.title())
            && paired(article.body())
            && article.removedLines().stream().allMatch(UnpairedSurrogates::paired)
            && article.metadata().entrySet().stream()
                .allMatch(field -> paired(field.getKey()) && paired(field.getValue()));
    if (clean) {
      return article;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    article.metadata().forEach((key, value) -> metadata.put(replace(key), replace(value)));
    List<String> removed = new ArrayList<>();
    article.removedLines().forEach(line -> removed.add(replace(line)));
    return new Article(
        replace(article.id()),
        replace(article.title()),
        article.date(),
        replace(article.body()),
        metadata,
        removed,
        article.sourceMap());
  }

  private static boolean paired(String text) {
    return text == null || firstUnpaired(text) < 0;
  }

  /** The index of the first unpaired surrogate, or -1. */
  static int firstUnpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
