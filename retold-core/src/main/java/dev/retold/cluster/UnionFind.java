package dev.retold.cluster;

/**
 * Disjoint sets over the integers {@code 0..size-1}, with path halving and union by size: near
 * constant time per operation. Not thread-safe.
 */
public final class UnionFind {
  private final int[] parent;
  private final int[] size;

  /** Every element in a set of its own. */
  public UnionFind(int elements) {
    if (elements < 0) {
      throw new IllegalArgumentException("elements must be >= 0: " + elements);
    }
    parent = new int[elements];
    size = new int[elements];
    for (int i = 0; i < elements; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  /** The representative of the element's set. */
  public int find(int element) {
    int x = element;
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of {@code a} and {@code b}. */
  public void union(int a, int b) {
    int rootA = find(a);
    int rootB = find(b);
    if (rootA == rootB) {
      return;
    }
    if (size[rootA] < size[rootB]) {
      int swap = rootA;
      rootA = rootB;
      rootB = swap;
    }
    parent[rootB] = rootA;
    size[rootA] += size[rootB];
  }
}
