package dev.retold.spark;

import dev.retold.ArticleSource;
import dev.retold.SkippedFile;
import dev.retold.load.SlicedSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * A worker's task: reads its slices of the input, in order, and sketches each article with the
 * core's sketcher; skipped entries come back with their reasons. A source that cannot be read in
 * slices is one slice, read whole.
 */
final class SketchSlices implements FlatMapFunction<Iterator<Integer>, Sketched> {
  private static final long serialVersionUID = 1L;

  private final String scan;
  private final String input;
  private final Recipe recipe;

  SketchSlices(String scan, String input, Recipe recipe) {
    this.scan = scan;
    this.input = input;
    this.recipe = recipe;
  }

  @Override
  public Iterator<Sketched> call(Iterator<Integer> slices) throws IOException {
    Workers.Worker worker = Workers.of(scan, input, recipe);
    List<Sketched> out = new ArrayList<>();
    Consumer<List<ArticleSource.Located>> sketch =
        batch -> {
          for (ArticleSource.Located located : batch) {
            out.add(
                Sketched.article(
                    worker.engine().sketch(located),
                    located.article().id(),
                    located.position(),
                    null));
          }
        };
    while (slices.hasNext()) {
      int slice = slices.next();
      List<SkippedFile> skipped =
          worker.source() instanceof SlicedSource sliced
              ? sliced.read(slice, sketch)
              : worker.source().read(sketch);
      for (SkippedFile file : skipped) {
        out.add(Sketched.skipped(file.path(), file.reason()));
      }
    }
    return out.iterator();
  }
}
