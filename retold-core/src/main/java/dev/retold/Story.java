package dev.retold;

import java.util.List;
import java.util.Objects;

/**
 * A group of articles that retell one story: the canonical article (the origin, or the earliest, or
 * the most complete, as {@link CanonicalRule} says) and the other members with their relation to
 * it. An article related to nothing forms a story of its own, with no members.
 *
 * @param id a stable id, {@code s1}, {@code s2}... in report order (largest story first)
 * @param canonical the canonical article's id
 * @param members the other articles, strongest relation first, then by id
 */
public record Story(String id, String canonical, List<StoryMember> members) {
  /** Checks the fields and copies the members. */
  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(canonical, "canonical");
    members = List.copyOf(members);
  }

  /** How many articles the story holds, the canonical one included. */
  public int size() {
    return members.size() + 1;
  }
}
