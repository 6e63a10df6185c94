package dev.retold.cli;

import dev.retold.StoryIndex;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code retold index}: a story index that lasts between runs. Articles are added as they arrive,
 * each joining the story it retells or starting one, under story ids that never change.
 */
@Command(
    name = "index",
    header = "Keep a story index on disk: add articles as they arrive, ask which story one tells.",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    description = {
      "A folder (--index DIR) that holds articles and their stories between runs. 'add' puts"
          + " articles in it, each joining the story it retells (as one 'retold scan' of every"
          + " article in the index would group them) or starting one; 'query' says which story a"
          + " file tells without adding it; 'stories' lists them all; 'remove' takes articles"
          + " out; 'rebuild' regroups them all as one scan. A story keeps its id as it grows;"
          + " when two merge, the older id stays and the other still resolves to it. Each add"
          + " or remove is on disk when the command returns. Use the same scan options on"
          + " every run."
    },
    subcommands = {
      IndexCommand.Add.class,
      IndexCommand.Query.class,
      IndexCommand.Stories.class,
      IndexCommand.Remove.class,
      IndexCommand.Rebuild.class
    })
final class IndexCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is needed: add, query, stories, remove or rebuild");
  }

  /** The output formats of the index commands. */
  enum Format {
    TEXT(ReportFormat.TEXT),
    JSON(ReportFormat.JSON);

    final ReportFormat report;

    Format(ReportFormat report) {
      this.report = report;
    }
  }

  /** The options every index command takes. */
  static final class IndexOptions {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        required = true,
        description = "The index folder (created by the first add).")
    Path folder;

    @Option(
        names = "--regroup-up-to",
        paramLabel = "N",
        description =
            "Regroup every article on each change while the index holds at most N (default:"
                + " always, which gives exactly one scan's stories); past N, new articles are"
                + " placed among the stories as they stand, and the index regroups again each"
                + " time it has doubled, up to 16,384 articles: faster, close to a scan's"
                + " stories, not the same (docs/PERFORMANCE.md). 'rebuild' regroups whatever"
                + " N is.")
    Integer regroupUpTo;
  }

  /** The output format option of the commands that print stories. */
  static final class FormatOption {
    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "TEXT",
        description = "Output format: text or json (default: text).")
    Format format;
  }

  /** Opens the index as the scan options say. */
  private static StoryIndex open(IndexOptions index, SettingsOptions settings, CommandSpec spec)
      throws IOException {
    if (index.regroupUpTo == null) {
      return StoryIndex.open(index.folder, settings.retold(spec.commandLine()));
    }
    if (index.regroupUpTo < 0) {
      throw new ParameterException(
          spec.commandLine(), "--regroup-up-to must be 0 or more: " + index.regroupUpTo);
    }
    return StoryIndex.open(index.folder, settings.retold(spec.commandLine()), index.regroupUpTo);
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      defaultValueProvider = SettingsDefaults.class,
      header = "Add articles; print each one's story and relation.",
      description = {
        "Reads each PATH as 'retold scan' reads one (a folder, a JSON Lines or WARC file, or one"
            + " file) and adds its articles in one commit: per article its path, story, relation"
            + " to the story's canonical article, and whether the story is new. An article the"
            + " index holds unchanged is left as it is; a changed one replaces its old version."
      })
  static final class Add implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders or files to add.")
    List<Path> paths;

    @Option(
        names = "--keep-days",
        paramLabel = "N",
        description =
            "A retention window: articles dated more than N days before today leave the index"
                + " (in the same commit), and older ones read are not added. Undated articles stay.")
    Integer keepDays;

    @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
    boolean noProgress;

    @Mixin IndexOptions index = new IndexOptions();
    @Mixin FormatOption output = new FormatOption();
    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (keepDays != null && keepDays < 0) {
        throw new ParameterException(
            spec.commandLine(), "--keep-days must be 0 or more: " + keepDays);
      }
      LocalDate keepFrom = keepDays == null ? null : LocalDate.now().minusDays(keepDays);
      StoryIndex.Update update;
      try (StoryIndex stories = open(index, settings, spec)) {
        update =
            ProgressBar.during(
                !noProgress, progress -> stories.addFiles(paths, keepFrom, progress));
      }
      output.format.report.writeIndexUpdate(update, spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      defaultValueProvider = SettingsDefaults.class,
      header = "Say which story each file tells, without adding it.",
      description = {
        "Matches each FILE against the index as 'add' would, and adds nothing: its story, the"
            + " story's canonical article, its relation and its best story similarity with a"
            + " member; or 'no story'."
      })
  static final class Query implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to match.")
    List<Path> files;

    @Mixin IndexOptions index = new IndexOptions();
    @Mixin FormatOption output = new FormatOption();
    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Map<String, Optional<StoryIndex.Match>> matches = new LinkedHashMap<>();
      try (StoryIndex stories = open(index, settings, spec)) {
        for (Path file : files) {
          matches.put(file.toString(), stories.query(file));
        }
      }
      output.format.report.writeIndexMatches(matches, spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "stories",
      mixinStandardHelpOptions = true,
      defaultValueProvider = SettingsDefaults.class,
      header = "List every story of the index.",
      description = {
        "Every story, largest first, as 'retold scan' lists them (in JSON the same layout:"
            + " articles with their story, stories with their canonical article and members),"
            + " under the index's story ids; no pairs or passages: 'retold scan' of the same"
            + " files gives those."
      })
  static final class Stories implements Callable<Integer> {
    @Mixin IndexOptions index = new IndexOptions();
    @Mixin FormatOption output = new FormatOption();
    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (StoryIndex stories = open(index, settings, spec)) {
        output.format.report.write(stories.stories(), spec.commandLine().getOut());
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      defaultValueProvider = SettingsDefaults.class,
      header = "Take articles out of the index.",
      description = {
        "Removes the articles of these ids (their paths, as 'add' printed them) in one commit"
            + " and regroups the rest; a story keeps its id. Prints each id removed; an id the"
            + " index does not hold is named on standard error."
      })
  static final class Remove implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "The articles' ids.")
    List<String> ids;

    @Mixin IndexOptions index = new IndexOptions();
    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      List<String> removed;
      try (StoryIndex stories = open(index, settings, spec)) {
        removed = stories.remove(ids);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String id : removed) {
        out.println("removed  " + Visible.of(id));
      }
      for (String id : ids) {
        if (!removed.contains(id)) {
          spec.commandLine().getErr().println("retold: not in the index: " + Visible.of(id));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      defaultValueProvider = SettingsDefaults.class,
      header = "Regroup every article of the index as one scan of them all.",
      description = {
        "Regroups every article as 'retold scan' of them all would, in one commit, and weighs"
            + " each again by the index as it now stands: after articles were placed (past"
            + " --regroup-up-to), or after the scan options changed. Stories keep their ids"
            + " (when two merge, the older one). Prints how many articles it holds and how many"
            + " changed story or relation."
      })
  static final class Rebuild implements Callable<Integer> {
    @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
    boolean noProgress;

    @Mixin IndexOptions index = new IndexOptions();
    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      int moved;
      int size;
      try (StoryIndex stories = open(index, settings, spec)) {
        moved = ProgressBar.during(!noProgress, stories::rebuild);
        size = stories.size();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "rebuilt  %d articles: %d changed story or relation%n", size, moved);
      out.flush();
      return 0;
    }
  }
}
