package dev.retold.report;

import dev.retold.load.ArticleReader;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Where the HTML report finds the texts of the articles whose evidence it shows side by side: the
 * source text of each, with the article read from it (its body's source map tells what the loader
 * took out). An id it cannot give is shown without its text.
 */
@FunctionalInterface
interface EvidenceTexts {
  /** No texts: evidence is shown as passages and scores only. */
  EvidenceTexts NONE = ids -> Map.of();

  /** The texts of {@code ids} it can give. */
  Map<String, ArticleReader.Source> read(Collection<String> ids) throws IOException;
}
