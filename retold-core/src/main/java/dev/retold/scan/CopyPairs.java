package dev.retold.scan;

/**
 * The verified copy pairs of a scan, and the copy groups they make (articles joined by duplicate
 * and near-duplicate pairs, transitively), which every story contains whole. Derived pairs join no
 * group: the clustering weighs them as strong links ({@link ClusterStories}).
 *
 * @param pairs the copy pairs by key
 * @param groups each article's copy group, named by one of its members
 */
record CopyPairs(PairTable pairs, int[] groups) {}
