package dev.retold.bench;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One generated article with its planted label.
 *
 * <p>Every article belongs to a story. A story of several articles has one {@value #ORIGINAL} and
 * members planted from it: {@value #NEAR_DUPLICATE} (word edits), {@value #DERIVED} (a condensed
 * rewrite or an excerpt) and {@value #SAME_STORY} (new wording, the same facts). An {@value
 * #UNRELATED} article is the only member of its story. {@code origin} is the id of the original a
 * member was planted from, and {@code null} for originals and unrelated articles.
 *
 * <p>{@code detail} says how the article was planted, or is empty:
 *
 * <ul>
 *   <li>{@value #ORIGINAL}: {@code facts=NAME|NAME|...|NUMBER|...|PLACE|DATE}, the story's facts as
 *       they are written in the text (names, numbers, the place, the date);
 *   <li>{@value #NEAR_DUPLICATE}: {@code edit-rate=0.0312}, word edits divided by the original's
 *       words;
 *   <li>{@value #DERIVED}: {@code condensed=0.4500} (share of the original's sentences kept) or
 *       {@code excerpt=0.3000} (share of its sentences in the contiguous span);
 *   <li>{@value #SAME_STORY} and {@value #UNRELATED}: empty.
 * </ul>
 *
 * @param id unique in the corpus: 16 lower-case hex digits
 * @param title the headline
 * @param date the publication date, {@code YYYY-MM-DD}
 * @param text the body: sentences ending in periods, paragraphs separated by a blank line
 * @param story the story's id; an unrelated article has a story of its own
 * @param relation one of {@value #ORIGINAL}, {@value #NEAR_DUPLICATE}, {@value #DERIVED}, {@value
 *     #SAME_STORY}, {@value #UNRELATED}
 * @param origin the id of the original it was planted from, or {@code null}
 * @param detail how it was planted (see above), never {@code null}, no tab or line break
 */
public record GeneratedArticle(
    String id,
    String title,
    String date,
    String text,
    String story,
    String relation,
    String origin,
    String detail) {
  /** The first article of a story, which the others were planted from. */
  public static final String ORIGINAL = "ORIGINAL";

  /** A copy of the original with a few per cent of its words substituted, inserted or deleted. */
  public static final String NEAR_DUPLICATE = "NEAR_DUPLICATE";

  /** A condensed rewrite of the original or an excerpt of it. */
  public static final String DERIVED = "DERIVED";

  /** The original's facts told in new sentences. */
  public static final String SAME_STORY = "SAME_STORY";

  /** An article alone in its story. */
  public static final String UNRELATED = "UNRELATED";

  /** Every relation, in the order above. */
  public static final List<String> RELATIONS =
      List.of(ORIGINAL, NEAR_DUPLICATE, DERIVED, SAME_STORY, UNRELATED);

  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Checks every field; the message names the field and the value refused. */
  public GeneratedArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(detail, "detail");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 16 lower-case hex digits: " + id);
    }
    if (!DATE.matcher(date).matches()) {
      throw new IllegalArgumentException("date must be YYYY-MM-DD: " + date);
    }
    if (!RELATIONS.contains(relation)) {
      throw new IllegalArgumentException("relation must be one of " + RELATIONS + ": " + relation);
    }
    boolean planted = !relation.equals(ORIGINAL) && !relation.equals(UNRELATED);
    if (planted != (origin != null)) {
      throw new IllegalArgumentException(
          "origin must be given exactly for planted relations: " + relation + " from " + origin);
    }
    if (origin != null && !ID.matcher(origin).matches()) {
      throw new IllegalArgumentException("origin must be 16 lower-case hex digits: " + origin);
    }
    if (story.isEmpty() || story.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("story must be a non-empty word: '" + story + "'");
    }
    if (detail.indexOf('\t') >= 0 || detail.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("detail must hold no tab or line break: " + detail);
    }
  }

  /** A made-up address for the article: {@code https://example.com/news/YYYY/MM/DD/ID}. */
  public String url() {
    return "https://example.com/news/" + date.replace('-', '/') + "/" + id;
  }
}
