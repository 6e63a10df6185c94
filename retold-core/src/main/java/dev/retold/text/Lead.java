package dev.retold.text;

/**
 * An article's lead as a sentence embedder reads it: the title (unless the body starts with it), a
 * space, the body, white space runs made one space, cut to at most {@code maxChars} at a word
 * boundary. News puts the story first, and an embedding costs time by its length.
 */
public final class Lead {
  private Lead() {}

  /**
   * The lead of an article.
   *
   * @param title the title, or null
   * @param body the body
   * @param maxChars the most characters, >= 1
   */
  public static String of(String title, String body, int maxChars) {
    String strippedBody = body.strip();
    String strippedTitle = title == null ? "" : title.strip();
    String text =
        strippedTitle.isEmpty() || strippedBody.startsWith(strippedTitle)
            ? strippedBody
            : strippedTitle + " " + strippedBody;
    StringBuilder lead = new StringBuilder(Math.min(text.length(), maxChars + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && lead.length() <= maxChars; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && lead.length() > 0) {
          lead.append(' ');
        }
        space = false;
        lead.append(c);
      }
    }
    if (lead.length() <= maxChars) {
      return lead.toString();
    }
    int cut = lead.lastIndexOf(" ", maxChars);
    return lead.substring(0, cut > maxChars / 2 ? cut : maxChars);
  }
}
