package dev.retold.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

  @AfterAll
  static void close() throws Exception {
    EMBEDDER.close();
  }

  private static double cosine(float[] x, float[] y) {
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
    }
    return dot;
  }

  @Test
  void givesUnitVectorsOfItsDimensionsTheSameEveryTime() {
    float[] vector = EMBEDDER.embed("The president met the prime minister in Beijing.");
    assertThat(vector).hasSize(EMBEDDER.dimensions()).hasSize(384);
    assertThat(cosine(vector, vector)).isCloseTo(1.0, offset(1e-5));
    assertThat(EMBEDDER.embed("The president met the prime minister in Beijing."))
        .isEqualTo(vector);
  }

  @Test
  void aRetellingInOtherWordsIsCloserThanAnotherStory() {
    float[] report =
        EMBEDDER.embed("An earthquake of magnitude 6.1 shook the north of the island.");
    float[] retold =
        EMBEDDER.embed("A strong quake, measured at 6.1, struck the island's northern region.");
    float[] other = EMBEDDER.embed("The central bank raised interest rates by a quarter point.");
    assertThat(cosine(report, retold)).isGreaterThan(cosine(report, other) + 0.3);
  }

  @Test
  void cutsALongTextToItsFirstTokens() {
    String lead = "Flooding closed the main road into the town on Sunday. ";
    String longText = lead.repeat(60);
    assertThat(EMBEDDER.embed(longText)).hasSize(384);
    assertThat(EMBEDDER.embed(longText)).isEqualTo(EMBEDDER.embed(longText + " And more."));
  }
}
