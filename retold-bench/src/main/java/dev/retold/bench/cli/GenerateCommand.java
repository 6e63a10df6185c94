package dev.retold.bench.cli;

import dev.retold.bench.ArticleSink;
import dev.retold.bench.ArticleSinks;
import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retold-bench generate}: writes a labelled corpus to a folder. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    sortOptions = false,
    description = {
      "Writes a deterministic corpus of English-like news articles: planted stories",
      "(originals, near-duplicates, derived rewrites and excerpts, same-story",
      "retellings), unrelated singletons, and labels.tsv saying which is which:",
      "DIR/articles/SHARD/ID.txt (files) or DIR/articles.jsonl (jsonl), and",
      "DIR/labels.tsv."
    })
final class GenerateCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    FILES,
    JSONL
  }

  @Option(
      names = {"-n", "--articles"},
      paramLabel = "N",
      defaultValue = "10000",
      description = "How many articles (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "42",
      description = "The seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "FILES",
      description = "files or jsonl (default: files).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      required = true,
      description = "The output folder; it must be absent or empty.")
  Path output;

  @Option(
      names = "--mean-words",
      paramLabel = "WORDS",
      defaultValue = "600",
      description = "Mean article length in words (default: ${DEFAULT-VALUE}).")
  int meanWords;

  @Option(
      names = "--singleton-share",
      paramLabel = "SHARE",
      defaultValue = "0.5",
      description = "Share of articles that belong to no story (default: ${DEFAULT-VALUE}).")
  double singletonShare;

  @Option(
      names = "--shard-size",
      paramLabel = "FILES",
      defaultValue = "1000",
      description =
          "Files per subfolder for the files format, 0 for none (default: ${DEFAULT-VALUE}).")
  int shardSize;

  @Option(
      names = "--progress-every",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Report progress on standard error every N articles, 0 never (default:"
              + " ${DEFAULT-VALUE}).")
  long progressEvery;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CorpusGenerator generator;
    try {
      if (shardSize < 0) {
        throw new IllegalArgumentException("--shard-size must be >= 0: " + shardSize);
      }
      if (progressEvery < 0) {
        throw new IllegalArgumentException("--progress-every must be >= 0: " + progressEvery);
      }
      generator =
          CorpusGenerator.builder()
              .articles(articles)
              .seed(seed)
              .meanWords(meanWords)
              .singletonShare(singletonShare)
              .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    ArticleSink sink =
        format == Format.FILES
            ? ArticleSinks.folder(output, shardSize)
            : ArticleSinks.jsonLines(output);
    try (sink) {
      for (GeneratedArticle article : generator) {
        sink.accept(article);
        if (progressEvery > 0 && sink.articles() % progressEvery == 0) {
          err.println(progress(sink, start));
        }
      }
    }
    spec.commandLine().getOut().println("wrote " + progress(sink, start) + " to " + output);
    return 0;
  }

  private String progress(ArticleSink sink, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double megabytes = sink.bytes() / 1e6;
    return String.format(
        Locale.ROOT,
        "%d/%d articles, %.1f MB, %.1f s, %.1f MB/s",
        sink.articles(),
        articles,
        megabytes,
        seconds,
        megabytes / Math.max(seconds, 1e-9));
  }
}
