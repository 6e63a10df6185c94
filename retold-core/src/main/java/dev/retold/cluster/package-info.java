/**
 * Groups related articles into stories: connected components over the verified pairs, a canonical
 * article per story ({@link dev.retold.CanonicalRule}), and each member's relation to it. Scoring
 * pairs is not done here ({@code similarity} does it); this package only reads the pairs.
 */
package dev.retold.cluster;
