package dev.retold.scan;

import dev.retold.Relation;
import dev.retold.index.CandidatePair;
import java.util.Arrays;
import java.util.List;

/**
 * The verified copy pairs of a scan, and the copy groups they make (articles joined by duplicate
 * and near-duplicate pairs, transitively), which every story contains whole. Derived pairs join no
 * group: the clustering weighs them as strong links ({@link ClusterStories}). The pairs have no
 * passages yet: only the ones reported get them ({@link #evidenceKeys()}, {@link FindEvidence}), so
 * the pairs within a group cost no passage search but for one.
 *
 * @param pairs the copy pairs by key, without passages
 * @param groups each article's copy group, named by one of its members
 * @param exact the exact copies, whose representatives stand for them in every candidate
 * @param copyGroups the groups of two or more articles, in the order of their representatives
 */
record CopyPairs(PairTable pairs, int[] groups, ExactCopies exact, List<Group> copyGroups) {
  CopyPairs {
    copyGroups = List.copyOf(copyGroups);
  }

  /**
   * One copy group.
   *
   * @param representative its representative ({@link ExactCopies#first})
   * @param members its articles, sorted
   * @param relation DUPLICATE when every pair joining it is, else NEAR_DUPLICATE
   * @param evidenceKey the key of its evidence pair: the representative's strongest copy pair
   *     within the group
   */
  record Group(int representative, int[] members, Relation relation, long evidenceKey) {}

  /** Whether articles {@code a} and {@code b} are in one copy group. */
  boolean sameGroup(int a, int b) {
    return groups[a] == groups[b];
  }

  /**
   * The keys of the copy pairs that are reported with their passages, sorted: every pair not within
   * one group, and each group's evidence pair.
   */
  long[] evidenceKeys() {
    long[] keys = new long[pairs.size()];
    int size = 0;
    for (int i = 0; i < pairs.size(); i++) {
      CandidatePair pair = CandidatePair.ofKey(pairs.key(i));
      if (!sameGroup(pair.a(), pair.b())) {
        keys[size++] = pairs.key(i);
      }
    }
    for (Group group : copyGroups) {
      keys[size++] = group.evidenceKey();
    }
    Arrays.sort(keys, 0, size);
    return Arrays.copyOf(keys, size);
  }
}
