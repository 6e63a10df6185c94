package dev.retold;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Seeded random articles for tests: Zipf-like words, edited copies, excerpts, planted stories. */
public final class RandomArticles {
  static final String[] VOCABULARY = vocabulary(1);

  /** Another topic's words: unrelated articles share little content vocabulary. */
  public static final String[] OTHER_VOCABULARY = vocabulary(2);

  private static String[] vocabulary(long seed) {
    String[] words = new String[2000];
    Random random = new Random(seed);
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      int length = 3 + random.nextInt(7);
      for (int k = 0; k < length; k++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = word.toString();
    }
    return words;
  }

  /** A random article of {@code words} words, Zipf-like, in sentences of 15 words. */
  public static List<String> randomWords(Random random, int words) {
    return randomWords(random, words, VOCABULARY);
  }

  public static List<String> randomWords(Random random, int words, String[] vocabulary) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      int rank = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
      out.add(vocabulary[rank]);
    }
    return out;
  }

  public static String text(List<String> words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      text.append(words.get(i)).append(i % 15 == 14 ? ".\n" : " ");
    }
    return text.toString().strip() + ".";
  }

  public static List<String> edited(Random random, List<String> words, double rate) {
    List<String> copy = new ArrayList<>(words);
    for (int i = 0; i < copy.size(); i++) {
      if (random.nextDouble() < rate) {
        copy.set(i, VOCABULARY[random.nextInt(VOCABULARY.length)]);
      }
    }
    return copy;
  }

  /** 60 stories of an original, a 5 % edited copy and an excerpt, and 60 unrelated articles. */
  public static List<Article> planted(long seed) {
    Random random = new Random(seed);
    List<Article> articles = new ArrayList<>();
    for (int story = 0; story < 60; story++) {
      List<String> original = randomWords(random, 300);
      articles.add(Article.of("s" + story + "-original", text(original)));
      articles.add(Article.of("s" + story + "-copy", text(edited(random, original, 0.05))));
      articles.add(Article.of("s" + story + "-excerpt", text(original.subList(50, 150))));
      articles.add(Article.of("u" + story, text(randomWords(random, 300, OTHER_VOCABULARY))));
    }
    return articles;
  }

  /**
   * A source of {@code articles} that reads each differently the second time (a sentence added), as
   * a file changed between a scan's two passes would.
   */
  public static ArticleSource changingWhenReadAgain(List<Article> articles) {
    return new ArticleSource() {
      @Override
      public List<SkippedFile> read(Consumer<List<Located>> batches) {
        List<Located> batch = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
          batch.add(new Located(articles.get(i), i));
        }
        batches.accept(batch);
        return List.of();
      }

      @Override
      public Article reread(long position) {
        Article article = articles.get((int) position);
        return Article.of(article.id(), article.body() + " And a new last sentence.");
      }

      @Override
      public void close() {}
    };
  }

  private RandomArticles() {}
}
