package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.RetoldSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the facade asks of this package: the source of a path a scan is given (a JSON Lines file or
 * a folder), and one file read as an article, as a scan would read it.
 */
public final class ArticleFiles {
  private ArticleFiles() {}

  /**
   * The articles under {@code path}: the lines of a JSON Lines file ({@code .jsonl}, {@code
   * .ndjson}, either of them {@code .gz}), the pages of a WARC file ({@code .warc}, {@code
   * .warc.gz}), else every file of the folder; progress is told as stage {@code "load"}.
   *
   * @throws IOException if {@code path} is missing, not a folder (nor a JSON Lines or WARC file),
   *     or cannot be listed or opened
   */
  public static ArticleSource source(Path path, RetoldSettings settings, ProgressListener progress)
      throws IOException {
    LoadListener listener = (done, total) -> progress.progress("load", done, total);
    if (Files.isRegularFile(path) && JsonLinesLoader.isJsonLines(path)) {
      return new JsonLinesLoader(settings.loading(), listener, settings.threads()).source(path);
    }
    if (Files.isRegularFile(path) && WarcRecords.isWarc(path.getFileName().toString())) {
      if (!Files.isReadable(path)) {
        throw new AccessDeniedException(path.toString(), null, "WARC file is not readable");
      }
      WarcRecords records =
          new WarcRecords(new ArticleReader(settings.loading(), true), settings.threads());
      return new WarcSource(path, records, listener);
    }
    return FolderLoader.builder()
        .loading(settings.loading())
        .threads(settings.threads())
        .listener(listener)
        .build()
        .source(path);
  }

  /**
   * {@code file} read as the article {@code id}, as a scan of its folder would read it.
   *
   * @throws IOException if the file cannot be read, or is not an article: the message says why
   */
  public static Article read(Path file, String id, RetoldSettings.Loading loading)
      throws IOException {
    // a named FIFO would block the run for good; a folder is the reader's to refuse
    String notRegular = Files.isDirectory(file) ? null : FileKind.checkRegular(file);
    ReadResult result =
        notRegular == null
            ? new ArticleReader(loading, true).read(file, id)
            : new ReadResult.Skipped(notRegular);
    if (result instanceof ReadResult.Skipped skipped) {
      throw new IOException("cannot read " + id + " as an article: " + skipped.reason());
    }
    return ((ReadResult.Loaded) result).article();
  }
}
