package dev.retold;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one scan found: the articles, the stories they form, the related pairs with their
 * evidence, and the files that were skipped. Immutable; every list is in a stable order (articles
 * and skipped files by id, stories largest first, pairs by their two ids), so the same input always
 * gives the same result.
 *
 * <p>The articles are {@link ArticleInfo}s, not {@link Article}s: a result of a million articles
 * keeps their metadata but not their bodies. The evidence for each link is in {@link
 * ArticlePair#passages()}, with offsets into the source files; a caller who needs a body reads it
 * again from its file or keeps the articles it scanned.
 *
 * @param articles what the scan keeps of each loaded article (no body), by id
 * @param stories every story, singletons included, largest first
 * @param pairs the related pairs, by ({@code a}, {@code b})
 * @param skipped the files not loaded, by path
 * @param summary the counts
 */
public record ScanResult(
    List<ArticleInfo> articles,
    List<Story> stories,
    List<ArticlePair> pairs,
    List<SkippedFile> skipped,
    ScanSummary summary) {

  /** Copies the lists. */
  public ScanResult {
    articles = List.copyOf(articles);
    stories = List.copyOf(stories);
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
