package dev.retold.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word 3-shingles and their overlaps, measured independently of the generator; for tests. */
final class Shingles {
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:[',][a-z0-9]+)*");

  private Shingles() {}

  static List<String> words(String text) {
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    List<String> words = new ArrayList<>();
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** The distinct word 3-shingles of a text. */
  static Set<String> of(String text) {
    List<String> words = words(text);
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 3 <= words.size(); i++) {
      shingles.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
    }
    return shingles;
  }

  /** |a ∩ b| / |a ∪ b|; 0 if both are empty. */
  static double jaccard(Set<String> a, Set<String> b) {
    int shared = shared(a, b);
    int union = a.size() + b.size() - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  /** |a ∩ b| / |a|: how much of a is in b; 0 if a is empty. */
  static double containment(Set<String> a, Set<String> b) {
    return a.isEmpty() ? 0 : (double) shared(a, b) / a.size();
  }

  private static int shared(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String shingle : a) {
      if (b.contains(shingle)) {
        shared++;
      }
    }
    return shared;
  }
}
