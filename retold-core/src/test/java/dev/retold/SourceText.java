package dev.retold;

import dev.retold.load.DecodedText;
import dev.retold.load.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file's text the way the loader decodes it, for checking offsets into it. */
final class SourceText {
  private SourceText() {}

  static String read(Path file) throws IOException {
    DecodedText decoded = TextDecoder.decode(Files.readAllBytes(file));
    if (decoded instanceof DecodedText.Text text) {
      return text.text();
    }
    throw new IllegalStateException(file + " does not decode: " + decoded);
  }
}
