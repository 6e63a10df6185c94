package dev.retold.load;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.ProgressListener;
import dev.retold.RetoldSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

  /** Whether {@code file} holds many articles (JSON Lines or WARC), as {@link #source} reads it. */
  public static boolean isCollection(Path file) {
    return JsonLinesLoader.isJsonLines(file) || WarcRecords.isWarc(file.getFileName().toString());
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

  /**
   * The articles {@code ids} of a scan of {@code path}, read again with their texts, for a report
   * that shows evidence where it stands: of a folder, each file's decoded text; of a JSON Lines
   * file, each line's text (the body itself, which its offsets point into). An id that can no
   * longer be read as an article (gone, changed into something else, a WARC record) is left out; so
   * is every id of a WARC file. Reads the articles one at a time, or the JSON Lines file once.
   */
  public static Map<String, ArticleReader.Source> sources(
      Path path, Collection<String> ids, RetoldSettings settings) throws IOException {
    Set<String> wanted = new HashSet<>(ids);
    Map<String, ArticleReader.Source> found = new HashMap<>();
    if (Files.isRegularFile(path) && JsonLinesLoader.isJsonLines(path)) {
      try (ArticleSource lines = source(path, settings, ProgressListener.NONE)) {
        lines.read(
            batch -> {
              for (ArticleSource.Located located : batch) {
                Article article = located.article();
                if (wanted.contains(article.id())) {
                  found.put(article.id(), new ArticleReader.Source(article.body(), article));
                }
              }
            });
      }
      return found;
    }
    if (!Files.isDirectory(path)) {
      return found;
    }
    Path root = path.toAbsolutePath().normalize();
    ArticleReader reader = new ArticleReader(settings.loading(), true);
    for (String id : new TreeSet<>(wanted)) {
      Path file = root.resolve(id).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        continue;
      }
      reader.source(file, id).ifPresent(source -> found.put(id, source));
    }
    return found;
  }

  /**
   * The files {@code ids} name (paths, relative to the current folder), each read again with its
   * text as {@link #read} reads it; a file that can no longer be read as an article is left out.
   */
  public static Map<String, ArticleReader.Source> sourcesOfFiles(
      Collection<String> ids, RetoldSettings settings) throws IOException {
    ArticleReader reader = new ArticleReader(settings.loading(), true);
    Map<String, ArticleReader.Source> found = new HashMap<>();
    for (String id : new TreeSet<>(ids)) {
      Path file = Path.of(id);
      if (Files.isRegularFile(file)) {
        reader.source(file, id).ifPresent(source -> found.put(id, source));
      }
    }
    return found;
  }
}
