package dev.retold.bench;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Made-up proper nouns and numbers: people ("Marin Kotaval"), places ("Selvaport", "North Dravin"),
 * organisations ("Kotaval Group") built from syllables, and numbers written as news writes them
 * ("7", "340", "12,500"). Made-up names almost never meet in two unrelated articles, so a shared
 * name is evidence that the articles were planted together, not chance. Stateless; {@link
 * StrictMath} and integer arithmetic only, so a seed gives the same names on every JVM.
 */
final class ProperNouns {
  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "cr", "dr", "fr", "gr", "kr", "pr", "tr", "st", "sh", "ch", "th"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "v"};
  private static final String[] PLACE_ENDINGS = {
    "ton", "ford", "burg", "field", "port", "vale", "mouth", "wick", "stad", "heim", "ia", "grad"
  };
  private static final String[] PLACE_PREFIXES = {"North", "South", "East", "West", "New", "Port"};
  private static final String[] ORGANISATION_KINDS = {
    "Group", "Holdings", "Council", "Institute", "Bank", "Partners", "Foundation", "Union",
    "Agency", "Party", "Airlines", "Energy", "University", "Hospital", "Police", "Ministry"
  };

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private static final String[] THOUSANDS = new String[1000];

  static {
    for (int i = 0; i < THOUSANDS.length; i++) {
      THOUSANDS[i] = String.format(Locale.ROOT, "%03d", i);
    }
  }

  private ProperNouns() {}

  /** A person: a given name and a family name. */
  static String person(SplitMix64 random) {
    return name(random, 2, 2) + " " + name(random, 2, random.chance(0.2) ? 3 : 2);
  }

  /** A place: one made-up word with a place-like ending, sometimes after a prefix. */
  static String place(SplitMix64 random) {
    String place = name(random, 1, 1) + PLACE_ENDINGS[random.nextInt(PLACE_ENDINGS.length)];
    return random.chance(0.2)
        ? PLACE_PREFIXES[random.nextInt(PLACE_PREFIXES.length)] + " " + place
        : place;
  }

  /** An organisation: a made-up name and a kind of body. */
  static String organisation(SplitMix64 random) {
    return name(random, 2, 3) + " " + ORGANISATION_KINDS[random.nextInt(ORGANISATION_KINDS.length)];
  }

  /** A person, or now and then an organisation or a place: a name dropped into running text. */
  static String any(SplitMix64 random) {
    int kind = random.nextInt(10);
    return kind < 6 ? person(random) : kind < 8 ? organisation(random) : place(random);
  }

  /** A number of one to six digits, small ones likelier, with thousands separated by commas. */
  static String number(SplitMix64 random) {
    return number(random, 1);
  }

  /** A number of {@code minDigits} to six digits, small ones likelier, as {@link #number}. */
  static String number(SplitMix64 random, int minDigits) {
    int digits = minDigits + (int) (StrictMath.pow(random.nextDouble(), 1.6) * (7 - minDigits));
    int low = digits == 1 ? 2 : POWERS_OF_TEN[digits - 1];
    int high = POWERS_OF_TEN[digits] - 1;
    int value = random.nextInt(low, high);
    return value < 1000 ? Integer.toString(value) : (value / 1000) + "," + THOUSANDS[value % 1000];
  }

  /** A date as news text writes it: "4 March 2019". */
  static String date(LocalDate date) {
    return date.getDayOfMonth()
        + " "
        + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " "
        + date.getYear();
  }

  /** A capitalised word of {@code min} to {@code max} syllables. */
  private static String name(SplitMix64 random, int min, int max) {
    int syllables = random.nextInt(min, max);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      name.append(ONSETS[random.nextInt(ONSETS.length)])
          .append(VOWELS[random.nextInt(VOWELS.length)]);
      if (i == syllables - 1) {
        name.append(CODAS[random.nextInt(CODAS.length)]);
      }
    }
    name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
    return name.toString();
  }
}
