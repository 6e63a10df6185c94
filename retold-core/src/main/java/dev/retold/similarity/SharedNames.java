package dev.retold.similarity;

import dev.retold.text.StoryTermWeigher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names and numbers two articles both use: what weighs most in their story similarity (see
 * {@link StoryTermWeigher}), and what a person checks first to see that two reports tell one event.
 * A name is a word capitalised inside a sentence, a number a word with a digit; a possessive {@code
 * 's} is dropped and case ignored, so "Lee's" in one and "Lee" in the other are one name. Names
 * written one after the other with one space between ("Xi Jinping") count as one name as well: a
 * shared run of names is given rather than its words. At most {@value #MOST} are given, the runs
 * both use most first, then the words (by the smaller of the two counts, then the first to appear
 * in A), in A's order and as A spells them. Stateless.
 */
public final class SharedNames {
  /** The most names and numbers given for a pair. */
  public static final int MOST = 6;

  /** The most words a run of names is counted with. */
  private static final int LONGEST_RUN = 5;

  private SharedNames() {}

  /**
   * The names and numbers both bodies use.
   *
   * @param bodyA A's body; {@code startsA} and {@code endsA} its words' spans in it
   * @param bodyB B's body; {@code startsB} and {@code endsB} its words' spans in it
   */
  public static List<String> of(
      String bodyA, int[] startsA, int[] endsA, String bodyB, int[] startsB, int[] endsB) {
    return of(in(bodyA, startsA, endsA), in(bodyB, startsB, endsB));
  }

  /** The names and numbers of one article, found once for all its pairs. Immutable. */
  public static final class Names {
    private final Map<String, Use> uses;

    private Names(Map<String, Use> uses) {
      this.uses = uses;
    }
  }

  /**
   * The names and numbers {@code body} uses, to pair with another's in {@link #of(Names, Names)}.
   *
   * @param body the body; {@code starts} and {@code ends} its words' spans in it
   */
  public static Names in(String body, int[] starts, int[] ends) {
    return new Names(uses(body, starts, ends));
  }

  /**
   * The names and numbers both articles use, as {@link #of(String, int[], int[], String, int[],
   * int[])} gives them.
   */
  public static List<String> of(Names a, Names b) {
    Map<String, Use> inA = a.uses;
    if (inA.isEmpty()) {
      return List.of();
    }
    Map<String, Use> inB = b.uses;
    List<Use> shared = new ArrayList<>();
    for (Map.Entry<String, Use> entry : inA.entrySet()) {
      Use inOther = inB.get(entry.getKey());
      if (inOther != null) {
        shared.add(entry.getValue().sharedWith(inOther));
      }
    }
    shared.sort(
        Comparator.comparingInt((Use use) -> -use.count * use.words)
            .thenComparingInt(use -> use.first));
    List<Use> chosen = new ArrayList<>();
    for (Use use : shared) {
      if (chosen.size() == MOST) {
        break;
      }
      if (chosen.stream().anyMatch(taken -> taken.contains(use))) {
        continue; // a word of a run already given
      }
      chosen.removeIf(use::contains); // the run stands for its words
      chosen.add(use);
    }
    chosen.sort(Comparator.comparingInt(use -> use.first));
    List<String> names = new ArrayList<>(chosen.size());
    chosen.forEach(use -> names.add(use.spelling));
    return names;
  }

  /**
   * How often, and first where and how, each name, run of names and number is used: keyed by its
   * lower case.
   */
  private static Map<String, Use> uses(String body, int[] starts, int[] ends) {
    Map<String, Use> uses = new HashMap<>();
    int runStart = -1; // the first word of the run of names that ends at the word before
    int runWords = 0;
    boolean afterPossessive = false; // a possessive ends a run: "Korea's Lee" is two names
    for (int i = 0; i <= starts.length; i++) {
      // most words are neither: tell that from their chars before making a string of them
      boolean digit = i < starts.length && hasDigit(body, starts[i], ends[i]);
      boolean candidate = digit || (i < starts.length && StoryTermWeigher.isName(body, starts[i]));
      String word = candidate ? word(body, starts[i], ends[i]) : null;
      boolean number = digit && word != null;
      boolean name =
          word != null && !number && !StoryTermWeigher.isStopword(word.toLowerCase(Locale.ROOT));
      boolean continuesRun =
          name
              && runWords > 0
              && !afterPossessive
              && starts[i] == ends[i - 1] + 1
              && body.charAt(ends[i - 1]) == ' ';
      if (!continuesRun && runWords > 1) {
        // every part of two words or more: "On Monday Lee Jae Myung" holds "Lee Jae Myung"
        for (int from = runStart; from < i - 1; from++) {
          for (int to = from + 2; to <= Math.min(i, from + LONGEST_RUN); to++) {
            count(uses, word(body, starts[from], ends[to - 1]), from, to - from);
          }
        }
      }
      if (name) {
        runStart = continuesRun ? runStart : i;
        runWords = continuesRun ? runWords + 1 : 1;
      } else {
        runWords = 0;
      }
      if (name || number) {
        count(uses, word, i, 1);
      }
      afterPossessive = i < starts.length && isPossessive(body, starts[i], ends[i]);
    }
    return uses;
  }

  /** The text of {@code [start, end)}, a possessive 's dropped; {@code null} if under 2 chars. */
  private static String word(String body, int start, int end) {
    end = Math.min(end, body.length());
    if (isPossessive(body, start, end)) {
      end -= 2;
    }
    return end - start < 2 ? null : body.substring(start, end);
  }

  /** Whether the word {@code [start, end)} ends in a possessive 's (and is more than it). */
  private static boolean isPossessive(String body, int start, int end) {
    end = Math.min(end, body.length());
    return end - start > 2
        && (body.startsWith("'s", end - 2) || body.startsWith("\u2019s", end - 2));
  }

  private static boolean hasDigit(String body, int start, int end) {
    for (int i = start; i < Math.min(end, body.length()); i++) {
      if (Character.isDigit(body.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void count(Map<String, Use> uses, String spelling, int first, int words) {
    String key = spelling.toLowerCase(Locale.ROOT);
    uses.computeIfAbsent(key, k -> new Use(key, spelling, first, words)).count++;
  }

  /** One name's uses in one article; {@code first} is the number of its first word. */
  private static final class Use {
    final String key;
    final String spelling;
    final int first;
    final int words;
    int count;

    Use(String key, String spelling, int first, int words) {
      this.key = key;
      this.spelling = spelling;
      this.first = first;
      this.words = words;
    }

    /** Whether {@code other} is this name or one of its words (wherever it stands). */
    boolean contains(Use other) {
      return (" " + key + " ").contains(" " + other.key + " ");
    }

    Use sharedWith(Use other) {
      Use shared = new Use(key, spelling, first, words);
      shared.count = Math.min(count, other.count);
      return shared;
    }
  }
}
