package dev.retold.scan;

import dev.retold.ArticleInfo;
import dev.retold.fingerprint.MinHashSignature;
import dev.retold.text.TermDictionary;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ArticleSketch} before it joins a scan: its story terms as hashes rather than ids of the
 * scan's dictionary, and every shingle rather than a sample, so that it can be made anywhere
 * (another thread, another machine) knowing nothing of the other articles, and handed over as bytes
 * ({@link #encode}, {@link #decode}). A distributed scan finds the copy candidates from such
 * sketches on its workers ({@link ScanEngine#copyKeys}) and hands its driver the rest ({@link
 * ScanEngine#withoutCopyKeys}).
 *
 * @param info the article's metadata
 * @param position where its source reads it again
 * @param bodyHash {@link ArticleTable#bodyHash} of the body
 * @param wordsHash {@link ArticleSketcher#wordsHash} of the words, or 0 without shingles
 * @param signature the MinHash signature of the shingle set
 * @param shingles the shingle set (or the scan's sample of it), sorted
 * @param termHashes the story terms' hashes
 * @param termCounts each term's weighted count, in the order of {@code termHashes}
 * @param embedding the lead's embedding quantized, or {@code null} without an embedder
 */
record HashedSketch(
    ArticleInfo info,
    long position,
    long bodyHash,
    long wordsHash,
    MinHashSignature signature,
    long[] shingles,
    long[] termHashes,
    float[] termCounts,
    byte[] embedding) {

  /** Format of {@link #encode}: changes whenever its layout does. */
  private static final byte VERSION = 1;

  /** The sketch a scan keeps: terms interned in {@code dictionary}, shingles sampled. */
  ArticleSketch interned(int sampleBits, TermDictionary dictionary) {
    return new ArticleSketch(
        info,
        position,
        bodyHash,
        wordsHash,
        signature,
        ArticleSketcher.sample(shingles, sampleBits),
        dictionary.intern(termHashes, termHashes.length),
        termCounts,
        embedding);
  }

  /** The sketch as bytes, read back by {@link #decode} into an equal sketch. */
  byte[] encode() {
    Bytes out = new Bytes();
    out.buffer.put(VERSION);
    out.string(info.id());
    out.string(info.title());
    out.room(Long.BYTES + Integer.BYTES);
    out.buffer.putLong(info.date() == null ? Long.MIN_VALUE : info.date().toEpochDay());
    out.buffer.putInt(info.metadata().size());
    for (Map.Entry<String, String> field : info.metadata().entrySet()) {
      out.string(field.getKey());
      out.string(field.getValue());
    }
    out.room(Integer.BYTES);
    out.buffer.putInt(info.removedLines().size());
    info.removedLines().forEach(out::string);
    out.room(Integer.BYTES);
    out.buffer.putInt(info.length());
    out.room(3 * Long.BYTES);
    out.buffer.putLong(position).putLong(bodyHash).putLong(wordsHash);
    out.longs(signature.components());
    out.longs(shingles);
    out.longs(termHashes);
    out.room(Integer.BYTES + termCounts.length * Float.BYTES);
    out.buffer.putInt(termCounts.length);
    for (float count : termCounts) {
      out.buffer.putFloat(count);
    }
    out.room(Integer.BYTES + (embedding == null ? 0 : embedding.length));
    out.buffer.putInt(embedding == null ? -1 : embedding.length);
    if (embedding != null) {
      out.buffer.put(embedding);
    }
    byte[] bytes = new byte[out.buffer.position()];
    out.buffer.flip().get(bytes);
    return bytes;
  }

  /**
   * The sketch {@link #encode} wrote.
   *
   * @throws IllegalArgumentException if {@code bytes} are not a sketch of this format
   */
  static HashedSketch decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "a sketch of format " + version + ", not " + VERSION + ": made by another version");
    }
    String id = string(in);
    String title = string(in);
    long day = in.getLong();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = in.getInt(); i > 0; i--) {
      metadata.put(string(in), string(in));
    }
    List<String> removed = new ArrayList<>();
    for (int i = in.getInt(); i > 0; i--) {
      removed.add(string(in));
    }
    ArticleInfo info =
        new ArticleInfo(
            id,
            title,
            day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day),
            metadata,
            removed,
            in.getInt());
    long position = in.getLong();
    long bodyHash = in.getLong();
    long wordsHash = in.getLong();
    MinHashSignature signature = MinHashSignature.of(longs(in));
    long[] shingles = longs(in);
    long[] termHashes = longs(in);
    float[] termCounts = new float[in.getInt()];
    for (int i = 0; i < termCounts.length; i++) {
      termCounts[i] = in.getFloat();
    }
    int embeddingLength = in.getInt();
    byte[] embedding = null;
    if (embeddingLength >= 0) {
      embedding = new byte[embeddingLength];
      in.get(embedding);
    }
    return new HashedSketch(
        info,
        position,
        bodyHash,
        wordsHash,
        signature,
        shingles,
        termHashes,
        termCounts,
        embedding);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    char[] chars = new char[length];
    in.asCharBuffer().get(chars);
    in.position(in.position() + length * Character.BYTES);
    return new String(chars);
  }

  private static long[] longs(ByteBuffer in) {
    long[] values = new long[in.getInt()];
    in.asLongBuffer().get(values);
    in.position(in.position() + values.length * Long.BYTES);
    return values;
  }

  /** A growing buffer; strings as UTF-16 units, so any string comes back exactly. */
  private static final class Bytes {
    ByteBuffer buffer = ByteBuffer.allocate(1024);

    void room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer larger =
            ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
      }
    }

    void string(String value) {
      room(Integer.BYTES + (value == null ? 0 : value.length() * Character.BYTES));
      if (value == null) {
        buffer.putInt(-1);
        return;
      }
      buffer.putInt(value.length());
      for (int i = 0; i < value.length(); i++) {
        buffer.putChar(value.charAt(i));
      }
    }

    void longs(long[] values) {
      room(Integer.BYTES + values.length * Long.BYTES);
      buffer.putInt(values.length);
      buffer.asLongBuffer().put(values);
      buffer.position(buffer.position() + values.length * Long.BYTES);
    }
  }
}
