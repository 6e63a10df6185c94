package dev.retold.spark;

import dev.retold.ArticleSource;
import dev.retold.load.JsonLinesLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * A worker's task for rows: each row, with its index, made the article its JSON Lines line is
 * ({@link RowLines}) and sketched at its index; a row that is no article comes back skipped, named
 * {@code row N} (N from 1), with the reason a line of a JSON Lines file would be.
 */
final class SketchRows implements FlatMapFunction<Iterator<Tuple2<Row, Long>>, Sketched> {
  private static final long serialVersionUID = 1L;

  private final String scan;
  private final Recipe recipe;
  private final RowLines lines;
  private final long maxLineBytes;

  /** Rows as {@code lines} writes them, a line over {@code maxLineBytes} skipped as too large. */
  SketchRows(String scan, Recipe recipe, RowLines lines, long maxLineBytes) {
    this.scan = scan;
    this.recipe = recipe;
    this.lines = lines;
    this.maxLineBytes = maxLineBytes;
  }

  /** The name of the row at {@code index} in skipped entries. */
  static String rowName(long index) {
    return "row " + (index + 1);
  }

  @Override
  public Iterator<Sketched> call(Iterator<Tuple2<Row, Long>> rows) {
    Workers.Worker worker = Workers.of(scan, null, recipe);
    List<Sketched> out = new ArrayList<>();
    while (rows.hasNext()) {
      Tuple2<Row, Long> row = rows.next();
      byte[] line = lines.line(row._1());
      if (line.length > maxLineBytes) {
        out.add(
            Sketched.skipped(
                rowName(row._2()),
                "too large (" + line.length + " bytes > limit " + maxLineBytes + ")"));
        continue;
      }
      JsonLinesLoader.Parsed parsed = JsonLinesLoader.parseLine(line);
      if (parsed.article() == null) {
        out.add(Sketched.skipped(rowName(row._2()), parsed.problem()));
      } else {
        byte[] sketch =
            worker.engine().sketch(new ArticleSource.Located(parsed.article(), row._2()));
        out.add(Sketched.article(sketch, parsed.article().id(), row._2(), line));
      }
    }
    return out.iterator();
  }
}
