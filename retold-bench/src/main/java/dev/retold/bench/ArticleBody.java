package dev.retold.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's words before they are written out: paragraphs of sentences, each sentence a list of
 * words (a proper noun of two words is two words). Rendering capitalises each sentence's first word
 * and ends it with a period, joins a paragraph's sentences with a space, and separates paragraphs
 * by a blank line, so edits to the words never leave a sentence uncapitalised.
 *
 * @param paragraphs the paragraphs, none empty, each sentence holding at least one word
 */
record ArticleBody(List<List<List<String>>> paragraphs) {
  ArticleBody {
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("an article needs at least one paragraph");
    }
    List<List<List<String>>> copy = new ArrayList<>(paragraphs.size());
    for (List<List<String>> paragraph : paragraphs) {
      if (paragraph.isEmpty()) {
        throw new IllegalArgumentException("a paragraph needs at least one sentence");
      }
      List<List<String>> sentences = new ArrayList<>(paragraph.size());
      for (List<String> sentence : paragraph) {
        if (sentence.isEmpty()) {
          throw new IllegalArgumentException("a sentence needs at least one word");
        }
        sentences.add(List.copyOf(sentence));
      }
      copy.add(List.copyOf(sentences));
    }
    paragraphs = List.copyOf(copy);
  }

  /** Sentences grouped into paragraphs of {@code 2..6} sentences (the last may hold fewer). */
  static ArticleBody grouped(List<List<String>> sentences, SplitMix64 random) {
    List<List<List<String>>> paragraphs = new ArrayList<>();
    int start = 0;
    while (start < sentences.size()) {
      int end = Math.min(sentences.size(), start + random.nextInt(2, 6));
      paragraphs.add(sentences.subList(start, end));
      start = end;
    }
    return new ArticleBody(paragraphs);
  }

  /** Every sentence in order. */
  List<List<String>> sentences() {
    List<List<String>> sentences = new ArrayList<>();
    paragraphs.forEach(sentences::addAll);
    return sentences;
  }

  /** How many words the article holds. */
  int wordCount() {
    int words = 0;
    for (List<List<String>> paragraph : paragraphs) {
      for (List<String> sentence : paragraph) {
        words += sentence.size();
      }
    }
    return words;
  }

  /**
   * The article as text: sentences capitalised and ended with periods, blank lines between
   * paragraphs.
   */
  String render() {
    StringBuilder text = new StringBuilder(wordCount() * 7);
    for (int p = 0; p < paragraphs.size(); p++) {
      if (p > 0) {
        text.append("\n\n");
      }
      List<List<String>> paragraph = paragraphs.get(p);
      for (int s = 0; s < paragraph.size(); s++) {
        if (s > 0) {
          text.append(' ');
        }
        appendSentence(text, paragraph.get(s), true);
      }
    }
    return text.toString();
  }

  /** Words joined by spaces with the first capitalised, and a period if {@code period}. */
  static void appendSentence(StringBuilder text, List<String> words, boolean period) {
    int start = text.length();
    for (int w = 0; w < words.size(); w++) {
      if (w > 0) {
        text.append(' ');
      }
      text.append(words.get(w));
    }
    text.setCharAt(start, Character.toUpperCase(text.charAt(start)));
    if (period) {
      text.append('.');
    }
  }
}
