package dev.retold.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives the stories of a new clustering the ids their articles' stories had before, so that a story
 * keeps its id for ever as it grows. Ids are {@code s1}, {@code s2}... in the order stories were
 * first seen; a smaller number is an older story.
 *
 * <p>The rule: each new story takes the oldest of its articles' former story ids that no older
 * claim took first (stories are served in the order of the oldest id each holds, so when two
 * stories merge the older id wins, and when one splits the part holding its oldest claim keeps it).
 * A story none of whose articles had an id, or whose ids were all taken, gets a new one. A former
 * id no new story kept becomes an alias of the story that holds most of its former articles (the
 * older on a tie), so it still resolves; aliases never chain. Deterministic: the same input gives
 * the same ids.
 *
 * @param ids each new story's id, in the order the stories were given
 * @param minted the ids given out for the first time
 * @param aliases every alias, old ones included, each to an id in use
 * @param next the number the next new id will take
 */
public record StableStoryIds(
    List<String> ids, Set<String> minted, Map<String, String> aliases, long next) {

  /** Copies the collections. */
  public StableStoryIds {
    ids = List.copyOf(ids);
    minted = Set.copyOf(minted);
    aliases = Map.copyOf(aliases);
  }

  /**
   * Assigns ids to {@code stories}.
   *
   * @param stories the new clustering: each story's article ids
   * @param former each article's story id before, for the articles that had one
   * @param aliases the aliases before
   * @param next the number the next new id takes (greater than every id's)
   */
  public static StableStoryIds assign(
      List<List<String>> stories,
      Map<String, String> former,
      Map<String, String> aliases,
      long next) {
    List<TreeSet<String>> claims = new ArrayList<>();
    for (List<String> story : stories) {
      TreeSet<String> claim = new TreeSet<>(StableStoryIds::compare);
      for (String article : story) {
        String id = former.get(article);
        if (id != null) {
          claim.add(resolve(id, aliases));
        }
      }
      claims.add(claim);
    }
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < stories.size(); s++) {
      order.add(s);
    }
    order.sort(
        Comparator.comparing(
                (Integer s) -> claims.get(s).isEmpty() ? null : claims.get(s).first(),
                Comparator.nullsLast(StableStoryIds::compare))
            .thenComparing(s -> stories.get(s).isEmpty() ? "" : min(stories.get(s))));
    String[] ids = new String[stories.size()];
    Set<String> taken = new HashSet<>();
    Set<String> minted = new TreeSet<>(StableStoryIds::compare);
    long counter = next;
    for (int s : order) {
      for (String claim : claims.get(s)) {
        if (taken.add(claim)) {
          ids[s] = claim;
          break;
        }
      }
      if (ids[s] == null) {
        ids[s] = mint(counter++);
        taken.add(ids[s]);
        minted.add(ids[s]);
      }
    }
    return new StableStoryIds(
        List.of(ids), minted, newAliases(stories, former, aliases, ids, taken), counter);
  }

  /** The id of the story numbered {@code number}: {@code s} and the number. */
  public static String mint(long number) {
    return "s" + number;
  }

  /** The id {@code id} stands for now: itself, or the story it is an alias of. */
  public static String resolve(String id, Map<String, String> aliases) {
    return aliases.getOrDefault(id, id);
  }

  /** Compares ids by number ({@code s2} before {@code s10}), then as text. */
  public static int compare(String a, String b) {
    int byLength = Integer.compare(a.length(), b.length());
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static Map<String, String> newAliases(
      List<List<String>> stories,
      Map<String, String> former,
      Map<String, String> aliases,
      String[] ids,
      Set<String> taken) {
    // for each former id no story kept: how many of its articles each new story holds
    Map<String, Map<String, Integer>> heirs = new TreeMap<>(StableStoryIds::compare);
    for (int s = 0; s < stories.size(); s++) {
      for (String article : stories.get(s)) {
        String id = former.get(article);
        if (id != null && !taken.contains(resolve(id, aliases))) {
          heirs
              .computeIfAbsent(resolve(id, aliases), k -> new TreeMap<>(StableStoryIds::compare))
              .merge(ids[s], 1, Integer::sum);
        }
      }
    }
    Map<String, String> heirOf = new HashMap<>();
    heirs.forEach(
        (id, counts) -> {
          String best = null;
          for (Map.Entry<String, Integer> heir : counts.entrySet()) {
            if (best == null || heir.getValue() > counts.get(best)) {
              best = heir.getKey();
            }
          }
          heirOf.put(id, best);
        });
    Map<String, String> updated = new HashMap<>();
    for (Map.Entry<String, String> alias : aliases.entrySet()) {
      String target = alias.getValue();
      updated.put(alias.getKey(), heirOf.getOrDefault(target, target));
    }
    updated.putAll(heirOf);
    updated.keySet().removeAll(taken); // an id in use again is no alias
    return updated;
  }

  private static String min(List<String> articles) {
    String min = articles.get(0);
    for (String article : articles) {
      if (article.compareTo(min) < 0) {
        min = article;
      }
    }
    return min;
  }
}
