package dev.retold.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The edits that turn an original into a planted copy: word edits for a near-duplicate, a subset of
 * sentences for a condensed rewrite, a contiguous span for an excerpt. Each returns the new body
 * and the measure it was made with, so the label can record it. Stateless.
 */
final class ArticleEdits {
  /** Chance that a sentence kept by {@link #condensed} gets one word substituted. */
  static final double CONDENSED_EDIT_RATE = 0.25;

  /** A body and the measure of the edit that made it. */
  record Edited(ArticleBody body, double measure) {}

  private ArticleEdits() {}

  /**
   * A near-duplicate: {@code round(rate * words)} (at least one) word edits at random places, each
   * a substitution, an insertion or a deletion with equal chance. The measure is the edits made
   * divided by the original's word count.
   */
  static Edited nearDuplicate(
      ArticleBody original, double rate, SplitMix64 random, TextComposer composer) {
    List<List<List<String>>> paragraphs = new ArrayList<>();
    List<List<String>> sentences = new ArrayList<>();
    for (List<List<String>> paragraph : original.paragraphs()) {
      List<List<String>> copy = new ArrayList<>();
      for (List<String> sentence : paragraph) {
        List<String> words = new ArrayList<>(sentence);
        copy.add(words);
        sentences.add(words);
      }
      paragraphs.add(copy);
    }
    int words = original.wordCount();
    int edits = Math.max(1, (int) Math.round(rate * words));
    int current = words;
    for (int edit = 0; edit < edits; edit++) {
      int position = random.nextInt(current);
      List<String> sentence = null;
      for (List<String> candidate : sentences) {
        if (position < candidate.size()) {
          sentence = candidate;
          break;
        }
        position -= candidate.size();
      }
      int operation = random.nextInt(3);
      if (operation == 2 && sentence.size() > 1) {
        sentence.remove(position);
        current--;
      } else if (operation == 1) {
        sentence.add(position, composer.word(random));
        current++;
      } else {
        sentence.set(position, different(sentence.get(position), random, composer));
      }
    }
    return new Edited(new ArticleBody(paragraphs), (double) edits / words);
  }

  /**
   * A condensed rewrite: {@code round(keep * sentences)} sentences (at least one, and fewer than
   * all when there are two or more) chosen at random, in their original order, each lightly edited
   * with chance {@value #CONDENSED_EDIT_RATE}, and grouped into new paragraphs. The measure is the
   * share of sentences kept.
   */
  static Edited condensed(
      ArticleBody original, double keep, SplitMix64 random, TextComposer composer) {
    List<List<String>> sentences = original.sentences();
    int total = sentences.size();
    int wanted = Math.min(Math.max(1, (int) Math.round(keep * total)), Math.max(1, total - 1));
    List<List<String>> kept = new ArrayList<>(wanted);
    for (int s = 0; s < total && kept.size() < wanted; s++) {
      // Selection sampling (Knuth's algorithm S): each subset of the wanted size is equally likely.
      if (random.nextInt(total - s) < wanted - kept.size()) {
        List<String> sentence = new ArrayList<>(sentences.get(s));
        if (random.chance(CONDENSED_EDIT_RATE)) {
          int position = random.nextInt(sentence.size());
          sentence.set(position, different(sentence.get(position), random, composer));
        }
        kept.add(sentence);
      }
    }
    return new Edited(ArticleBody.grouped(kept, random), (double) wanted / total);
  }

  /**
   * An excerpt: a contiguous run of {@code round(span * sentences)} sentences (at least one, and
   * fewer than all when there are two or more) from a random start, keeping the original's
   * paragraph breaks. The measure is the share of sentences kept.
   */
  static Edited excerpt(ArticleBody original, double span, SplitMix64 random) {
    int total = original.sentences().size();
    int length = Math.min(Math.max(1, (int) Math.round(span * total)), Math.max(1, total - 1));
    int start = random.nextInt(total - length + 1);
    int end = start + length;
    List<List<List<String>>> paragraphs = new ArrayList<>();
    int index = 0;
    for (List<List<String>> paragraph : original.paragraphs()) {
      int from = Math.max(start, index) - index;
      int to = Math.min(end, index + paragraph.size()) - index;
      if (from < to) {
        paragraphs.add(paragraph.subList(from, to));
      }
      index += paragraph.size();
    }
    return new Edited(new ArticleBody(paragraphs), (double) length / total);
  }

  /** A vocabulary word other than {@code word} (after a few tries, whatever was drawn). */
  private static String different(String word, SplitMix64 random, TextComposer composer) {
    String replacement = composer.word(random);
    for (int attempt = 0; attempt < 4 && replacement.equals(word); attempt++) {
      replacement = composer.word(random);
    }
    return replacement;
  }
}
