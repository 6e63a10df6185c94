package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSinksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CorpusGenerator small() {
    return CorpusGenerator.builder()
        .seed(42)
        .articles(8)
        .meanWords(40)
        .singletonShare(0.25)
        .build();
  }

  private static long write(CorpusGenerator generator, ArticleSink sink) throws IOException {
    try (sink) {
      for (GeneratedArticle article : generator) {
        sink.accept(article);
      }
    }
    return sink.bytes();
  }

  private static long sizeOnDisk(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  @Test
  void jsonLinesHoldOneArticlePerLineInTheShapeRetoldReads(@TempDir Path temp) throws IOException {
    Path output = temp.resolve("corpus");
    long bytes = write(small(), ArticleSinks.jsonLines(output));
    assertThat(bytes).isEqualTo(sizeOnDisk(output));
    List<String> lines = Files.readAllLines(output.resolve("articles.jsonl"));
    Iterator<GeneratedArticle> articles = small().iterator();
    for (String line : lines) {
      GeneratedArticle article = articles.next();
      JsonNode json = JSON.readTree(line);
      List<String> fields = new ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "text", "title", "date", "url");
      assertThat(json.get("id").asText()).isEqualTo(article.id());
      assertThat(json.get("text").asText()).isEqualTo(article.text());
      assertThat(json.get("title").asText()).isEqualTo(article.title());
      assertThat(json.get("date").asText()).isEqualTo(article.date());
      assertThat(json.get("url").asText()).isEqualTo(article.url());
    }
    assertThat(articles.hasNext()).isFalse();
    GoldenFiles.assertMatches(
        "jsonl/articles.jsonl", Files.readString(output.resolve("articles.jsonl")));
    GoldenFiles.assertMatches("jsonl/labels.tsv", Files.readString(output.resolve("labels.tsv")));
  }

  @Test
  void labelsMatchTheArticles(@TempDir Path temp) throws IOException {
    CorpusGenerator generator =
        CorpusGenerator.builder().seed(3).articles(300).meanWords(50).build();
    Path output = temp.resolve("corpus");
    write(generator, ArticleSinks.folder(output, 0));
    List<String> labels = Files.readAllLines(output.resolve("labels.tsv"));
    assertThat(labels.get(0)).isEqualTo("file\tstory\trelation\torigin\tdetail");
    assertThat(labels).hasSize(301);
    Iterator<GeneratedArticle> articles = generator.iterator();
    for (String line : labels.subList(1, labels.size())) {
      GeneratedArticle article = articles.next();
      String[] fields = line.split("\t");
      assertThat(fields).hasSize(5).doesNotContain("");
      assertThat(fields[0]).isEqualTo(article.id() + ".txt");
      assertThat(fields[1]).isEqualTo(article.story());
      assertThat(fields[2]).isEqualTo(article.relation());
      assertThat(fields[3]).isEqualTo(article.origin() == null ? "-" : article.origin());
      assertThat(fields[4]).isEqualTo(article.detail().isEmpty() ? "-" : article.detail());
      assertThat(output.resolve("articles").resolve(fields[0]))
          .hasContent(FolderSink.document(article).stripTrailing());
      if (article.origin() != null) {
        assertThat(output.resolve("articles").resolve(article.origin() + ".txt")).exists();
      }
    }
  }

  @Test
  void aFolderHoldsFrontMatterThenTheText(@TempDir Path temp) throws IOException {
    Path output = temp.resolve("corpus");
    long bytes = write(small(), ArticleSinks.folder(output, 3));
    assertThat(bytes).isEqualTo(sizeOnDisk(output));
    List<String> labels = Files.readAllLines(output.resolve("labels.tsv"));
    assertThat(labels.subList(1, labels.size()))
        .extracting(line -> line.substring(0, 6))
        .containsExactly(
            "00000/", "00000/", "00000/", "00001/", "00001/", "00001/", "00002/", "00002/");
    GoldenFiles.assertMatches("files/labels.tsv", String.join("\n", labels) + "\n");
    String first = labels.get(1).split("\t")[0];
    GoldenFiles.assertMatches(
        "files/first-article.txt",
        Files.readString(output.resolve("articles").resolve(first), StandardCharsets.UTF_8));
  }

  @Test
  void anOutputThatIsNotAnEmptyFolderIsRefused(@TempDir Path temp) throws IOException {
    Files.writeString(temp.resolve("old.txt"), "x");
    assertThatThrownBy(() -> ArticleSinks.jsonLines(temp))
        .isInstanceOf(DirectoryNotEmptyException.class)
        .hasMessage(temp.toString());
    assertThatThrownBy(() -> ArticleSinks.folder(temp.resolve("old.txt"), 10))
        .isInstanceOf(NotDirectoryException.class);
    Path empty = Files.createDirectory(temp.resolve("empty"));
    write(small(), ArticleSinks.folder(empty, 10));
    assertThat(empty.resolve("labels.tsv")).exists();
    assertThatThrownBy(() -> ArticleSinks.folder(temp.resolve("new"), -1))
        .hasMessage("shardSize must be >= 0 (0 for no shards): -1");
  }
}
