package dev.retold.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextSignerTest {
  private static final Path SEEDS = Path.of("..", "testdata", "seeds");

  @Test
  void signsAsTheStepsDoOneByOne() throws IOException {
    TextSigner signer = TextSigner.withDefaults();
    WordTokenizer tokenizer = new WordTokenizer();
    try (Stream<Path> files = Files.list(SEEDS)) {
      for (Path seed : files.filter(file -> file.toString().endsWith(".txt")).toList()) {
        String body = Files.readString(seed, StandardCharsets.UTF_8);
        long[] shingles =
            Shingles.distinctSorted(
                Shingles.hashes(tokenizer.tokenize(TextNormalizer.normalize(body)), 3));
        assertThat(signer.sign(body))
            .as("%s", seed)
            .isEqualTo(MinHasher.withDefaults().sign(shingles));
      }
    }
  }

  @Test
  void pinsTheSignatureOfAKnownText() {
    MinHashSignature signature =
        TextSigner.withDefaults().sign("The quick brown fox jumps over the lazy dog.");
    assertThat(Arrays.hashCode(signature.components())).isEqualTo(PINNED_HASH_CODE);
    assertThat(TextSigner.withDefaults().sign("").isEmpty()).isTrue();
  }

  private static final int PINNED_HASH_CODE = 1702252893;

  @Test
  void refusesAnEmptyShingleSize() {
    assertThatThrownBy(() -> new TextSigner(0, MinHasher.withDefaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shingleSize must be >= 1: 0");
  }
}
