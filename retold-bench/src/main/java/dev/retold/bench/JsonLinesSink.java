package dev.retold.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every article as one line of {@code OUTPUT/articles.jsonl}: a JSON object with {@code id},
 * {@code text}, {@code title}, {@code date} and {@code url}, in that order, which is the shape
 * Retold reads. The labels' {@code file} is the article's id.
 */
final class JsonLinesSink implements ArticleSink {
  static final String FILE_NAME = "articles.jsonl";

  private final CountingOutputStream counter;
  private final JsonGenerator json;
  private final LabelsWriter labels;
  private long articles;

  JsonLinesSink(Path output) throws IOException {
    ArticleSinks.requireEmptyFolder(output);
    Files.createDirectories(output);
    counter = new CountingOutputStream(Files.newOutputStream(output.resolve(FILE_NAME)));
    json =
        new JsonFactory()
            .setRootValueSeparator(null)
            .createGenerator(new BufferedOutputStream(counter, 1 << 16));
    labels = new LabelsWriter(output);
  }

  @Override
  public void accept(GeneratedArticle article) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", article.id());
    json.writeStringField("text", article.text());
    json.writeStringField("title", article.title());
    json.writeStringField("date", article.date());
    json.writeStringField("url", article.url());
    json.writeEndObject();
    json.writeRaw('\n');
    labels.write(article.id(), article);
    articles++;
  }

  @Override
  public long articles() {
    return articles;
  }

  @Override
  public long bytes() {
    return counter.count() + labels.bytes();
  }

  @Override
  public void close() throws IOException {
    try (labels) {
      json.close();
    }
  }
}
