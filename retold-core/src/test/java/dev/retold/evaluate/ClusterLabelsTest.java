package dev.retold.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.load.TableFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterLabelsTest {

  static Stream<Arguments> validFiles() {
    return Stream.of(
        Arguments.of("a.txt\t1\nb.txt\t2\n", "a.txt=1, b.txt=2"),
        Arguments.of("a.txt\t1\nb.txt\t2", "a.txt=1, b.txt=2"),
        Arguments.of("file\tcluster\na.txt\t1\n", "a.txt=1"),
        Arguments.of("FILE\tcluster\na.txt\t1\n", "a.txt=1"),
        Arguments.of("Path\tstory\na.txt\t1\n", "a.txt=1"),
        Arguments.of("\n\nfile\tcluster\n\na.txt\t1\n", "a.txt=1"),
        Arguments.of("\uFEFFfile\tcluster\na.txt\t1\n", "a.txt=1"),
        Arguments.of("\uFEFFa.txt\t1\n", "a.txt=1"),
        // Only the first line can be a header.
        Arguments.of("a.txt\t1\nfile\t2\n", "a.txt=1, file=2"),
        Arguments.of("files\tcluster\n", "files=cluster"),
        Arguments.of("file\tcluster\ttopic\tpart\n1_1ecb.txt\t1_ecb\t1\tecb\n", "1_1ecb.txt=1_ecb"),
        Arguments.of("a.txt\t1\r\n\r\nb.txt\t2\r\n", "a.txt=1, b.txt=2"),
        Arguments.of("  a.txt \t 1 \n \nb.txt\t2\n", "a.txt=1, b.txt=2"),
        Arguments.of("\"tab\there.txt\"\t1\n", "tab\there.txt=1"),
        Arguments.of("\"say \"\"hi\"\".txt\"\t\"c 1\"\n", "say \"hi\".txt=c 1"),
        Arguments.of("news/2024/a.txt\ts1\nnews/b.txt\ts1\n", "news/2024/a.txt=s1, news/b.txt=s1"),
        // File order, not name order.
        Arguments.of("z\t1\na\t1\nm\t2\n", "z=1, a=1, m=2"));
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void readsValidFiles(String text, String expected) throws IOException {
    Map<String, String> labels = ClusterLabels.read(new StringReader(text), "labels.tsv");
    assertThat(labels.toString()).isEqualTo("{" + expected + "}");
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("a.txt\t1\nb.txt\n", "labels.tsv line 2: expected file<TAB>cluster"),
        Arguments.of("a.txt\t1\n\n\nb.txt 2\n", "labels.tsv line 4: expected file<TAB>cluster"),
        Arguments.of("file\tcluster\na.txt\t\n", "labels.tsv line 2: expected file<TAB>cluster"),
        Arguments.of("\t1\n", "labels.tsv line 1: expected file<TAB>cluster"),
        Arguments.of("file\n", "labels.tsv: no labels"),
        Arguments.of(
            "a\t1\nb\t2\na\t1\n", "labels.tsv line 3: duplicate file a (first labelled on line 1)"),
        Arguments.of(
            "file\tcluster\n\na\t1\nb\t2\n\na\t2\n",
            "labels.tsv line 6: duplicate file a (first labelled on line 3)"),
        Arguments.of("", "labels.tsv: no labels"),
        Arguments.of("\n \n", "labels.tsv: no labels"),
        Arguments.of("file\tcluster\n", "labels.tsv: no labels"));
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void refusesInvalidFilesNamingTheLine(String text, String message) {
    assertThatThrownBy(() -> ClusterLabels.read(new StringReader(text), "labels.tsv"))
        .isInstanceOf(TableFormatException.class)
        .hasMessage(message);
  }

  @Test
  void namesTheLineOfABadQuote() {
    assertThatThrownBy(
            () -> ClusterLabels.read(new StringReader("a\t1\n\"b\"x\t2\n"), "labels.tsv"))
        .isInstanceOf(TableFormatException.class)
        .hasMessageStartingWith("labels.tsv line 2: ")
        .satisfies(e -> assertThat(((TableFormatException) e).line()).isEqualTo(2))
        .satisfies(e -> assertThat(((TableFormatException) e).source()).isEqualTo("labels.tsv"));
  }

  @Test
  void returnsAnUnmodifiableMap() throws IOException {
    Map<String, String> labels = ClusterLabels.read(new StringReader("a\t1\n"), "labels.tsv");
    assertThatThrownBy(() -> labels.put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path temp) throws IOException {
    Path good = Files.writeString(temp.resolve("good.tsv"), "file\tcluster\na.txt\tx\nb.txt\tx\n");
    assertThat(ClusterLabels.read(good))
        .containsExactly(Map.entry("a.txt", "x"), Map.entry("b.txt", "x"));

    Path bad = Files.writeString(temp.resolve("bad.tsv"), "a.txt\tx\n\nb.txt\n");
    assertThatThrownBy(() -> ClusterLabels.read(bad))
        .isInstanceOf(TableFormatException.class)
        .hasMessage(bad + " line 3: expected file<TAB>cluster");
  }

  @Test
  void refusesAFileThatIsNotUtf8(@TempDir Path temp) throws IOException {
    Path latin1 =
        Files.write(
            temp.resolve("latin1.tsv"), "caf\u00e9.txt\t1\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ClusterLabels.read(latin1))
        .isInstanceOf(TableFormatException.class)
        .hasMessage(latin1 + ": not UTF-8 text");
  }

  @Test
  void aMissingFileIsAnIoError(@TempDir Path temp) {
    assertThatThrownBy(() -> ClusterLabels.read(temp.resolve("none.tsv")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void theExceptionKnowsItsLine() {
    TableFormatException atLine = new TableFormatException("l.tsv", 7, "expected file<TAB>cluster");
    assertThat(List.of(atLine.source(), atLine.line(), atLine.getMessage()))
        .containsExactly("l.tsv", 7, "l.tsv line 7: expected file<TAB>cluster");
    assertThat(new TableFormatException("l.tsv", 0, "no labels")).hasMessage("l.tsv: no labels");
    assertThatThrownBy(() -> new TableFormatException("l.tsv", -1, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line must be >= 0: -1");
  }
}
