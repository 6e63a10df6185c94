package dev.retold;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one scan found: the articles, the stories they form, the groups of copies among them,
 * the related pairs with their evidence, and the files that were skipped. Immutable; every list is
 * in a stable order (articles and skipped files by id, stories and copy groups largest first, pairs
 * by their two ids), so the same input always gives the same result.
 *
 * <p>Copies are reported as groups ({@link CopyGroup}): the pairs within a group are not in {@code
 * pairs}, so that {@code n} copies of one article give {@code n} names and one pair's evidence, not
 * {@code n (n - 1) / 2} pairs.
 *
 * <p>The articles are {@link ArticleInfo}s, not {@link Article}s: a result of a million articles
 * keeps their metadata but not their bodies. The evidence for each link is in {@link
 * ArticlePair#passages()}, with offsets into the source files; a caller who needs a body reads it
 * again from its file or keeps the articles it scanned.
 *
 * @param articles what the scan keeps of each loaded article (no body), by id
 * @param stories every story, singletons included, largest first
 * @param copyGroups the groups of copies, largest first; each lies within one story
 * @param pairs the related pairs no copy group implies (none of two members of one group), by
 *     ({@code a}, {@code b})
 * @param skipped the files not loaded, by path
 * @param summary the counts
 */
public record ScanResult(
    List<ArticleInfo> articles,
    List<Story> stories,
    List<CopyGroup> copyGroups,
    List<ArticlePair> pairs,
    List<SkippedFile> skipped,
    ScanSummary summary) {

  /** Copies the lists. */
  public ScanResult {
    articles = List.copyOf(articles);
    stories = List.copyOf(stories);
    copyGroups = List.copyOf(copyGroups);
    pairs = List.copyOf(pairs);
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(summary, "summary");
  }

  /** The story that holds the article with this id, if the article was loaded. */
  public Optional<Story> storyOf(String articleId) {
    return Optional.ofNullable(storyIndex().get(articleId));
  }

  /** What the scan keeps of the article with this id, if it was loaded. */
  public Optional<ArticleInfo> article(String articleId) {
    return articles.stream().filter(a -> a.id().equals(articleId)).findFirst();
  }

  /** Maps every article id to its story. */
  public Map<String, Story> storyIndex() {
    Map<String, Story> index = new HashMap<>();
    for (Story story : stories) {
      index.put(story.canonical(), story);
      for (StoryMember member : story.members()) {
        index.put(member.id(), story);
      }
    }
    return index;
  }
}
