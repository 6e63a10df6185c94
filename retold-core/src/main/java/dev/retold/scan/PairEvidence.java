package dev.retold.scan;

import dev.retold.ArticlePair;
import dev.retold.Passage;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.similarity.RelationClassifier;
import dev.retold.similarity.SharedNames;
import dev.retold.similarity.SharedPassageFinder;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.WordRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The evidence two articles read in full give: the exact overlap of their shingle sets, the copy
 * relation it implies (if any), and the shared passages with their offsets into both files. Every
 * stage of the second pass asks here, so one pair always gets the same evidence. Thread-safe.
 */
final class PairEvidence {
  private final RelationClassifier classifier;
  private final SharedPassageFinder passageFinder;
  private final int shingleSize;
  private final int passageMinWords;

  PairEvidence(RetoldSettings settings) {
    RetoldSettings.Copies copies = settings.copies();
    this.classifier =
        new RelationClassifier(
            copies.nearDuplicateJaccard(), copies.derivedContainment(), copies.derivedMinShared());
    this.passageFinder =
        new SharedPassageFinder(
            settings.evidence().passageMinWords(), settings.evidence().maxPassages());
    this.shingleSize = copies.shingleSize();
    this.passageMinWords = settings.evidence().passageMinWords();
  }

  /** The exact overlap of the two articles' shingle sets. */
  ShingleOverlap overlap(AnalyzedArticle a, AnalyzedArticle b) {
    return ShingleOverlap.of(a.shingleSet(), b.shingleSet());
  }

  /** The strongest copy relation the overlap (and the words, for a duplicate) implies, if any. */
  Optional<Relation> copyRelation(AnalyzedArticle a, AnalyzedArticle b, ShingleOverlap overlap) {
    return classifier.classify(overlap, Arrays.equals(a.termHashes(), b.termHashes()));
  }

  /**
   * The shared passages: the evidence, looked for only once a pair is to be reported. A passage of
   * at least as many words as a shingle shares a shingle, so two articles sharing none (most
   * retellings of one event in other words) have none, and are not searched.
   */
  List<Passage> passages(AnalyzedArticle a, AnalyzedArticle b, ShingleOverlap overlap) {
    if (overlap.shared() == 0 && passageMinWords >= shingleSize) {
      return List.of();
    }
    List<WordRun> runs =
        passageMinWords >= shingleSize
            ? passageFinder.find(
                a.termHashes(),
                a.shingles(),
                b.termHashes(),
                b.shingles(),
                ShingleOverlap.sharedHashes(a.shingleSet(), b.shingleSet()))
            : passageFinder.find(a.termHashes(), b.termHashes());
    List<Passage> passages = new ArrayList<>();
    for (WordRun run : runs) {
      passages.add(passage(run, a, b));
    }
    return passages;
  }

  /** The reported pair of {@code a} and {@code b}, which are in id order, with its shared names. */
  static ArticlePair pair(
      AnalyzedArticle a,
      AnalyzedArticle b,
      Relation relation,
      String origin,
      double similarity,
      double semantic,
      ShingleOverlap overlap,
      List<Passage> passages) {
    return pair(a, b, relation, origin, similarity, semantic, overlap, passages, sharedNames(a, b));
  }

  /**
   * A verified pair of {@code a} and {@code b}, in id order, without its passages and names: those
   * are found once it is to be reported.
   */
  static ArticlePair verified(
      AnalyzedArticle a,
      AnalyzedArticle b,
      Relation relation,
      String origin,
      double similarity,
      double semantic,
      ShingleOverlap overlap) {
    return pair(a, b, relation, origin, similarity, semantic, overlap, List.of(), List.of());
  }

  private static ArticlePair pair(
      AnalyzedArticle a,
      AnalyzedArticle b,
      Relation relation,
      String origin,
      double similarity,
      double semantic,
      ShingleOverlap overlap,
      List<Passage> passages,
      List<String> names) {
    return new ArticlePair(
        a.article().id(),
        b.article().id(),
        relation,
        origin,
        similarity,
        overlap.jaccard(),
        overlap.containmentAInB(),
        overlap.containmentBInA(),
        passages,
        names,
        semantic);
  }

  /** The names and numbers both articles use ({@link SharedNames}). */
  static List<String> sharedNames(AnalyzedArticle a, AnalyzedArticle b) {
    return SharedNames.of(a.names(), b.names());
  }

  private static Passage passage(WordRun run, AnalyzedArticle a, AnalyzedArticle b) {
    int[] spanA = a.sourceSpan(run.startA(), run.endA());
    int[] spanB = b.sourceSpan(run.startB(), run.endB());
    return new Passage(
        run.length(), spanA[0], spanA[1], spanB[0], spanB[1], a.bodyText(run.startA(), run.endA()));
  }
}
