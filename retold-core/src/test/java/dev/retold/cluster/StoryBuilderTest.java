package dev.retold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CanonicalRule;
import dev.retold.Relation;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryBuilderTest {

  private static ArticleInfo article(String id, String date, int length) {
    return new ArticleInfo(
        id, null, date == null ? null : LocalDate.parse(date), null, null, length);
  }

  private static ArticlePair pair(String a, String b, Relation relation, String origin) {
    return new ArticlePair(a, b, relation, origin, 0.5, 0.5, 0.5, 0.5, List.of());
  }

  private final List<ArticleInfo> articles =
      List.of(
          article("a", "2026-01-06", 300),
          article("b", "2026-01-05", 100),
          article("c", null, 900),
          article("d", "2026-01-07", 200),
          article("e", null, 50));

  private final List<ArticlePair> pairs =
      List.of(
          pair("a", "c", Relation.DERIVED, "c"),
          pair("b", "c", Relation.DERIVED, "c"),
          pair("a", "d", Relation.NEAR_DUPLICATE, "a"));

  /** The clustering's stories of {@link #articles}: a, b, c and d together, e alone. */
  private static final int[] STORIES = {0, 0, 0, 0, 4};

  @Test
  void originRulePicksTheArticleOthersDeriveFrom() {
    List<Story> stories = new StoryBuilder(CanonicalRule.ORIGIN).build(articles, pairs, STORIES);
    assertThat(stories)
        .containsExactly(
            new Story(
                "s1",
                "c",
                List.of(
                    new StoryMember("a", Relation.DERIVED),
                    new StoryMember("b", Relation.DERIVED),
                    new StoryMember("d", Relation.DERIVED))), // a copy of a rewrite is a rewrite
            new Story("s2", "e", List.of()));
  }

  @Test
  void earliestRulePicksTheEarliestDate() {
    Story story = new StoryBuilder(CanonicalRule.EARLIEST).build(articles, pairs, STORIES).get(0);
    assertThat(story.canonical()).isEqualTo("b");
  }

  @Test
  void longestRulePicksTheLongestBody() {
    Story story = new StoryBuilder(CanonicalRule.LONGEST).build(articles, pairs, STORIES).get(0);
    assertThat(story.canonical()).isEqualTo("c");
  }

  @Test
  void memberRelationIsTheStrongestPathsWeakestLink() {
    List<ArticlePair> chain =
        List.of(
            pair("a", "b", Relation.NEAR_DUPLICATE, "a"),
            pair("b", "c", Relation.DUPLICATE, null),
            pair("a", "c", Relation.DERIVED, "a"),
            pair("c", "d", Relation.DUPLICATE, null));
    Story story =
        new StoryBuilder(CanonicalRule.ORIGIN)
            .build(articles, chain, new int[] {0, 0, 0, 0, 4})
            .get(0);
    assertThat(story.canonical()).isEqualTo("a");
    assertThat(story.members())
        .containsExactly(
            new StoryMember("b", Relation.NEAR_DUPLICATE),
            new StoryMember("d", Relation.NEAR_DUPLICATE), // a -near- b = c = d
            new StoryMember("c", Relation.DERIVED)); // the direct pair wins over the path
  }

  @Test
  void singletonsAreStoriesOfTheirOwn() {
    List<Story> stories =
        new StoryBuilder(CanonicalRule.ORIGIN)
            .build(articles, List.of(), new int[] {0, 1, 2, 3, 4});
    assertThat(stories).extracting(Story::canonical).containsExactly("a", "b", "c", "d", "e");
    assertThat(stories).extracting(Story::id).containsExactly("s1", "s2", "s3", "s4", "s5");
  }

  @Test
  void refusesPairsOfUnknownArticles() {
    assertThatThrownBy(
            () ->
                new StoryBuilder(CanonicalRule.ORIGIN)
                    .build(articles, List.of(pair("a", "zz", Relation.DERIVED, null)), STORIES))
        .hasMessage("pair names an unknown article: zz");
  }

  @Test
  void theClusteringSaysWhichArticlesAreOneStoryNotThePairs() {
    // b and e were put in one story with no reported pair between them: the clustering decides
    List<ArticleInfo> two = List.of(article("b", "2026-01-05", 100), article("e", null, 50));
    Story story =
        new StoryBuilder(CanonicalRule.ORIGIN).build(two, List.of(), new int[] {7, 7}).get(0);
    assertThat(story.canonical()).isEqualTo("b");
    assertThat(story.members()).containsExactly(new StoryMember("e", Relation.SAME_STORY));
  }

  @Test
  void refusesAPairAcrossTwoStories() {
    assertThatThrownBy(
            () ->
                new StoryBuilder(CanonicalRule.ORIGIN)
                    .build(articles, pairs, new int[] {0, 1, 0, 0, 4}))
        .hasMessage("a pair joins two stories: b, c");
  }

  @Test
  void refusesALabellingOfTheWrongLength() {
    assertThatThrownBy(
            () -> new StoryBuilder(CanonicalRule.ORIGIN).build(articles, pairs, new int[] {0}))
        .hasMessage("storyOf must label each of 5 articles: 1");
  }
}
