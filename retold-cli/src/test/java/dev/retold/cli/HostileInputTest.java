package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line against hostile input and hostile places to write: output that cannot be
 * written, reports written over the input, names and titles that would take over a terminal or a
 * spreadsheet, lone surrogates, FIFOs and links out of the folder.
 */
class HostileInputTest {
  private static final String TEXT = "A short article about the harbour, the storm and the town.\n";

  @TempDir Path temp;
  private Path folder;

  @BeforeEach
  void writeTheFolder() throws IOException {
    folder = Files.createDirectories(temp.resolve("articles"));
    Files.writeString(folder.resolve("a.txt"), TEXT);
    Files.writeString(folder.resolve("b.txt"), "Another text entirely, on a violin prize.\n");
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  // ---- output that cannot be written ----------------------------------------------------------

  @Test
  void aStandardOutputThatFailsFailsTheRun() {
    Writer full =
        new Writer() {
          @Override
          public void write(char[] chars, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();
    int code =
        RetoldCli.run(
            new String[] {"scan", folder.toString(), "--semantic", "off"},
            new PrintWriter(full, true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("retold: cannot write to standard output\n");
  }

  @Test
  void scanningIntoDevFullExitsWithOneAndSaysWhy() throws Exception {
    File devFull = new File("/dev/full");
    Assumptions.assumeTrue(devFull.exists() && devFull.canWrite(), "no /dev/full here");
    Path err = temp.resolve("err.txt");
    Process process =
        new ProcessBuilder(
                javaCommand(
                    "scan", folder.toString(), "--semantic", "off", "--no-progress", "-f", "json"))
            .redirectOutput(devFull)
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(err))
        .isEqualTo("retold: cannot write to standard output: No space left on device\n");
  }

  /** {@code java -cp THIS_CLASS_PATH dev.retold.cli.RetoldCli ARGS...}. */
  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RetoldCli.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theOutputFileIsWrittenWholeAndNothingElseIsLeft() throws IOException {
    Path reports = Files.createDirectories(temp.resolve("reports"));
    Path report = Files.writeString(reports.resolve("report.json"), "an older report");
    boolean posix = report.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
    }
    CliRun run =
        run("scan", folder.toString(), "--semantic", "off", "-f", "json", "-o", "" + report);
    assertThat(run.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(report.toFile()).get("summary").get("found").asInt())
        .isEqualTo(2);
    try (Stream<Path> left = Files.list(reports)) {
      assertThat(left).containsExactly(report);
    }
    if (posix) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
          .isEqualTo("rw-r-----");
    }
  }

  @Test
  void aFailedWriteLeavesTheOldReportAndNoTemporaryFile() throws IOException {
    Path report = Files.writeString(temp.resolve("report.txt"), "the old report");
    try {
      ReportFile.write(
          report,
          out -> {
            out.write("half of a new re");
            out.flush();
            throw new IOException("killed");
          });
    } catch (IOException expected) {
      assertThat(expected).hasMessage("killed");
    }
    assertThat(Files.readString(report)).isEqualTo("the old report");
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).containsExactlyInAnyOrder(report, folder);
    }
  }

  @Test
  void aLinkedOutputFileIsWrittenThroughAndANonFileDirectly() throws IOException {
    Path target = Files.writeString(temp.resolve("target.csv"), "old");
    Path link = temp.resolve("link.csv");
    try {
      Files.createSymbolicLink(link, target);
    } catch (IOException | UnsupportedOperationException noLinks) {
      Assumptions.abort("no symbolic links here");
    }
    assertThat(
            run("scan", folder.toString(), "--semantic", "off", "-f", "csv", "-o", "" + link)
                .exitCode())
        .isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).startsWith("path,status,");
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
    assertThat(run("scan", folder.toString(), "--semantic", "off", "-o", "/dev/null").exitCode())
        .isZero();
  }

  @Test
  void anOutputInsideTheScannedFolderIsRefused() throws IOException {
    CliRun inside = run("scan", folder.toString(), "-o", folder.resolve("a.txt").toString());
    assertThat(inside.exitCode()).isEqualTo(2);
    assertThat(inside.err())
        .startsWith(
            "retold: --output " + folder.resolve("a.txt") + " is inside the scanned folder ")
        .contains("write it elsewhere");
    assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo(TEXT);

    CliRun deeper =
        run(
            "scan",
            folder.toString(),
            "--semantic",
            "off",
            "-o",
            folder.resolve("new/report.json").toString());
    assertThat(deeper.exitCode()).isEqualTo(1); // its folder does not exist: nothing to refuse
    CliRun fresh = run("scan", folder.toString(), "-o", folder.resolve("report.json").toString());
    assertThat(fresh.exitCode()).isEqualTo(2);
    assertThat(folder.resolve("report.json")).doesNotExist();
  }

  @Test
  void anOutputReachingTheFolderThroughALinkIsRefused() throws IOException {
    Path link = temp.resolve("alias");
    try {
      Files.createSymbolicLink(link, folder);
    } catch (IOException | UnsupportedOperationException noLinks) {
      Assumptions.abort("no symbolic links here");
    }
    CliRun run = run("scan", folder.toString(), "-o", link.resolve("report.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is inside the scanned folder");
    CliRun viaLinkedInput = run("scan", link.toString(), "-o", folder.resolve("r.txt").toString());
    assertThat(viaLinkedInput.exitCode()).isEqualTo(2);
  }

  @Test
  void theScannedJsonLinesFileIsNotAnOutput() throws IOException {
    Path lines =
        Files.writeString(temp.resolve("c.jsonl"), "{\"id\": \"a\", \"text\": \"Some text.\"}\n");
    CliRun run = run("scan", lines.toString(), "-o", lines.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is the scanned file");
    assertThat(Files.readString(lines)).isEqualTo("{\"id\": \"a\", \"text\": \"Some text.\"}\n");
    assertThat(
            run("scan", lines.toString(), "--semantic", "off", "-o", "" + temp.resolve("r.txt"))
                .exitCode())
        .isZero();
  }

  // ---- hostile text ---------------------------------------------------------------------------

  private Path hostileLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      lines.add(
          i == 2 || i == 11
              ? "{\"id\": \"bad" + i + "\"} trailing"
              : "{\"id\": \"n" + i + "\", \"text\": \"Text number " + i + " of the file.\"}");
    }
    lines.set(
        0,
        "{\"id\": \"=cmd|' /C calc'!A0\", \"text\": \"A body.\", \"title\":"
            + " \"\\u001b[31mRed\\u001b]0;owned\\u0007 \\ud800\"}");
    return Files.write(temp.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void theTextReportShowsEscapesAndSortsLinesByNumber() throws IOException {
    CliRun run = run("scan", hostileLines().toString(), "--semantic", "off");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"\\x1B[31mRed\\x1B]0;owned\\x07 \uFFFD\"")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .contains(
            "  hostile.jsonl:2: text after the JSON object\n"
                + "  hostile.jsonl:11: text after the JSON object\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "csv"})
  void everyFormatWritesALoneSurrogateToAFile(String format) throws IOException {
    Path report = temp.resolve("report." + format);
    CliRun run =
        run(
            "scan",
            hostileLines().toString(),
            "--semantic",
            "off",
            "-f",
            format,
            "-o",
            "" + report);
    assertThat(run.exitCode()).as(run.err()).isZero();
    String written =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(report)))
            .toString();
    assertThat(written).contains("\uFFFD");
    if (format.equals("json")) {
      JsonNode json = new ObjectMapper().readTree(written);
      assertThat(json.get("skipped").get(0).get("path").asText()).isEqualTo("hostile.jsonl:2");
      assertThat(json.get("skipped").get(1).get("path").asText()).isEqualTo("hostile.jsonl:11");
    }
    if (format.equals("csv")) {
      assertThat(written.replace("\"", "").lines())
          .anyMatch(row -> row.startsWith("'=cmd|' /C calc'!A0,loaded,"));
    }
  }

  @Test
  void errorMessagesShowControlCharactersEscaped() {
    CliRun run = run("scan", temp.resolve("no\u001b[2Jdir").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no\\x1B[2Jdir").doesNotContain("\u001b");
  }

  // ---- FIFOs and links ------------------------------------------------------------------------

  @Test
  void aFifoIsSkippedAndANamedOneRefusedWithoutHanging() throws Exception {
    Path pipe = folder.resolve("pipe.txt");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (IOException noMkfifo) {
      Assumptions.abort("mkfifo is not available");
      return;
    }
    Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
    CliRun scan =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> run("scan", folder.toString(), "--semantic", "off", "-f", "csv"));
    assertThat(scan.out().replace("\"", ""))
        .contains("pipe.txt,skipped,,,,,,not a regular file (a FIFO)");
    CliRun compare =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> run("compare", pipe.toString(), folder.resolve("a.txt").toString()));
    assertThat(compare.exitCode()).isEqualTo(1);
    assertThat(compare.err()).contains("not a regular file (a FIFO)");
  }

  @Test
  void linksOutOfTheFolderAreSkippedUnlessAsked() throws IOException {
    Path elsewhere = Files.writeString(temp.resolve("secret.txt"), "A private file elsewhere.\n");
    try {
      Files.createSymbolicLink(folder.resolve("leak.txt"), elsewhere);
      Files.createSymbolicLink(folder.resolve("same.txt"), folder.resolve("a.txt"));
    } catch (IOException | UnsupportedOperationException noLinks) {
      Assumptions.abort("no symbolic links here");
    }
    String byDefault =
        run("scan", folder.toString(), "--semantic", "off", "-f", "csv").out().replace("\"", "");
    assertThat(byDefault)
        .contains(
            "leak.txt,skipped,,,,,,symbolic link to outside the scanned folder, not followed"
                + " (--follow-links follows it)")
        .contains("same.txt,skipped,,,,,,same file as a.txt");
    String all =
        run("scan", folder.toString(), "--semantic", "off", "-f", "csv", "--follow-links").out();
    assertThat(all).contains("leak.txt,loaded,");
    String none =
        run("scan", folder.toString(), "--semantic", "off", "-f", "csv", "--no-follow-links").out();
    assertThat(none.replace("\"", ""))
        .contains("leak.txt,skipped,,,,,,symbolic link, not followed")
        .contains("same.txt,skipped,,,,,,symbolic link, not followed");
    CliRun both = run("scan", folder.toString(), "--follow-links", "--no-follow-links");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliRun evaluate =
        run(
            "evaluate",
            folder.toString(),
            "--labels",
            Files.writeString(temp.resolve("l.tsv"), "a.txt\tx\nleak.txt\tx\n").toString(),
            "--semantic",
            "off",
            "--follow-links");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(evaluate.out()).startsWith("2 labelled files: 2 scanned");
  }

  @Test
  void helpNamesTheLinkOptions() {
    assertThat(run("scan", "--help").out())
        .contains("--follow-links")
        .contains("--no-follow-links")
        .contains("may not be inside DIR");
  }
}
