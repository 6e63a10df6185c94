package dev.retold.cli;

import dev.retold.Article;
import dev.retold.Comparison;
import dev.retold.IdPair;
import dev.retold.Passage;
import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.load.ArticleReader;
import dev.retold.load.FolderLoader;
import dev.retold.load.PairsFile;
import dev.retold.load.ReadResult;
import dev.retold.report.ComparisonJsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code retold compare A B [C...]}: scores named pairs of files, related or not, with the
 * evidence; for checking by hand why two articles were (or were not) linked.
 */
@Command(
    name = "compare",
    header = "Score articles against each other: relation, similarity, shared passages.",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    defaultValueProvider = SettingsDefaults.class,
    description = {
      "Reads each FILE as 'retold scan' reads an article and compares the first with each of"
          + " the others, or, with --pairs, each pair the pairs file lists. For each pair it"
          + " prints the relation (UNRELATED when none holds), the story similarity, the Jaccard"
          + " similarity and containment both ways of the word shingles, and the shared passages"
          + " (the longest three in text, every one reported in JSON). Term statistics come from"
          + " all the files named.",
      "",
      "The pairs file is tab-separated UTF-8, A<TAB>B per line, with paths as on the command"
          + " line (relative to the current folder); blank lines are ignored.",
      "",
      "JSON output is one object per pair per line (JSON Lines) with the fields a, b,"
          + " relation, similarity, jaccard, containment_a_in_b, containment_b_in_a and passages"
          + " (words, a_start, a_end, b_start, b_end, text; offsets are into each file's decoded"
          + " text). Scores are rounded to four decimals, as in 'retold scan --format json'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The pairs were compared.",
      "1:The run failed: a file is missing, unreadable or not an article, or the pairs file is"
          + " malformed.",
      "2:Bad usage."
    })
final class CompareCommand implements Callable<Integer> {
  /** Passages shown per pair in text; JSON has every passage the comparison reports. */
  static final int TEXT_PASSAGES = 3;

  /** The longest passage text shown in text output, in code points; JSON has it whole. */
  static final int TEXT_PASSAGE_CHARS = 200;


  /** The output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "The files; the first is compared with each other one unless --pairs is given.")
  List<String> files;

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description = "Compare the pairs this file lists (A<TAB>B per line) instead.")
  Path pairsFile;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "TEXT",
      description = "Output format: text or json (JSON Lines; default: text).")
  Format format;

  @Mixin SettingsOptions settings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    List<IdPair> pairs = new ArrayList<>();
    if (pairsFile == null) {
      ids.addAll(files == null ? List.of() : files);
      if (ids.size() < 2) {
        throw new ParameterException(
            spec.commandLine(), "compare needs two different files or more, or --pairs FILE");
      }
      List<String> named = new ArrayList<>(ids);
      for (String other : named.subList(1, named.size())) {
        pairs.add(new IdPair(named.get(0), other));
      }
    } else {
      pairs.addAll(PairsFile.read(pairsFile));
      for (IdPair pair : pairs) {
        ids.add(pair.a());
        ids.add(pair.b());
      }
      ids.addAll(files == null ? List.of() : files);
    }
    Retold retold = settings.retold(spec.commandLine(), ProgressListener.NONE);
    ArticleReader reader = FolderLoader.withDefaults().reader();
    List<Article> articles = new ArrayList<>();
    for (String id : ids) {
      articles.add(read(reader, id));
    }
    List<Comparison> comparisons = retold.compare(articles, pairs);
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < comparisons.size(); i++) {
      if (format == Format.JSON) {
        ComparisonJsonLines.write(comparisons.get(i), out);
      } else {
        if (i > 0) {
          out.println();
        }
        writeText(out, comparisons.get(i));
      }
    }
    out.flush();
    return 0;
  }

  /** Reads one file as the loader would, or says why it cannot be compared. */
  private static Article read(ArticleReader reader, String id) throws IOException {
    ReadResult result = reader.read(Path.of(id), id);
    if (result instanceof ReadResult.Skipped skipped) {
      throw new IOException("cannot compare " + id + ": " + skipped.reason());
    }
    return ((ReadResult.Loaded) result).article();
  }

  private static void writeText(PrintWriter out, Comparison comparison) {
    out.println("A            " + comparison.a());
    out.println("B            " + comparison.b());
    out.println("relation     " + comparison.relationName());
    out.println("similarity   " + EvaluateCommand.decimals(comparison.similarity()));
    out.println("jaccard      " + EvaluateCommand.decimals(comparison.jaccard()));
    out.println(
        "containment  A in B "
            + EvaluateCommand.decimals(comparison.containmentAInB())
            + ", B in A "
            + EvaluateCommand.decimals(comparison.containmentBInA()));
    List<Passage> passages = comparison.passages();
    if (passages.isEmpty()) {
      out.println("passages     none shared");
      return;
    }
    int shown = Math.min(TEXT_PASSAGES, passages.size());
    out.println(
        "passages     "
            + passages.size()
            + (passages.size() == 1 ? " shared" : " shared, the longest " + shown + ":"));
    for (Passage passage : passages.subList(0, shown)) {
      out.printf(
          "  %d words, A %d-%d, B %d-%d:%n    %s%n",
          passage.words(),
          passage.startA(),
          passage.endA(),
          passage.startB(),
          passage.endB(),
          shortened(passage.text()));
    }
  }

  /** {@code text} cut to {@link #TEXT_PASSAGE_CHARS} code points, with "..." if it was cut. */
  private static String shortened(String text) {
    if (text.codePointCount(0, text.length()) <= TEXT_PASSAGE_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, TEXT_PASSAGE_CHARS - 3)) + "...";
  }
}
