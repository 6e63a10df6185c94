package dev.retold.cli;

import dev.retold.Comparison;
import dev.retold.IdPair;
import dev.retold.Retold;
import dev.retold.report.ReportFormat;
import java.io.IOException;
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
  /** The output formats. */
  enum Format {
    TEXT(ReportFormat.TEXT),
    JSON(ReportFormat.JSON);

    final ReportFormat report;

    Format(ReportFormat report) {
      this.report = report;
    }
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
    // an article's id is its path as Path spells it, the same for a file named and a file paired
    Set<String> ids = new LinkedHashSet<>();
    List<IdPair> pairs = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (String file : files == null ? List.<String>of() : files) {
      named.add(Path.of(file).toString());
    }
    if (pairsFile == null) {
      ids.addAll(named);
      if (ids.size() < 2) {
        throw new ParameterException(
            spec.commandLine(), "compare needs two different files or more, or --pairs FILE");
      }
      List<String> distinct = new ArrayList<>(ids);
      for (String other : distinct.subList(1, distinct.size())) {
        pairs.add(new IdPair(distinct.get(0), other));
      }
    } else {
      for (IdPair listed : Retold.readPairs(pairsFile)) {
        IdPair pair = new IdPair(Path.of(listed.a()).toString(), Path.of(listed.b()).toString());
        pairs.add(pair);
        ids.add(pair.a());
        ids.add(pair.b());
      }
      ids.addAll(named);
    }
    Retold retold = settings.retold(spec.commandLine());
    List<Path> paths = new ArrayList<>();
    for (String id : ids) {
      paths.add(Path.of(id));
    }
    List<Comparison> comparisons = retold.compareFiles(paths, pairs);
    format.report.writeComparisons(comparisons, spec.commandLine().getOut());
    return 0;
  }
}
