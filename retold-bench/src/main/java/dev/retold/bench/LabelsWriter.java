package dev.retold.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code labels.tsv}; the format is described on {@link ArticleSink}. */
final class LabelsWriter implements AutoCloseable {
  static final String FILE_NAME = "labels.tsv";
  static final String HEADER = "file\tstory\trelation\torigin\tdetail\n";

  private final CountingOutputStream counter;
  private final Writer out;

  LabelsWriter(Path folder) throws IOException {
    counter = new CountingOutputStream(Files.newOutputStream(folder.resolve(FILE_NAME)));
    out =
        new OutputStreamWriter(new BufferedOutputStream(counter, 1 << 16), StandardCharsets.UTF_8);
    out.write(HEADER);
  }

  void write(String file, GeneratedArticle article) throws IOException {
    out.write(file);
    out.write('\t');
    out.write(article.story());
    out.write('\t');
    out.write(article.relation());
    out.write('\t');
    out.write(article.origin() == null ? "-" : article.origin());
    out.write('\t');
    out.write(article.detail().isEmpty() ? "-" : article.detail());
    out.write('\n');
  }

  long bytes() {
    return counter.count();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
