/**
 * Scores candidate pairs exactly and names their relation: shingle-set overlap ({@link
 * dev.retold.similarity.ShingleOverlap}: Jaccard and containment both ways), the relation it
 * implies ({@link dev.retold.similarity.RelationClassifier}), which side is the origin ({@link
 * dev.retold.similarity.OriginRule}) and the shared passages that are the evidence ({@link
 * dev.retold.similarity.SharedPassageFinder}). Finding candidates is the {@code index} package's
 * job; grouping pairs into stories is {@code cluster}'s. Internal: not exported by the module.
 */
package dev.retold.similarity;
