package dev.retold.scan;

import dev.retold.cluster.ScoredEdge;
import java.util.List;

/**
 * The story candidates of a scan with their scores: each edge's story score, and the same edges
 * re-scored by shared neighbours (those below the story floor dropped), which the clustering reads.
 *
 * @param edges the candidate pairs with their story scores, by (a, b)
 * @param neighbourEdges the edges at or above the floor, re-scored by shared neighbours, by (a, b)
 */
record StoryGraph(List<ScoredEdge> edges, List<ScoredEdge> neighbourEdges) {
  StoryGraph {
    edges = List.copyOf(edges);
    neighbourEdges = List.copyOf(neighbourEdges);
  }
}
