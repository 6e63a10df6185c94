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
 * #read(Consumer)} does; only the batches may be cut differently.
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
}
