package dev.retold.scan;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CanonicalRule;
import dev.retold.CopyGroup;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.StoryBuilder;
import dev.retold.index.CandidatePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The scan's last stage: one clustering's result. Its pairs are the copy pairs not within one copy
 * group and the clustering's same-story pairs, by their ids, with their passages; its copy groups
 * are the copy pairs' groups, each with its evidence pair; its stories are the clustering's, each
 * with its canonical article and every member's relation to it ({@link StoryBuilder}), told by all
 * the pairs within it, those within copy groups included.
 */
final class AssembleResult {
  private final CanonicalRule canonicalRule;

  AssembleResult(CanonicalRule canonicalRule) {
    this.canonicalRule = canonicalRule;
  }

  /**
   * The result of {@code clustering}, whose same-story links and copy pairs to report all have
   * their pair, with passages, in {@code reported}.
   */
  ScanResult assemble(
      ArticleTable articles,
      CopyPairs copies,
      PairTable reported,
      Clustering clustering,
      List<SkippedFile> skipped) {
    // articles are numbered in id order, so sorting the pairs' index keys sorts them by ids
    long[] keys = new long[copies.pairs().size() + clustering.links().size()];
    int size = 0;
    for (int i = 0; i < copies.pairs().size(); i++) {
      keys[size++] = copies.pairs().key(i);
    }
    for (ScoredEdge link : clustering.links()) {
      keys[size++] = CandidatePair.key(link.a(), link.b());
    }
    Arrays.parallelSort(keys);
    // A derived pair can cross two stories (a round-up retelling parts of both): it is reported,
    // and the stories are told by the pairs within them.
    int[] storyOf = clustering.storyOf();
    List<ArticlePair> pairs = new ArrayList<>(keys.length);
    List<ArticlePair> within = new ArrayList<>(keys.length);
    for (long key : keys) {
      CandidatePair ends = CandidatePair.ofKey(key);
      ArticlePair pair = reported.get(key);
      if (copies.sameGroup(ends.a(), ends.b())) {
        pair = copies.pairs().get(key); // the group stands for it; its passages are not searched
      } else {
        pairs.add(pair);
      }
      if (storyOf[ends.a()] == storyOf[ends.b()]) {
        within.add(pair);
      }
    }
    List<ArticleInfo> infos = articles.infos();
    List<Story> stories = new StoryBuilder(canonicalRule).build(infos, within, storyOf);
    List<CopyGroup> copyGroups = copyGroups(articles, copies, reported);
    int groups = (int) stories.stream().filter(story -> story.size() > 1).count();
    int copyArticles = copyGroups.stream().mapToInt(CopyGroup::size).sum();
    ScanSummary summary =
        new ScanSummary(
            infos.size() + skipped.size(),
            infos.size(),
            skipped.size(),
            groups,
            pairs.size(),
            copyGroups.size(),
            copyArticles);
    return new ScanResult(infos, stories, copyGroups, pairs, skipped, summary);
  }

  /** The copy groups, largest first, then by representative; ids {@code c1}, {@code c2}... */
  private static List<CopyGroup> copyGroups(
      ArticleTable articles, CopyPairs copies, PairTable reported) {
    List<CopyPairs.Group> groups = new ArrayList<>(copies.copyGroups());
    groups.sort(
        Comparator.comparingInt((CopyPairs.Group group) -> group.members().length)
            .reversed()
            .thenComparingInt(CopyPairs.Group::representative));
    List<CopyGroup> result = new ArrayList<>(groups.size());
    for (CopyPairs.Group group : groups) {
      List<String> members = new ArrayList<>(group.members().length);
      for (int member : group.members()) {
        members.add(articles.id(member));
      }
      result.add(
          new CopyGroup(
              "c" + (result.size() + 1),
              articles.id(group.representative()),
              members,
              group.relation(),
              reported.get(group.evidenceKey())));
    }
    return result;
  }
}
