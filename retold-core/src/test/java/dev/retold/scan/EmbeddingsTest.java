package dev.retold.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
  @Test
  void quantizesEachVectorToItsLargestComponent() {
    assertThat(Embeddings.quantize(new float[] {0.5f, -0.25f, 0f}))
        .containsExactly(127, -63, 0); // -63.5 rounds up
    assertThat(Embeddings.quantize(new float[] {0f, 0f})).containsExactly(0, 0);
  }

  @Test
  void theCosineOfQuantizedVectorsIsCloseToTheExactOneAndClampedAtZero() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      float[] x = new float[384];
      float[] y = new float[384];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
        y[i] = (float) (x[i] * 0.8 + random.nextGaussian() * 0.6);
      }
      double exact = dot(x, y) / Math.sqrt(dot(x, x) * dot(y, y));
      Embeddings embeddings =
          new Embeddings(new byte[][] {Embeddings.quantize(x), Embeddings.quantize(y)});
      assertThat(embeddings.cosine(0, 1)).isCloseTo(Math.max(0, exact), within(0.01));
      assertThat(embeddings.cosine(0, 0)).isEqualTo(1.0);
    }
    Embeddings opposite =
        new Embeddings(
            new byte[][] {
              Embeddings.quantize(new float[] {1, 0}), Embeddings.quantize(new float[] {-1, 0})
            });
    assertThat(opposite.cosine(0, 1)).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(value);
  }

  private static double dot(float[] x, float[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (double) x[i] * y[i];
    }
    return sum;
  }
}
