/**
 * Measures how well Retold's stories match a hand-labelled grouping of the same articles, for
 * calibrating settings and for checking in CI that a change did not make the grouping worse.
 *
 * <ul>
 *   <li>{@link dev.retold.evaluate.ClusterLabels}: reads a labels file ({@code file<TAB>cluster}
 *       per line) into a map from file to gold cluster.
 *   <li>{@link dev.retold.evaluate.ClusteringScores}: compares a predicted clustering with a gold
 *       one: pairwise and BCubed precision, recall and F1, and the adjusted Rand index.
 * </ul>
 *
 * <p>What does not live here: scanning (the {@link dev.retold.Retold} facade does that, and {@link
 * dev.retold.Retold#sweep} scans once for several story thresholds) and printing the scores (the
 * command line's {@code evaluate} command does that).
 */
package dev.retold.evaluate;
