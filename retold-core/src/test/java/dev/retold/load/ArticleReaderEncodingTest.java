package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import org.junit.jupiter.api.Test;

/** What {@link ArticleReader} tells of a file's encoding: only replaced bytes, in the metadata. */
class ArticleReaderEncodingTest {
  private final ArticleReader reader = ArticleReader.withDefaults();

  @Test
  void replacedBytesAreReportedInTheMetadata() {
    byte[] bytes =
        TextDecoderTest.concat(
            TextDecoderTest.utf8("Le café est fermé"),
            TextDecoderTest.bytes("FF FE 80"),
            TextDecoderTest.utf8(" depuis lundi."));
    Article article = ((ReadResult.Loaded) reader.read("a.txt", bytes)).article();
    assertThat(article.body()).isEqualTo("Le café est fermé\uFFFD\uFFFD\uFFFD depuis lundi.");
    assertThat(article.metadata())
        .containsEntry(ArticleReader.ENCODING_ERROR_KEY, "UTF-8 (3 invalid bytes replaced)");
  }

  @Test
  void cleanOrSingleByteTextsReportNothing() {
    Article utf8 =
        ((ReadResult.Loaded) reader.read("b.txt", TextDecoderTest.utf8("Le café."))).article();
    Article latin1 =
        ((ReadResult.Loaded) reader.read("c.txt", TextDecoderTest.latin1("Le café."))).article();
    assertThat(utf8.metadata()).doesNotContainKey(ArticleReader.ENCODING_ERROR_KEY);
    assertThat(latin1.metadata()).doesNotContainKey(ArticleReader.ENCODING_ERROR_KEY);
    assertThat(latin1.body()).isEqualTo("Le café.");
  }
}
