package dev.retold.cluster;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CanonicalRule;
import dev.retold.Relation;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Makes the stories of a clustering: picks each story's canonical article and each member's
 * relation to it.
 *
 * <p>Which articles form a story is the clustering's answer, taken as it is (one source of truth:
 * nothing here re-derives stories from the pairs). The canonical article is chosen by the {@link
 * CanonicalRule}; each other member's relation to it is the pair's relation when the two were
 * compared directly, else the weakest link on the strongest path from the canonical article to the
 * member (a rewrite of a copy of the original is, to the original, a rewrite). Stories come out
 * largest first, then by canonical id; ids are {@code s1}, {@code s2}...
 */
public final class StoryBuilder {
  private final CanonicalRule rule;

  /** A builder of stories that picks canonical articles by {@code rule}. */
  public StoryBuilder(CanonicalRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The stories of {@code articles}: article {@code i} is in story {@code storyOf[i]}, and the
   * related {@code pairs} tell the canonical articles and the relations.
   *
   * @param articles every article, each once
   * @param pairs related pairs whose ids are all in {@code articles}, each within one story
   * @param storyOf each article's story, as any int label, in the order of {@code articles}
   * @throws IllegalArgumentException if an id repeats, a pair names an unknown article or joins two
   *     stories, or {@code storyOf} is not one label per article
   */
  public List<Story> build(List<ArticleInfo> articles, List<ArticlePair> pairs, int[] storyOf) {
    if (storyOf.length != articles.size()) {
      throw new IllegalArgumentException(
          "storyOf must label each of " + articles.size() + " articles: " + storyOf.length);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      if (index.put(articles.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate article id: " + articles.get(i).id());
      }
    }
    List<List<ArticlePair>> pairsOf = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      pairsOf.add(new ArrayList<>());
    }
    for (ArticlePair pair : pairs) {
      int a = indexOf(index, pair.a());
      int b = indexOf(index, pair.b());
      if (storyOf[a] != storyOf[b]) {
        throw new IllegalArgumentException(
            "a pair joins two stories: " + pair.a() + ", " + pair.b());
      }
      pairsOf.get(a).add(pair);
      pairsOf.get(b).add(pair);
    }
    Map<Integer, List<ArticleInfo>> groups = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      groups.computeIfAbsent(storyOf[i], k -> new ArrayList<>()).add(articles.get(i));
    }
    List<Story> stories = new ArrayList<>();
    for (List<ArticleInfo> group : groups.values()) {
      ArticleInfo canonical = pickCanonical(group, pairsOf, index);
      stories.add(new Story("", canonical.id(), members(canonical, group, pairsOf, index)));
    }
    stories.sort(Comparator.comparingInt(Story::size).reversed().thenComparing(Story::canonical));
    List<Story> numbered = new ArrayList<>(stories.size());
    for (int i = 0; i < stories.size(); i++) {
      Story story = stories.get(i);
      numbered.add(new Story("s" + (i + 1), story.canonical(), story.members()));
    }
    return List.copyOf(numbered);
  }

  private ArticleInfo pickCanonical(
      List<ArticleInfo> group, List<List<ArticlePair>> pairsOf, Map<String, Integer> index) {
    Comparator<ArticleInfo> earliest =
        Comparator.comparing(
            ArticleInfo::date, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));
    Comparator<ArticleInfo> longest = Comparator.comparingInt(ArticleInfo::length).reversed();
    Comparator<ArticleInfo> order =
        switch (rule) {
          case ORIGIN ->
              Comparator.comparingInt(
                      (ArticleInfo article) ->
                          -originCount(article, pairsOf.get(index.get(article.id()))))
                  .thenComparing(earliest)
                  .thenComparing(longest);
          case EARLIEST -> earliest.thenComparing(longest);
          case LONGEST -> longest;
        };
    return group.stream().min(order.thenComparing(ArticleInfo::id)).orElseThrow();
  }

  /** How many of the article's pairs name it as their origin. */
  private static int originCount(ArticleInfo article, List<ArticlePair> pairs) {
    int count = 0;
    for (ArticlePair pair : pairs) {
      if (article.id().equals(pair.origin())) {
        count++;
      }
    }
    return count;
  }

  /**
   * Each member's relation to the canonical article: the direct pair's relation when there is one,
   * else the strongest path's weakest link, found by a widest-path search from the canonical
   * article (Dijkstra with "weakest link" as the path cost), else (a member the clustering put in
   * the story with no reported pair leading to it) {@link Relation#SAME_STORY}.
   */
  private List<StoryMember> members(
      ArticleInfo canonical,
      List<ArticleInfo> group,
      List<List<ArticlePair>> pairsOf,
      Map<String, Integer> index) {
    int groupSize = group.size();
    Map<String, Relation> best = new HashMap<>();
    PriorityQueue<StoryMember> queue =
        new PriorityQueue<>(
            Comparator.comparing(StoryMember::relation).thenComparing(StoryMember::id));
    queue.add(new StoryMember(canonical.id(), Relation.DUPLICATE));
    Map<String, Boolean> done = new HashMap<>();
    while (!queue.isEmpty() && done.size() < groupSize) {
      StoryMember next = queue.poll();
      if (done.putIfAbsent(next.id(), Boolean.TRUE) != null) {
        continue;
      }
      for (ArticlePair pair : pairsOf.get(index.get(next.id()))) {
        String other = pair.other(next.id());
        Relation viaNext =
            next.id().equals(canonical.id())
                ? pair.relation()
                : weaker(next.relation(), pair.relation());
        Relation known = best.get(other);
        if (!done.containsKey(other) && (known == null || viaNext.compareTo(known) < 0)) {
          best.put(other, viaNext);
          queue.add(new StoryMember(other, viaNext));
        }
      }
    }
    for (ArticlePair direct : pairsOf.get(index.get(canonical.id()))) {
      best.put(direct.other(canonical.id()), direct.relation()); // direct evidence wins
    }
    for (ArticleInfo member : group) {
      best.putIfAbsent(member.id(), Relation.SAME_STORY);
    }
    List<StoryMember> members = new ArrayList<>();
    best.forEach(
        (id, relation) -> {
          if (!id.equals(canonical.id())) {
            members.add(new StoryMember(id, relation));
          }
        });
    members.sort(Comparator.comparing(StoryMember::relation).thenComparing(StoryMember::id));
    return members;
  }

  private static Relation weaker(Relation a, Relation b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static int indexOf(Map<String, Integer> index, String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("pair names an unknown article: " + id);
    }
    return i;
  }
}
