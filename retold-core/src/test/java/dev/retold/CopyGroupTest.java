package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Copies reported as groups: {@code n} copies of one article give one group, not {@code n (n - 1) /
 * 2} pairs, and groups mixed with rewrites keep every relation the stories tell.
 */
class CopyGroupTest {
  private static final Passage PASSAGE = new Passage(3, 0, 5, 0, 5, "a b c");

  private static ArticlePair pair(String a, String b) {
    return new ArticlePair(a, b, Relation.DUPLICATE, null, 1, 1, 1, 1, List.of(PASSAGE));
  }

  @Test
  void checksItsFields() {
    List<String> members = List.of("a", "b", "c");
    CopyGroup group = new CopyGroup("c1", "b", members, Relation.DUPLICATE, pair("a", "b"));
    assertThat(group.size()).isEqualTo(3);
    assertThatThrownBy(
            () -> new CopyGroup("c1", "a", List.of("a"), Relation.DUPLICATE, pair("a", "b")))
        .hasMessageContaining("two members");
    assertThatThrownBy(
            () -> new CopyGroup("c1", "a", List.of("b", "a"), Relation.DUPLICATE, pair("a", "b")))
        .hasMessageContaining("sorted");
    assertThatThrownBy(() -> new CopyGroup("c1", "d", members, Relation.DUPLICATE, pair("a", "b")))
        .hasMessageContaining("not a member");
    assertThatThrownBy(() -> new CopyGroup("c1", "a", members, Relation.DERIVED, pair("a", "b")))
        .hasMessageContaining("copy relation");
    assertThatThrownBy(() -> new CopyGroup("c1", "c", members, Relation.DUPLICATE, pair("a", "b")))
        .hasMessageContaining("evidence");
    assertThatThrownBy(() -> new CopyGroup("c1", "a", members, Relation.DUPLICATE, pair("a", "x")))
        .hasMessageContaining("evidence");
  }

  /**
   * A syndicated story: 1,000 copies of one article of about 2 KB. The result and every report are
   * linear in the copies: no pair listed, one group with one pair's passages.
   */
  @Test
  void aThousandCopiesMakeOneGroupAndReportsLinearInTheCopies() throws IOException {
    int n = 1000;
    String body = RandomArticles.text(RandomArticles.randomWords(new Random(3), 330));
    assertThat(body.length()).isBetween(1500, 3000);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(Article.of(String.format("wire-%04d.txt", i), body));
    }
    ScanResult result =
        assertTimeoutPreemptively( // a hang guard only
            Duration.ofSeconds(120), () -> Retold.builder().threads(2).build().scan(articles));

    assertThat(result.pairs()).hasSizeLessThanOrEqualTo(n).isEmpty();
    assertThat(result.copyGroups()).hasSize(1);
    CopyGroup group = result.copyGroups().get(0);
    assertThat(group.id()).isEqualTo("c1");
    assertThat(group.members()).hasSize(n).first().isEqualTo("wire-0000.txt");
    assertThat(group.representative()).isEqualTo("wire-0000.txt");
    assertThat(group.relation()).isEqualTo(Relation.DUPLICATE);
    assertThat(group.evidence().b()).isEqualTo("wire-0001.txt");
    assertThat(group.evidence().passages()).hasSize(1);
    assertThat(group.evidence().passages().get(0).words()).isEqualTo(330);
    assertThat(result.stories()).hasSize(1);
    Story story = result.stories().get(0);
    assertThat(story.canonical()).isEqualTo("wire-0000.txt");
    assertThat(story.members())
        .hasSize(n - 1)
        .allSatisfy(member -> assertThat(member.relation()).isEqualTo(Relation.DUPLICATE));
    assertThat(result.summary()).isEqualTo(new ScanSummary(n, n, 0, 1, 0, 1, n));

    // every member named a few times (articles, story members, group members), one passage
    int linearBound = 400 * n + 4 * body.length();
    assertThat(report(ReportFormat.JSON, result).length()).isLessThan(linearBound);
    assertThat(report(ReportFormat.CSV, result).length()).isLessThan(linearBound);
    String text = report(ReportFormat.TEXT, result);
    assertThat(text.lines()).hasSizeLessThan(10);
    assertThat(text)
        .contains(
            "COPIES         c1: 1000 articles, DUPLICATE: wire-0000.txt (representative),"
                + " wire-0001.txt, wire-0002.txt and 997 more\n")
        .endsWith(
            "1000 files found: 1000 loaded, 0 skipped; 1 group of related articles, 1 copy group"
                + " holding 1000 articles, 0 other related pairs.\n");
  }

  /**
   * Three originals, each with exact copies, an edited copy and an excerpt (dated a day later):
   * three groups (the exact and edited copies of each), three stories, and the excerpts' pairs with
   * the exact copies' representative and with the edited copy only.
   */
  @Test
  void threeGroupsOfCopiesMixedWithRewrites() {
    Random random = new Random(4);
    List<Article> articles = new ArrayList<>();
    String[][] vocabularies = {
      RandomArticles.VOCABULARY, RandomArticles.OTHER_VOCABULARY, vocabulary(new Random(44))
    };
    for (int story = 0; story < 3; story++) {
      List<String> words = RandomArticles.randomWords(random, 400, vocabularies[story]);
      String prefix = "s" + story + "-";
      LocalDate day = LocalDate.of(2026, 2, 1).plusDays(story);
      for (int copy = 0; copy < 5 + 5 * story; copy++) {
        articles.add(
            Article.of(prefix + "copy" + copy, RandomArticles.text(words))
                .withTitleAndDate(null, day));
      }
      articles.add(
          Article.of(
                  prefix + "edited",
                  RandomArticles.text(RandomArticles.edited(random, words, 0.02)))
              .withTitleAndDate(null, day.plusDays(1)));
      articles.add(
          Article.of(prefix + "excerpt", RandomArticles.text(words.subList(100, 260)))
              .withTitleAndDate(null, day.plusDays(1)));
    }
    ScanResult result = Retold.withDefaults().scan(articles);

    assertThat(result.copyGroups())
        .extracting(group -> group.id() + " " + group.size() + " " + group.representative())
        .containsExactly("c1 16 s2-copy0", "c2 11 s1-copy0", "c3 6 s0-copy0");
    assertThat(result.copyGroups())
        .allSatisfy(group -> assertThat(group.relation()).isEqualTo(Relation.NEAR_DUPLICATE));
    for (CopyGroup group : result.copyGroups()) {
      String prefix = group.representative().substring(0, 3);
      assertThat(group.members()).allMatch(id -> id.startsWith(prefix) && !id.contains("excerpt"));
      assertThat(group.members()).contains(prefix + "edited");
      Story story = result.storyOf(group.representative()).orElseThrow();
      assertThat(story.size()).isEqualTo(group.size() + 1); // and the excerpt
      Set<String> members =
          story.members().stream().map(StoryMember::id).collect(Collectors.toSet());
      assertThat(members).contains(prefix + "excerpt");
    }
    // no pair within a group; the excerpt's pair with the exact copies is one, with their
    // representative, and it has one with the edited copy
    assertThat(result.pairs())
        .extracting(pair -> pair.a() + " " + pair.b() + " " + pair.relation())
        .containsExactly(
            "s0-copy0 s0-excerpt DERIVED",
            "s0-edited s0-excerpt DERIVED",
            "s1-copy0 s1-excerpt DERIVED",
            "s1-edited s1-excerpt DERIVED",
            "s2-copy0 s2-excerpt DERIVED",
            "s2-edited s2-excerpt DERIVED");
    assertThat(result.summary()).isEqualTo(new ScanSummary(36, 36, 0, 3, 6, 3, 33));
  }

  /**
   * A copy group and a rewrite of it: the rewrite relates to the group's canonical article, which
   * the origin rule and the dates make the earliest copy, the group's representative.
   */
  @Test
  void aRewriteOfAGroupRelatesToItsCanonical() {
    Random random = new Random(5);
    List<String> words = RandomArticles.randomWords(random, 500);
    String body = RandomArticles.text(words);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      articles.add(
          Article.of("copy" + (char) ('a' + i % 26) + i, body)
              .withTitleAndDate(null, LocalDate.of(2026, 1, 10).plusDays(i % 7)));
    }
    articles.add(
        Article.of("rewrite", RandomArticles.text(words.subList(0, 120)))
            .withTitleAndDate(null, LocalDate.of(2026, 1, 20)));
    ScanResult result = Retold.withDefaults().scan(articles);

    assertThat(result.copyGroups()).hasSize(1);
    CopyGroup group = result.copyGroups().get(0);
    assertThat(group.size()).isEqualTo(50);
    assertThat(group.representative()).isEqualTo("copya0"); // dated first, then by id
    Story story = result.storyOf("rewrite").orElseThrow();
    assertThat(story.canonical()).isEqualTo(group.representative());
    assertThat(story.members())
        .filteredOn(member -> member.id().equals("rewrite"))
        .extracting(StoryMember::relation)
        .containsExactly(Relation.DERIVED);
    assertThat(story.members())
        .filteredOn(member -> !member.id().equals("rewrite"))
        .hasSize(49)
        .allSatisfy(member -> assertThat(member.relation()).isEqualTo(Relation.DUPLICATE));
    assertThat(result.pairs()).hasSize(1);
    ArticlePair rewrite = result.pairs().get(0);
    assertThat(rewrite.a()).isEqualTo("copya0");
    assertThat(rewrite.relation()).isEqualTo(Relation.DERIVED);
    assertThat(rewrite.origin()).isEqualTo("copya0");
    assertThat(rewrite.passages().get(0).words()).isEqualTo(120);
  }

  /**
   * A third topic's words, made as {@link RandomArticles} makes its two, and none of theirs: an
   * edited copy takes its new words from {@link RandomArticles#VOCABULARY}, so a story of its own
   * must not share them.
   */
  private static String[] vocabulary(Random random) {
    Set<String> taken = new HashSet<>(List.of(RandomArticles.VOCABULARY));
    taken.addAll(List.of(RandomArticles.OTHER_VOCABULARY));
    List<String> words = new ArrayList<>();
    while (words.size() < 2000) {
      StringBuilder word = new StringBuilder();
      int length = 3 + random.nextInt(7);
      for (int k = 0; k < length; k++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      if (taken.add(word.toString())) {
        words.add(word.toString());
      }
    }
    return words.toArray(String[]::new);
  }

  private static String report(ReportFormat format, ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    format.write(result, out);
    return out.toString();
  }
}
