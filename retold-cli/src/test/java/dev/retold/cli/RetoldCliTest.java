package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, standard output and standard error. */
class RetoldCliTest {
  private static final String SEEDS = Path.of("..", "testdata", "seeds").toString();

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void scanPrintsTheStoriesAndTheSummary() {
    CliRun run = run("scan", SEEDS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Story s1: 5 articles")
        .contains("CANONICAL      003_6669a427d399b261.txt")
        .contains("DERIVED        000_6eb4ee3ca36ee36b.txt")
        .endsWith(
            "5 files found: 5 loaded, 0 skipped; 1 group of related articles, 10 related pairs.\n");
  }

  @Test
  void jsonGoesToTheOutputFile(@TempDir Path temp) throws IOException {
    Path report = temp.resolve("report.json");
    CliRun run = run("scan", SEEDS, "--format", "json", "--output", report.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(json.get("format").asText()).isEqualTo("retold-scan/2");
    assertThat(json.get("summary").get("loaded").asInt()).isEqualTo(5);
    assertThat(json.get("stories").get(0).get("canonical").asText())
        .isEqualTo("003_6669a427d399b261.txt");
  }

  @Test
  void csvHasAHeaderAndARowPerFile() {
    CliRun run = run("scan", SEEDS, "--format", "CSV");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .hasSize(6)
        .first()
        .isEqualTo("path,status,story,canonical,relation,title,date,reason,copy_group");
  }

  @Test
  void htmlIsOnePageWithEverySeedAndItsStory(@TempDir Path temp) throws IOException {
    Path page = temp.resolve("seeds.html");
    CliRun run = run("scan", SEEDS, "--format", "html", "--output", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.toFile());
    assertThat(html.select("section.story")).hasSize(1);
    assertThat(html.select("section.story h2").text()).isEqualTo("Story s1: 5 articles");
    assertThat(html.select("section.story > p code").text()).isEqualTo("003_6669a427d399b261.txt");
    assertThat(html.select("table.members code").eachText())
        .containsExactly(
            "000_6eb4ee3ca36ee36b.txt",
            "001_893e1b22cc0b54cc.txt",
            "002_15fc58843f25bcb7.txt",
            "004_d6e9b4307be571ab.txt");
    assertThat(html.select("table.members .badge").eachText())
        .containsExactly("DERIVED", "DERIVED", "DERIVED", "SAME_STORY");
    assertThat(html.select("blockquote")).isNotEmpty();
    // the texts side by side, read again from the folder: each whole, as on disk
    org.jsoup.select.Elements texts = html.select(".side-by-side pre");
    assertThat(texts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(texts.select("mark[data-passage]")).isNotEmpty();
    String canonical = Files.readString(Path.of(SEEDS, "003_6669a427d399b261.txt"));
    assertThat(texts.stream().map(org.jsoup.nodes.Element::wholeText).toList()).contains(canonical);
  }

  @Test
  void explainShowsOnePairInFullAsTextOrAsAPage(@TempDir Path temp) throws IOException {
    String a = Path.of(SEEDS, "003_6669a427d399b261.txt").toString();
    String b = Path.of(SEEDS, "002_15fc58843f25bcb7.txt").toString();
    CliRun text = run("explain", a, b);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("relation     DERIVED", "passages     ");
    Path page = temp.resolve("pair.html");
    CliRun html = run("explain", a, b, "--format", "html", "-o", page.toString());
    assertThat(html.exitCode()).as(html.err()).isZero();
    org.jsoup.nodes.Document explained = org.jsoup.Jsoup.parse(page.toFile());
    assertThat(
            explained.select(".side-by-side pre").stream()
                .map(org.jsoup.nodes.Element::wholeText)
                .toList())
        .containsExactly(Files.readString(Path.of(a)), Files.readString(Path.of(b)));
    assertThat(explained.select("ol.passages > li")).hasSizeGreaterThan(3);
    CliRun same = run("explain", a, a);
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("explain needs two different files");
  }

  @Test
  void oddFilesAreLoadedOrSkippedAndNothingIsLost(@TempDir Path temp) throws IOException {
    Files.write(temp.resolve("empty.txt"), new byte[0]);
    Files.write(temp.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.writeString(
        temp.resolve("utf16.txt"), "\uFEFFA report in UTF-16.", StandardCharsets.UTF_16BE);
    Files.write(
        temp.resolve("latin1.txt"),
        "Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 vu.".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(temp.resolve("plain.txt"), "An ordinary article in UTF-8.");
    Path nested = Files.createDirectories(temp.resolve("nested"));
    Files.writeString(nested.resolve("deep.txt"), "A nested article.");
    boolean linked = true;
    try {
      Files.createSymbolicLink(nested.resolve("loop"), temp);
    } catch (IOException | UnsupportedOperationException e) {
      linked = false; // a file system without links: the rest of the test still holds
    }

    CliRun run = run("scan", temp.toString(), "--format", "csv");

    assertThat(run.exitCode()).isZero();
    List<String> rows = run.out().replace("\"", "").lines().skip(1).toList();
    assertThat(rows)
        .anyMatch(row -> row.startsWith("empty.txt,skipped,") && row.endsWith(",empty file,"))
        .anyMatch(row -> row.startsWith("logo.png,skipped,") && row.contains("binary"))
        .anyMatch(row -> row.startsWith("utf16.txt,loaded,"))
        .anyMatch(row -> row.startsWith("latin1.txt,loaded,"))
        .anyMatch(row -> row.startsWith("plain.txt,loaded,"))
        .anyMatch(row -> row.startsWith("nested/deep.txt,loaded,"));
    assertThat(rows)
        .hasSize(linked ? 7 : 6); // every file found, once; the loop is one skipped entry
    if (linked) {
      assertThat(rows).anyMatch(row -> row.startsWith("nested/loop,skipped,"));
    }
  }

  @Test
  void aMissingFolderFailsWithOneClearLine() {
    CliRun run = run("scan", "no/such/folder");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retold: no such file or folder: no/such/folder\n");
  }

  @Test
  void aFileInsteadOfAFolderFails(@TempDir Path temp) throws IOException {
    Path file = Files.writeString(temp.resolve("a.txt"), "text");
    CliRun run = run("scan", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retold: ").contains("a.txt").hasLineCount(1);
  }

  @Test
  void anUnwritableOutputFails(@TempDir Path temp) {
    Path output = temp.resolve("missing-folder").resolve("report.json");
    CliRun run = run("scan", SEEDS, "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retold: ").contains("report.json").hasLineCount(1);
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run("scan").exitCode()).isEqualTo(2);
    assertThat(run("scan", SEEDS, "--format", "xml").err())
        .contains("expected one of [TEXT, JSON, CSV, HTML]");
    assertThat(run("scan", SEEDS, "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(run("scan", SEEDS, "--derived", "2").exitCode()).isEqualTo(2);
    assertThat(run("scan", SEEDS, "--derived", "2").err())
        .contains("--derived must be in (0, 1]: 2.0");
    assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void helpAndVersionExitWithZero() {
    CliRun help = run("scan", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: retold scan").contains("--format").contains("0.15).");
    CliRun version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("retold 0.");
  }
}
