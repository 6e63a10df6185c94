package dev.retold.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StoreCodec}: Bloom filters that change no answer, on old segments and new. */
class StoreCodecTest {
  @TempDir Path folder;

  /**
   * Segments written without filters, then with them, then merged: every term held is found with
   * its true count, terms never written are not, and the merged segment keeps a filter file.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void filtersChangeNoCountOldSegmentsOrNew(long seed) throws IOException {
    Random random = new Random(seed);
    Map<Long, Integer> held = new HashMap<>();
    try (Directory directory = FSDirectory.open(folder)) {
      try (IndexWriter plain = new IndexWriter(directory, new IndexWriterConfig())) {
        addArticles(plain, random, 200, held);
      }
      IndexWriterConfig filtered = new IndexWriterConfig();
      filtered.setCodec(new StoreCodec(Map.of("term", 8)));
      try (IndexWriter writer = new IndexWriter(directory, filtered)) {
        addArticles(writer, random, 200, held);
        writer.commit();
        assertCounts(directory, random, held);
        writer.forceMerge(1);
        writer.commit();
        assertCounts(directory, random, held);
      }
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(Path::toString)).anyMatch(name -> name.endsWith(".blm"));
    }
  }

  /** {@code count} articles of 1 to 8 terms drawn from 1 to 2,000, counted in {@code held}. */
  private static void addArticles(
      IndexWriter writer, Random random, int count, Map<Long, Integer> held) throws IOException {
    for (int i = 0; i < count; i++) {
      Document document = new Document();
      for (long term : random.longs(1 + random.nextInt(8), 1, 2_000).distinct().toArray()) {
        document.add(new StringField("term", bytes(term), Field.Store.NO));
        held.merge(term, 1, Integer::sum);
      }
      writer.addDocument(document);
      if (i % 50 == 49) {
        writer.flush(); // several segments
      }
    }
  }

  private static void assertCounts(Directory directory, Random random, Map<Long, Integer> held)
      throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (Map.Entry<Long, Integer> term : held.entrySet()) {
        assertThat(reader.docFreq(new Term("term", bytes(term.getKey()))))
            .as("term %d", term.getKey())
            .isEqualTo(term.getValue());
      }
      for (int i = 0; i < 500; i++) {
        long absent = 2_000 + random.nextInt(1_000_000);
        assertThat(reader.docFreq(new Term("term", bytes(absent)))).isZero();
      }
    }
  }

  private static BytesRef bytes(long term) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[i] = (byte) (term >>> (56 - 8 * i));
    }
    return new BytesRef(bytes);
  }
}
