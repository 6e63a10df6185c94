package dev.retold.bench;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The ways to write a corpus. Each takes an output folder that must be absent or empty (a corpus is
 * never mixed with another), and writes {@code labels.tsv} in it beside the articles, outside the
 * articles themselves so a scan never reads the labels.
 */
public final class ArticleSinks {
  /** The shard size the command line uses: a thousand files per folder. */
  public static final int DEFAULT_SHARD_SIZE = 1000;

  private ArticleSinks() {}

  /**
   * A folder of text files: {@code OUTPUT/articles/[SHARD/]ID.txt}, each YAML front matter (title,
   * date, url) then the text; {@code shardSize} files per subfolder ({@code 00000}, {@code
   * 00001}...), or all in one folder if 0. The labels' {@code file} is the path below {@code
   * OUTPUT/articles}.
   */
  public static ArticleSink folder(Path output, int shardSize) throws IOException {
    return new FolderSink(output, shardSize);
  }

  /**
   * One JSON Lines file, {@code OUTPUT/articles.jsonl}: per line an object with {@code id}, {@code
   * text}, {@code title}, {@code date}, {@code url}. The labels' {@code file} is the id.
   */
  public static ArticleSink jsonLines(Path output) throws IOException {
    return new JsonLinesSink(output);
  }

  /** Refuses an output that exists and is a file or a folder that is not empty. */
  static void requireEmptyFolder(Path output) throws IOException {
    if (!Files.exists(output)) {
      return;
    }
    if (!Files.isDirectory(output)) {
      throw new NotDirectoryException(output.toString());
    }
    try (Stream<Path> entries = Files.list(output)) {
      if (entries.findAny().isPresent()) {
        throw new DirectoryNotEmptyException(output.toString());
      }
    }
  }
}
