package dev.retold.scan;

import dev.retold.cluster.ScoredEdge;
import java.util.List;

/**
 * The stories of a scan at one story threshold: each article's story, and the same-story links, the
 * story candidates within a story (at or above the story floor) that are not copy pairs.
 *
 * @param threshold the story threshold the stories were cut at
 * @param storyOf each article's story, named by its smallest article index
 * @param links the same-story links, by (a, b)
 */
record Clustering(double threshold, int[] storyOf, List<ScoredEdge> links) {
  Clustering {
    links = List.copyOf(links);
  }
}
