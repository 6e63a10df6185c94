package dev.retold.load;

import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link ArticleSource} that can also be read in slices, each on its own: by another thread, or
 * by a worker of a distributed scan that opened the same source. Read one after the other, in
 * order, the slices hand out the articles (with their positions) and skip the entries that {@link
 * #read(Consumer)} does; only the batches may be cut differently, and a slice that cannot know the
 * ids of the others (the lines of a JSON Lines file) hands out an article whose id an earlier one
 * has: whoever takes the slices in order skips it, with the entry {@link #repeated} gives, as
 * {@link #read(Consumer)} does.
 */
public interface SlicedSource extends ArticleSource {
  /** How many slices there are; at least 0. */
  int slices();

  /**
   * Reads slice {@code slice} only.
   *
   * @return the entries of that slice that could not be read as articles, with their reasons
   * @throws IOException if the source itself (not one of its entries) cannot be read
   * @throws IndexOutOfBoundsException unless {@code 0 <= slice < slices()}
   */
  List<SkippedFile> read(int slice, Consumer<List<Located>> batches) throws IOException;

  /**
   * The skipped entry for the article at {@code position}, whose id {@code id} the article handed
   * out before it at {@code first} has (the first article with an id wins, as in {@link
   * #read(Consumer)}).
   *
   * @throws IOException if the source cannot be read to name the entry
   * @throws IllegalArgumentException if this source's slices never repeat an id (the default): two
   *     articles with one id are then not the source's
   */
  default SkippedFile repeated(String id, long first, long position) throws IOException {
    throw new IllegalArgumentException("two articles share the id " + id);
  }
}
