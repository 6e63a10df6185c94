package dev.retold.load;

import java.util.Objects;

/**
 * What {@link TextDecoder} made of a file's bytes: either the text, or the reason it is not text.
 *
 * <p>A sealed pair rather than an exception, because a file that is not text is an ordinary outcome
 * of loading a folder, not an error.
 */
public sealed interface DecodedText {

  /**
   * The decoded text.
   *
   * @param text the source text, with any byte order mark dropped; offsets into articles refer to
   *     it
   * @param encoding the encoding used, e.g. {@code "UTF-8"}, {@code "UTF-16LE (BOM)"} or {@code
   *     "windows-1252"}
   */
  record Text(String text, String encoding) implements DecodedText {
    /** Checks both fields are present. */
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(encoding, "encoding");
    }
  }

  /**
   * Bytes that are not loaded as text.
   *
   * @param reason why, in words a person can act on, e.g. {@code "binary (NUL byte at offset 12)"}
   */
  record Rejected(String reason) implements DecodedText {
    /** Checks the reason is present and not blank. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }
}
