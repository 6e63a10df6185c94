package dev.retold.scan;

import dev.retold.RetoldSettings;
import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan's stories at one threshold: average-link clustering of the story scores relative to the
 * articles' backgrounds, started from the copy groups so that copies always nest in one story
 * ({@link AverageLinkClusterer}), and the same-story links that it puts in one story.
 */
final class ClusterStories {
  private final RetoldSettings.Stories stories;

  ClusterStories(RetoldSettings.Stories stories) {
    this.stories = stories;
  }

  /** The stories at {@code threshold}. */
  Clustering cluster(StoryGraph graph, CopyPairs copies, double threshold) {
    int[] storyOf =
        new AverageLinkClusterer(threshold)
            .cluster(
                copies.groups().length, graph.clusterEdges(), copies.groups(), graph.backgrounds());
    List<ScoredEdge> links = new ArrayList<>();
    for (ScoredEdge edge : graph.edges()) {
      if (edge.score() >= stories.minSimilarity()
          && storyOf[edge.a()] == storyOf[edge.b()]
          && !graph.apart(edge.a(), edge.b())
          && !copies.pairs().contains(CandidatePair.key(edge.a(), edge.b()))) {
        links.add(edge);
      }
    }
    return new Clustering(threshold, storyOf, links);
  }
}
