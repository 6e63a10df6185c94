package dev.retold;

import java.util.Objects;

/**
 * An article in a story, and how it relates to the story's canonical article.
 *
 * @param id the article's id
 * @param relation its relation to the canonical article
 */
public record StoryMember(String id, Relation relation) {
  /** Checks both fields are present. */
  public StoryMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
  }
}
