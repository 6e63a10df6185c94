package dev.retold;

import java.util.List;
import java.util.Objects;

/**
 * Articles that are copies of one another, reported once: the members of one copy group (joined by
 * {@link Relation#DUPLICATE} and {@link Relation#NEAR_DUPLICATE} pairs, transitively), its
 * representative, and the evidence of one pair.
 *
 * <p>Why a group rather than its pairs: {@code n} copies of one article (a syndicated wire story)
 * make {@code n (n - 1) / 2} pairs that all say the same thing, and with their passages a thousand
 * copies made a report of gigabytes. A group says it in {@code n} names and one pair, whose shared
 * passages stand for the others'. So a scan's {@link ScanResult#pairs()} holds no pair of two
 * members of one group; each member's relation to its story's canonical article is still in the
 * story ({@link Story#members()}), and a pair that links a group to an article outside it is
 * reported once, with the group's representative when the members are exact copies.
 *
 * <p>The representative is the member dated earliest, then the longest, then the first by id: the
 * one the copies most likely copy.
 *
 * @param id a stable id, {@code c1}, {@code c2}... in report order (largest group first, then by
 *     representative)
 * @param representative the representative member's id
 * @param members every member's id, the representative included, by id; at least two
 * @param relation {@link Relation#DUPLICATE} when every member has the same words, else {@link
 *     Relation#NEAR_DUPLICATE}
 * @param evidence the pair of the representative and the member it is most alike, with its scores
 *     and shared passages
 */
public record CopyGroup(
    String id,
    String representative,
    List<String> members,
    Relation relation,
    ArticlePair evidence) {

  /** Checks the fields and copies the members. */
  public CopyGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(representative, "representative");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(evidence, "evidence");
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a copy group needs two members: " + members);
    }
    for (int i = 1; i < members.size(); i++) {
      if (members.get(i - 1).compareTo(members.get(i)) >= 0) {
        throw new IllegalArgumentException("members must be sorted and distinct: " + members);
      }
    }
    if (!members.contains(representative)) {
      throw new IllegalArgumentException("the representative is not a member: " + representative);
    }
    if (relation != Relation.DUPLICATE && relation != Relation.NEAR_DUPLICATE) {
      throw new IllegalArgumentException("relation must be a copy relation: " + relation);
    }
    if (!evidence.a().equals(representative) && !evidence.b().equals(representative)
        || !members.contains(evidence.other(representative))) {
      throw new IllegalArgumentException(
          "evidence must pair the representative with a member: "
              + evidence.a()
              + ", "
              + evidence.b());
    }
  }

  /** How many articles the group holds. */
  public int size() {
    return members.size();
  }
}
