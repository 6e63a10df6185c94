/**
 * Groups articles into stories: shared-nearest-neighbour re-scoring of the story graph ({@link
 * dev.retold.cluster.SharedNeighbourSimilarity}), average-link clustering that starts from the copy
 * groups and never undoes them ({@link dev.retold.cluster.AverageLinkClusterer}: one bridge article
 * cannot join two stories, as it would under connected components), and the stories of a clustering
 * with their canonical articles and each member's relation ({@link
 * dev.retold.cluster.StoryBuilder}). Scoring pairs is {@code similarity}'s job; this package only
 * reads scores and pairs. Internal: not exported by the module.
 */
package dev.retold.cluster;
