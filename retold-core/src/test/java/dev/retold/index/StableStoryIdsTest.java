package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StableStoryIdsTest {

  /**
   * Cases: the new stories ("a b|c" is two stories), each article's former id ("a=s1 b=s2"), the
   * aliases before ("s3>s1"), the next number; then the ids expected, the ids minted, and the
   * aliases after.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a|b", "", "", 1, "s1 s2", "s1 s2", ""),
        Arguments.of("a b", "a=s1", "", 2, "s1", "", ""), // a story grows: it keeps its id
        Arguments.of("a b c", "a=s1 b=s1", "", 2, "s1", "", ""),
        // a bridge merges two stories: the older id wins, the other becomes its alias
        Arguments.of("a b c", "a=s2 b=s1", "", 3, "s1", "", "s2>s1"),
        Arguments.of("a b c d", "a=s10 b=s9", "", 11, "s9", "", "s10>s9"), // by number, not text
        // a story splits: the part with the oldest claim keeps the id, the other is new
        Arguments.of("a|b", "a=s1 b=s1", "", 2, "s1 s2", "s2", ""),
        Arguments.of("b|a", "a=s1 b=s1", "", 2, "s2 s1", "s2", ""),
        // a merge and a split at once: s1 and s2 merge, part of s2 stays alone
        Arguments.of("a b|c", "a=s1 b=s2 c=s2", "", 3, "s1 s2", "", ""),
        // an alias follows its story when that merges again: no chains
        Arguments.of("a b", "a=s1 b=s2", "s3>s2", 4, "s1", "", "s2>s1 s3>s1"),
        // an alias whose story comes back into use as itself is dropped
        Arguments.of("a|b", "a=s1 b=s3", "s2>s1", 4, "s1 s3", "", "s2>s1"),
        // the article of a former story that is gone ends in another: the id is its alias
        Arguments.of("a b", "a=s1 b=s1", "s7>s1", 8, "s1", "", "s7>s1"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void assignsStableIds(
      String stories,
      String former,
      String aliases,
      long next,
      String expected,
      String minted,
      String aliasesAfter) {
    StableStoryIds ids =
        StableStoryIds.assign(stories(stories), pairs(former, "="), pairs(aliases, ">"), next);

    assertThat(ids.ids()).containsExactlyElementsOf(words(expected));
    assertThat(ids.minted()).containsExactlyInAnyOrderElementsOf(words(minted));
    assertThat(ids.aliases()).isEqualTo(pairs(aliasesAfter, ">"));
    assertThat(ids.next()).isEqualTo(next + words(minted).size());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theSameInputGivesTheSameIdsInAnyStoryOrder(
      String stories, String former, String aliases, long next) {
    List<List<String>> given = stories(stories);
    List<List<String>> reversed = new ArrayList<>(given);
    java.util.Collections.reverse(reversed);
    StableStoryIds forward =
        StableStoryIds.assign(given, pairs(former, "="), pairs(aliases, ">"), next);
    StableStoryIds backward =
        StableStoryIds.assign(reversed, pairs(former, "="), pairs(aliases, ">"), next);
    List<String> backwardIds = new ArrayList<>(backward.ids());
    java.util.Collections.reverse(backwardIds);

    assertThat(backwardIds).isEqualTo(forward.ids());
    assertThat(backward.aliases()).isEqualTo(forward.aliases());
  }

  private static List<List<String>> stories(String text) {
    List<List<String>> stories = new ArrayList<>();
    for (String story : text.split("\\|")) {
      stories.add(words(story));
    }
    return stories;
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" "));
  }

  private static Map<String, String> pairs(String text, String separator) {
    Map<String, String> map = new HashMap<>();
    for (String pair : words(text)) {
      String[] parts = pair.split(separator);
      map.put(parts[0], parts[1]);
    }
    return map;
  }
}
