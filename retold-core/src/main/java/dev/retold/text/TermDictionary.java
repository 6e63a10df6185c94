package dev.retold.text;

import java.util.Arrays;

/**
 * Gives each distinct term hash a small {@code int} id, so that a million articles' weighted terms
 * cost 8 bytes a term (id and weight) rather than 16. Terms are added from many threads at once;
 * the ids handed out then depend on timing, so once every term is in, {@link #ranks()} renumbers
 * them by hash order, which depends only on the set of terms: sorting a vector by final id sorts it
 * by hash, as before, and the output is the same for any thread count or input order.
 *
 * <p>Sharded by hash into {@value #SHARDS} open-addressing tables, each locked on its own; a
 * provisional id is {@code shard + SHARDS * (index within shard)}. About 24 bytes per distinct
 * term.
 */
public final class TermDictionary {
  private static final int SHARDS = 64;

  private final Shard[] shards = new Shard[SHARDS];

  /** An empty dictionary. */
  public TermDictionary() {
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard();
    }
  }

  /**
   * Replaces each term hash in {@code terms[0, count)} by its provisional id, adding terms not yet
   * seen. Thread-safe.
   *
   * @return the ids, in the order of {@code terms}
   */
  public int[] intern(long[] terms, int count) {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      long term = terms[i];
      int shard = shardOf(term);
      ids[i] = shard + SHARDS * shards[shard].intern(term);
    }
    return ids;
  }

  /** How many distinct terms. Call once no thread adds any more. */
  public int size() {
    int size = 0;
    for (Shard shard : shards) {
      size += shard.size;
    }
    return size;
  }

  /**
   * The final id of each provisional id, {@code 0..size()-1} in the order of the term hashes
   * (signed {@code long} order); provisional ids never handed out map to -1. Call once no thread
   * adds any more.
   */
  public int[] ranks() {
    int size = size();
    long[] packedTerms = new long[size];
    int[] provisional = new int[size];
    int at = 0;
    int maxProvisional = 0;
    for (int s = 0; s < SHARDS; s++) {
      Shard shard = shards[s];
      for (int i = 0; i < shard.size; i++) {
        packedTerms[at] = shard.terms[i];
        provisional[at] = s + SHARDS * i;
        maxProvisional = Math.max(maxProvisional, provisional[at]);
        at++;
      }
    }
    long[] sortedTerms = packedTerms.clone();
    Arrays.parallelSort(sortedTerms);
    int[] ranks = new int[size == 0 ? 0 : maxProvisional + 1];
    Arrays.fill(ranks, -1);
    for (int i = 0; i < size; i++) {
      ranks[provisional[i]] = Arrays.binarySearch(sortedTerms, packedTerms[i]);
    }
    return ranks;
  }

  private static int shardOf(long term) {
    return (int) ((term * 0x9E3779B97F4A7C15L) >>> 58);
  }

  /**
   * One shard: an open-addressing table of term hashes to their index in insertion order. Each slot
   * is two adjacent {@code long}s, the term and its index + 1 (0: empty), so a lookup touches one
   * cache line.
   */
  private static final class Shard {
    private long[] table = new long[2 * 128];
    private long[] terms = new long[64];
    private int size;

    synchronized int intern(long term) {
      int mask = table.length / 2 - 1;
      int slot = mix(term) & mask;
      while (table[2 * slot + 1] != 0) {
        if (table[2 * slot] == term) {
          return (int) table[2 * slot + 1] - 1;
        }
        slot = (slot + 1) & mask;
      }
      if (size == terms.length) {
        terms = Arrays.copyOf(terms, size * 2);
      }
      terms[size] = term;
      table[2 * slot] = term;
      table[2 * slot + 1] = ++size;
      if (size * 2 > table.length / 2) {
        rehash();
      }
      return size - 1;
    }

    private void rehash() {
      long[] grown = new long[table.length * 2];
      int mask = grown.length / 2 - 1;
      for (int index = 0; index < size; index++) {
        int slot = mix(terms[index]) & mask;
        while (grown[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        grown[2 * slot] = terms[index];
        grown[2 * slot + 1] = index + 1;
      }
      table = grown;
    }

    private static int mix(long term) {
      long z = term * 0xBF58476D1CE4E5B9L;
      return (int) (z ^ (z >>> 32));
    }
  }
}
