package dev.retold.load;

import java.util.Random;

/** Seeded generators of documents with front matter, date markers, chrome and odd line breaks. */
final class RandomDocuments {
  private static final String[] WORDS = {
    "the", "minister", "said", "on", "Monday", "that", "Seoul", "and", "Beijing", "would",
    "café", "“new", "phase”", "naïve", "😀", "talks", "were", "‘constructive’", "K-pop", "of",
    "trade", "a", "visit", "Ünïcode", "Lee", "Xi", "with", "in", "—", "2026",
  };
  private static final String[] LABELS = {
    "Politics", "Navigation", "Ask Onix", "Related posts", "Share", "Menu", "Ed", "Home", "Login",
  };
  private static final String[] CREDITS = {
    "By Jane Doe", "Photo: Reuters", "Featured image credits: Someone via Wikimedia Commons",
  };
  private static final String[] BREAKS = {"\n", "\r\n", "\r"};

  private RandomDocuments() {}

  /** A document that may have front matter, a date marker, chrome, credits and blank runs. */
  static String document(Random random) {
    StringBuilder doc = new StringBuilder();
    String usual = BREAKS[random.nextInt(BREAKS.length)];
    boolean mixed = random.nextInt(4) == 0;
    if (random.nextInt(3) == 0) {
      doc.append("---").append(lineBreak(random, usual, mixed));
      int fields = random.nextInt(4);
      for (int i = 0; i < fields; i++) {
        switch (random.nextInt(4)) {
          case 0 -> doc.append("title: \"").append(words(random, 3, 8)).append('"');
          case 1 -> doc.append("date: 2026-01-0").append(1 + random.nextInt(9)).append("T02:44:22");
          case 2 -> doc.append("tags: [a, b]");
          default -> doc.append("broken: [unclosed");
        }
        doc.append(lineBreak(random, usual, mixed));
      }
      doc.append("---").append(lineBreak(random, usual, mixed));
    }
    blankLines(random, doc, usual, mixed);
    if (random.nextInt(3) == 0) {
      doc.append(random.nextBoolean() ? " " : "").append("date 2026-01-06");
      doc.append(random.nextBoolean() ? lineBreak(random, usual, mixed) : " ");
    }
    int blocks = 1 + random.nextInt(14);
    for (int i = 0; i < blocks; i++) {
      switch (random.nextInt(7)) {
        case 0, 1, 2 -> doc.append(words(random, 12, 40)).append('.');
        case 3 -> doc.append(LABELS[random.nextInt(LABELS.length)]);
        case 4 -> doc.append(words(random, 2, 9));
        case 5 -> doc.append(CREDITS[random.nextInt(CREDITS.length)]);
        default -> doc.append('"').append(words(random, 3, 10)).append(".\"");
      }
      if (random.nextInt(6) == 0) {
        doc.append(random.nextBoolean() ? " " : "\t");
      }
      doc.append(lineBreak(random, usual, mixed));
      blankLines(random, doc, usual, mixed);
    }
    if (random.nextBoolean() && doc.length() > 0) {
      doc.setLength(doc.length() - 1); // sometimes no final line break (or half of a CRLF)
    }
    return doc.toString();
  }

  /**
   * A front-matter block, YAML or TOML, valid or not: fields of every shape, broken values, blocks
   * nested past the limit, delimiters that never close; with its closing line break.
   */
  static String frontMatter(Random random) {
    boolean toml = random.nextBoolean();
    String delimiter = toml ? "+++" : "---";
    String assign = toml ? " = " : ": ";
    StringBuilder block = new StringBuilder(delimiter).append('\n');
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      String key = "k" + random.nextInt(4);
      switch (random.nextInt(9)) {
        case 0 ->
            block
                .append("title")
                .append(assign)
                .append('"')
                .append(words(random, 1, 6))
                .append('"');
        case 1 ->
            block
                .append("date")
                .append(assign)
                .append(toml ? "2025-03-14T09:30:00Z" : "2025-03-14");
        case 2 -> block.append("date").append(assign).append(toml ? "\"soon\"" : "soon");
        case 3 -> block.append(key).append(assign).append("[\"a\", \"b\"]");
        case 4 ->
            block
                .append(toml ? "[" + key + "]" : key + ":")
                .append("\n  x")
                .append(assign)
                .append('1');
        case 5 -> block.append(key).append(assign).append("[unclosed");
        case 6 -> {
          int depth = 1 + random.nextInt(120);
          block.append(key).append(assign).append("[".repeat(depth)).append("]".repeat(depth));
        }
        case 7 -> block.append(key).append(assign).append("\"").append(words(random, 1, 3));
        default -> block.append(words(random, 1, 4));
      }
      block.append(random.nextInt(8) == 0 ? "\r\n" : "\n");
    }
    if (random.nextInt(10) > 0) {
      block.append(random.nextInt(6) == 0 ? (toml ? "---" : "+++") : delimiter).append('\n');
    }
    return block.toString();
  }

  /** Plain prose with subheadings and blank lines, nothing a loader should remove. */
  static String plainBody(Random random) {
    StringBuilder doc = new StringBuilder();
    String usual = BREAKS[random.nextInt(BREAKS.length)];
    blankLines(random, doc, usual, false);
    int blocks = 1 + random.nextInt(10);
    for (int i = 0; i < blocks; i++) {
      doc.append(random.nextInt(4) == 0 ? words(random, 1, 6) : words(random, 5, 30) + ".");
      doc.append(usual);
      blankLines(random, doc, usual, false);
    }
    return doc.toString();
  }

  /** {@code text} without its leading and trailing blank lines. */
  static String stripBlankLines(String text) {
    int start = 0;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lineStart = i + 1;
      } else if (!Character.isWhitespace(c)) {
        start = lineStart;
        break;
      }
    }
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static void blankLines(Random random, StringBuilder doc, String usual, boolean mixed) {
    int blanks = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(2);
    for (int i = 0; i < blanks; i++) {
      doc.append(random.nextInt(5) == 0 ? " \t" : "").append(lineBreak(random, usual, mixed));
    }
  }

  private static String words(Random random, int min, int max) {
    int count = min + random.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String lineBreak(Random random, String usual, boolean mixed) {
    return mixed ? BREAKS[random.nextInt(BREAKS.length)] : usual;
  }
}
