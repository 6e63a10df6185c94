package dev.retold.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes each article to {@code OUTPUT/articles/[SHARD/]ID.txt}: YAML front matter (title, date,
 * url), then the text. With a shard size, the n-th article goes to the folder {@code n / shardSize}
 * written with five digits ({@code 00000}, {@code 00001}...), so no folder holds more than the
 * shard size. The labels' {@code file} is the path below {@code OUTPUT/articles}, the folder to
 * scan, with {@code /} separators.
 */
final class FolderSink implements ArticleSink {
  static final String ARTICLES = "articles";

  private final Path articlesFolder;
  private final int shardSize;
  private final LabelsWriter labels;
  private Path shard;
  private long articles;
  private long articleBytes;
  private boolean closed;

  FolderSink(Path output, int shardSize) throws IOException {
    if (shardSize < 0) {
      throw new IllegalArgumentException("shardSize must be >= 0 (0 for no shards): " + shardSize);
    }
    ArticleSinks.requireEmptyFolder(output);
    this.articlesFolder = Files.createDirectories(output.resolve(ARTICLES));
    this.shardSize = shardSize;
    this.shard = articlesFolder;
    this.labels = new LabelsWriter(output);
  }

  @Override
  public void accept(GeneratedArticle article) throws IOException {
    if (closed) {
      throw new IllegalStateException("the sink is closed");
    }
    String file = article.id() + ".txt";
    if (shardSize > 0) {
      String shardName = String.format(Locale.ROOT, "%05d", articles / shardSize);
      if (articles % shardSize == 0) {
        shard = Files.createDirectories(articlesFolder.resolve(shardName));
      }
      file = shardName + "/" + file;
    }
    byte[] bytes = document(article).getBytes(StandardCharsets.UTF_8);
    Files.write(shard.resolve(article.id() + ".txt"), bytes);
    articleBytes += bytes.length;
    labels.write(file, article);
    articles++;
  }

  /** The file's content: front matter with the title, date and address, then the text. */
  static String document(GeneratedArticle article) {
    return "---\ntitle: \""
        + article.title()
        + "\"\ndate: "
        + article.date()
        + "\nurl: "
        + article.url()
        + "\n---\n"
        + article.text()
        + "\n";
  }

  @Override
  public long articles() {
    return articles;
  }

  @Override
  public long bytes() {
    return articleBytes + labels.bytes();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    labels.close();
  }
}
