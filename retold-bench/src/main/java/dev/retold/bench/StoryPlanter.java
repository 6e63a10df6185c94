package dev.retold.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plants one unit of the corpus: an unrelated singleton, or a story (an original and the members
 * planted from it). A unit depends only on the seed and its index, never on the units before it,
 * which is what lets the generator stream: nothing is kept once a unit's articles are handed on.
 * Thread-safe (it holds settings only).
 */
final class StoryPlanter {
  /** Bounds of the share of an original's sentences a condensed rewrite keeps. */
  static final double MIN_CONDENSED = 0.3;

  static final double MAX_CONDENSED = 0.6;

  /** Bounds of the share of an original's sentences an excerpt spans. */
  static final double MIN_EXCERPT = 0.2;

  static final double MAX_EXCERPT = 0.4;

  private final CorpusSettings settings;
  private final TextComposer composer;
  private final double singletonChance;
  private final long idSalt;

  StoryPlanter(CorpusSettings settings, TextComposer composer) {
    this.settings = settings;
    this.composer = composer;
    this.singletonChance = settings.singletonChance();
    this.idSalt = SplitMix64.mix(settings.seed() ^ 0x1d5a17L);
  }

  /** A story's facts, as they are written in its articles. */
  record StoryFacts(List<String> names, List<String> numbers, String place, LocalDate date) {
    StoryFacts {
      names = List.copyOf(names);
      numbers = List.copyOf(numbers);
    }

    /** Every fact as a phrase: names, numbers, the place, then the date. */
    List<String> phrases() {
      List<String> phrases = new ArrayList<>(names);
      phrases.addAll(numbers);
      phrases.add(place);
      phrases.add(ProperNouns.date(date));
      return phrases;
    }
  }

  /**
   * The articles of unit {@code unit}, at most {@code remaining} of them, whose ids are those of
   * article indexes {@code firstArticle} onwards; the original comes first.
   */
  List<GeneratedArticle> plant(long unit, long remaining, long firstArticle) {
    SplitMix64 random = SplitMix64.forPart(settings.seed(), unit);
    String story = String.format(Locale.ROOT, "s%08d", unit);
    int size = 1;
    if (remaining > 1 && !random.chance(singletonChance)) {
      size =
          (int)
              Math.min(remaining, random.nextInt(settings.minStorySize(), settings.maxStorySize()));
    }
    if (size == 1) {
      return List.of(singleton(random, story, id(firstArticle)));
    }
    return story(random, story, size, firstArticle);
  }

  /** The id of the article with the given creation index: unique, as the mixing is a bijection. */
  String id(long articleIndex) {
    String hex = Long.toHexString(SplitMix64.mix(articleIndex + idSalt));
    return "0".repeat(16 - hex.length()) + hex;
  }

  private GeneratedArticle singleton(SplitMix64 random, String story, String id) {
    LocalDate date = settings.firstDate().plusDays(random.nextInt(settings.dateSpanDays()));
    ArticleBody body = composer.body(random, targetWords(random), List.of(), List.of());
    String title = composer.title(random, List.of(ProperNouns.any(random)));
    return new GeneratedArticle(
        id, title, date.toString(), body.render(), story, GeneratedArticle.UNRELATED, null, "");
  }

  private List<GeneratedArticle> story(SplitMix64 random, String story, int size, long first) {
    StoryFacts facts = facts(random);
    List<String> phrases = facts.phrases();
    String originalId = id(first);
    LocalDate originalDate = facts.date().plusDays(random.nextInt(0, 1));
    ArticleBody original = composer.body(random, targetWords(random), phrases, phrases);
    String originalTitle = composer.title(random, List.of(facts.names().get(0), facts.place()));
    List<GeneratedArticle> articles = new ArrayList<>(size);
    articles.add(
        new GeneratedArticle(
            originalId,
            originalTitle,
            originalDate.toString(),
            original.render(),
            story,
            GeneratedArticle.ORIGINAL,
            null,
            "facts=" + String.join("|", phrases)));
    double nearDuplicate = settings.nearDuplicateWeight();
    double derived = settings.derivedWeight();
    double total = nearDuplicate + derived + settings.sameStoryWeight();
    for (int member = 1; member < size; member++) {
      String id = id(first + member);
      double draw = random.nextDouble() * total;
      ArticleBody body;
      String relation;
      String detail;
      String title = originalTitle;
      LocalDate date;
      if (draw < nearDuplicate) {
        double rate = random.nextDouble(settings.minEditRate(), settings.maxEditRate());
        ArticleEdits.Edited edited = ArticleEdits.nearDuplicate(original, rate, random, composer);
        body = edited.body();
        relation = GeneratedArticle.NEAR_DUPLICATE;
        detail = measure("edit-rate", edited.measure());
        date = originalDate.plusDays(random.nextInt(0, 2));
      } else if (draw < nearDuplicate + derived) {
        ArticleEdits.Edited edited;
        if (random.chance(0.5)) {
          double keep = random.nextDouble(MIN_CONDENSED, MAX_CONDENSED);
          edited = ArticleEdits.condensed(original, keep, random, composer);
          detail = measure("condensed", edited.measure());
          if (random.chance(0.5)) {
            title = composer.title(random, List.of(facts.names().get(0)));
          }
        } else {
          double span = random.nextDouble(MIN_EXCERPT, MAX_EXCERPT);
          edited = ArticleEdits.excerpt(original, span, random);
          detail = measure("excerpt", edited.measure());
        }
        body = edited.body();
        relation = GeneratedArticle.DERIVED;
        date = originalDate.plusDays(random.nextInt(0, 5));
      } else {
        body = composer.body(random, targetWords(random), phrases, phrases);
        String name = facts.names().get(random.nextInt(facts.names().size()));
        title = composer.title(random, List.of(name, facts.place()));
        relation = GeneratedArticle.SAME_STORY;
        detail = "";
        date = facts.date().plusDays(random.nextInt(0, 3));
      }
      articles.add(
          new GeneratedArticle(
              id, title, date.toString(), body.render(), story, relation, originalId, detail));
    }
    return articles;
  }

  private StoryFacts facts(SplitMix64 random) {
    int nameCount = random.nextInt(3, 6);
    List<String> names = new ArrayList<>(nameCount);
    for (int n = 0; n < nameCount; n++) {
      names.add(
          n == 0 || random.chance(0.7)
              ? ProperNouns.person(random)
              : ProperNouns.organisation(random));
    }
    int numberCount = random.nextInt(2, 4);
    List<String> numbers = new ArrayList<>(numberCount);
    for (int n = 0; n < numberCount; n++) {
      numbers.add(ProperNouns.number(random, 2)); // a single digit is too common to be a fact
    }
    String place = ProperNouns.place(random);
    LocalDate date = settings.firstDate().plusDays(random.nextInt(settings.dateSpanDays()));
    return new StoryFacts(names, numbers, place, date);
  }

  /** An article length drawn uniformly from half to one and a half times the mean. */
  private int targetWords(SplitMix64 random) {
    int mean = settings.meanWords();
    return random.nextInt(mean - mean / 2, mean + mean / 2);
  }

  private static String measure(String name, double value) {
    return String.format(Locale.ROOT, "%s=%.4f", name, value);
  }
}
