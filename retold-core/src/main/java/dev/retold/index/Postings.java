package dev.retold.index;

/**
 * The indexed hashes' documents laid out for counting shared hashes one document after another: a
 * compressed layout of each indexed hash's documents, hashes ordered by their first document, and
 * per document the places where it is followed by another document. Counting for document {@code a}
 * then reads, from each of its places on, the documents after it; counting for {@code a + 1} mostly
 * reads on where {@code a} left off, as the hashes {@code a} leads come first.
 *
 * <p>Memory: about 8 bytes per indexed entry (its document, and its place unless it is last) and 4
 * per document id. Never written after it is made, so any number of threads can read it.
 *
 * @param docs each indexed hash's documents in order, then {@link #END}; hashes ordered by their
 *     first document
 * @param docStart where each document id's places start in {@code places}, and the end
 * @param places per document, the positions in {@code docs} where it is followed by another
 *     document (where it is last, it pairs with nothing)
 */
record Postings(int[] docs, int[] docStart, int[] places) {
  /** Ends each indexed hash's documents in the postings (no document id is negative). */
  static final int END = -1;

  /**
   * The postings of document ids {@code [0, ids)} from each bucket's indexed hashes, as {@link
   * BucketRadixSort#bucketPostings} gives them; releases each bucket's array (sets it to {@code
   * null}) once it is copied.
   */
  static Postings byFirstDocument(int[][] bucketDocs, int ids) {
    // Lay the hashes out by first document: count what each document leads, then place it.
    int[] next = new int[ids + 1];
    for (int[] part : bucketDocs) {
      for (int from = 0, end; from < part.length; from = end + 1) {
        end = endOf(part, from);
        next[part[from] + 1] += end + 1 - from;
      }
    }
    for (int doc = 0; doc < ids; doc++) {
      next[doc + 1] += next[doc];
    }
    int[] docs = new int[next[ids]];
    for (int bucket = 0; bucket < bucketDocs.length; bucket++) {
      int[] part = bucketDocs[bucket];
      bucketDocs[bucket] = null;
      for (int from = 0, end; from < part.length; from = end + 1) {
        end = endOf(part, from);
        System.arraycopy(part, from, docs, next[part[from]], end + 1 - from);
        next[part[from]] += end + 1 - from;
      }
    }
    int[] docStart = new int[ids + 1];
    for (int place = 0; place < docs.length; place++) {
      if (docs[place] != END && docs[place + 1] != END) {
        docStart[docs[place] + 1]++;
      }
    }
    for (int doc = 0; doc < ids; doc++) {
      docStart[doc + 1] += docStart[doc];
    }
    int[] places = new int[docStart[ids]];
    System.arraycopy(docStart, 0, next, 0, ids);
    for (int place = 0; place < docs.length; place++) {
      if (docs[place] != END && docs[place + 1] != END) {
        places[next[docs[place]]++] = place;
      }
    }
    return new Postings(docs, docStart, places);
  }

  /** Where the documents of the hash starting at {@code docs[from]} end: the {@link #END}. */
  private static int endOf(int[] docs, int from) {
    int end = from + 1;
    while (docs[end] != END) {
      end++;
    }
    return end;
  }

  /** How many document ids there are counters for: the largest id added, plus one. */
  int ids() {
    return docStart.length - 1;
  }
}
