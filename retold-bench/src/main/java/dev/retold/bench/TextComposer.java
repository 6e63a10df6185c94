package dev.retold.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes new English-like text: sentences of {@value #MIN_SENTENCE_WORDS} to {@value
 * #MAX_SENTENCE_WORDS} words drawn from the {@link Vocabulary}, with made-up proper nouns and
 * numbers sprinkled in, and with given phrases (a story's facts) placed at random.
 *
 * <p>Every required phrase appears at least once, and sentences keep their length bounds whatever
 * is sprinkled into them: a phrase that would not fit is replaced by a vocabulary word. Stateless
 * apart from the vocabulary; every random choice comes from the generator passed in.
 */
final class TextComposer {
  static final int MIN_SENTENCE_WORDS = 8;
  static final int MAX_SENTENCE_WORDS = 30;

  /** Chance that a word slot holds a made-up name (person, organisation or place). */
  static final double NAME_RATE = 0.025;

  /** Chance that a word slot holds a number. */
  static final double NUMBER_RATE = 0.012;

  /** Chance that a word slot of a story's article mentions one of the story's facts again. */
  static final double FACT_RATE = 0.03;

  private final Vocabulary vocabulary;

  TextComposer(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * A new article body of {@code targetWords} words (up to {@value #MIN_SENTENCE_WORDS} more, to
   * end on a whole sentence, and more if the required phrases need room), holding every phrase of
   * {@code required} at least once, and mentioning the phrases of {@code facts} again at random.
   */
  ArticleBody body(SplitMix64 random, int targetWords, List<String> required, List<String> facts) {
    List<Integer> lengths = new ArrayList<>();
    int total = 0;
    while (total < targetWords) {
      int length = random.nextInt(MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS);
      if (length > targetWords - total) { // the last sentence ends near the target
        length = Math.max(MIN_SENTENCE_WORDS, targetWords - total);
      }
      lengths.add(length);
      total += length;
    }
    int[] room = new int[lengths.size()];
    List<List<String[]>> placed = new ArrayList<>();
    for (int s = 0; s < room.length; s++) {
      room[s] = lengths.get(s);
      placed.add(new ArrayList<>());
    }
    List<Integer> extra = new ArrayList<>();
    for (String phrase : required) {
      String[] words = phrase.split(" ");
      int sentence = fit(random, room, words.length);
      if (sentence < 0) { // every sentence full: add one
        room = Arrays.copyOf(room, room.length + 1);
        room[room.length - 1] =
            random.nextInt(Math.max(MIN_SENTENCE_WORDS, words.length), MAX_SENTENCE_WORDS);
        extra.add(room[room.length - 1]);
        placed.add(new ArrayList<>());
        sentence = room.length - 1;
      }
      room[sentence] -= words.length;
      placed.get(sentence).add(words);
    }
    lengths.addAll(extra);
    List<List<String>> sentences = new ArrayList<>(room.length);
    for (int s = 0; s < room.length; s++) {
      sentences.add(sentence(random, lengths.get(s), placed.get(s), facts));
    }
    return ArticleBody.grouped(sentences, random);
  }

  /** A headline of 5 to 10 words holding every phrase of {@code required}; no period. */
  String title(SplitMix64 random, List<String> required) {
    List<String[]> placed = new ArrayList<>();
    int requiredWords = 0;
    for (String phrase : required) {
      String[] words = phrase.split(" ");
      placed.add(words);
      requiredWords += words.length;
    }
    int length = Math.max(requiredWords + 2, random.nextInt(5, 10));
    List<String> words = sentence(random, length, placed, List.of());
    StringBuilder title = new StringBuilder();
    ArticleBody.appendSentence(title, words, false);
    return title.toString();
  }

  /** A vocabulary word. */
  String word(SplitMix64 random) {
    return vocabulary.sample(random);
  }

  /** A random sentence (index into {@code room}) with room for {@code words}, or -1. */
  private static int fit(SplitMix64 random, int[] room, int words) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int sentence = random.nextInt(room.length);
      if (room[sentence] >= words) {
        return sentence;
      }
    }
    int best = 0;
    for (int s = 1; s < room.length; s++) {
      if (room[s] > room[best]) {
        best = s;
      }
    }
    return room[best] >= words ? best : -1;
  }

  /**
   * A sentence of exactly {@code length} words holding the {@code required} phrases at random
   * places; the other slots are vocabulary words, now and then a name, a number or a fact.
   */
  private List<String> sentence(
      SplitMix64 random, int length, List<String[]> required, List<String> facts) {
    int requiredWords = 0;
    for (String[] phrase : required) {
      requiredWords += phrase.length;
    }
    List<String[]> items = new ArrayList<>(length);
    int free = length - requiredWords;
    int used = 0;
    while (used < free) {
      String[] item = filler(random, facts);
      if (item.length > free - used) {
        item = new String[] {vocabulary.sample(random)};
      }
      items.add(item);
      used += item.length;
    }
    for (String[] phrase : required) {
      items.add(random.nextInt(items.size() + 1), phrase);
    }
    List<String> words = new ArrayList<>(length);
    for (String[] item : items) {
      words.addAll(Arrays.asList(item));
    }
    return words;
  }

  private String[] filler(SplitMix64 random, List<String> facts) {
    double draw = random.nextDouble();
    if (draw < NAME_RATE) {
      return ProperNouns.any(random).split(" ");
    }
    draw -= NAME_RATE;
    if (draw < NUMBER_RATE) {
      return new String[] {ProperNouns.number(random)};
    }
    draw -= NUMBER_RATE;
    if (!facts.isEmpty() && draw < FACT_RATE) {
      return facts.get(random.nextInt(facts.size())).split(" ");
    }
    return new String[] {vocabulary.sample(random)};
  }
}
