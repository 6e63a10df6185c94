package dev.retold.scan;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CanonicalRule;
import dev.retold.ScanResult;
import dev.retold.ScanSummary;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.StoryBuilder;
import dev.retold.index.CandidatePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan's last stage: one clustering's result. Its pairs are the copy pairs and the clustering's
 * same-story pairs, by their ids; its stories are the clustering's, each with its canonical article
 * and every member's relation to it ({@link StoryBuilder}).
 */
final class AssembleResult {
  private final CanonicalRule canonicalRule;

  AssembleResult(CanonicalRule canonicalRule) {
    this.canonicalRule = canonicalRule;
  }

  /**
   * The result of {@code clustering}, whose same-story links all have their pair in {@code
   * sameStory}.
   */
  ScanResult assemble(
      ArticleTable articles,
      CopyPairs copies,
      PairTable sameStory,
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
      ArticlePair pair = copies.pairs().get(key);
      pair = pair != null ? pair : sameStory.get(key);
      pairs.add(pair);
      CandidatePair ends = CandidatePair.ofKey(key);
      if (storyOf[ends.a()] == storyOf[ends.b()]) {
        within.add(pair);
      }
    }
    List<ArticleInfo> infos = articles.infos();
    List<Story> stories = new StoryBuilder(canonicalRule).build(infos, within, storyOf);
    int groups = (int) stories.stream().filter(story -> story.size() > 1).count();
    ScanSummary summary =
        new ScanSummary(
            infos.size() + skipped.size(), infos.size(), skipped.size(), groups, pairs.size());
    return new ScanResult(infos, stories, pairs, skipped, summary);
  }
}
