package dev.retold.report;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.Passage;
import dev.retold.Relation;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import dev.retold.load.ArticleReader;
import dev.retold.load.UnpairedSurrogates;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;

/**
 * The report to look at: one self-contained HTML page that opens offline in any browser. The
 * summary, then each story, largest first, with its canonical article, its members with relation
 * badges and the scores in plain words, a drawing of its links (SVG, drawn here), and the evidence
 * of each link: the shared passages (open for stories of at most {@value #OPEN_PAIRS} pairs). Then
 * the articles that stand alone, the skipped files with their reasons, and the lines removed from
 * each article as page chrome.
 *
 * <p>Safe by construction: every string that comes from an article or a file name goes through
 * {@link #escape} (jsoup's entity escaping, after {@link UntrustedText#visible}), and nothing else
 * writes such a string. The page's Content-Security-Policy allows nothing to be fetched, no form to
 * be sent, and only its own style sheet and script to run (by their SHA-256 hashes), so not even a
 * string that escaped escaping could run. The page reads without its script, which only adds a
 * filter box.
 *
 * <p>Large scans stay readable: the first {@value #FULL_STORIES} stories are shown in full, the
 * rest one line each; a story shows at most {@value #PAIRS_SHOWN} pairs' evidence (each pair its
 * {@value #PASSAGES_SHOWN} longest passages), a copy group names {@value #COPIES_NAMED} members,
 * the graph is drawn for stories of at most {@value #GRAPH_NODES} members, and {@value #LISTED}
 * articles are listed alone and with removed lines, each time with how many more there are. The
 * page grows with the stories, never with the square of a copy group.
 */
final class HtmlReport implements ReportWriter {
  static final int FULL_STORIES = 200;
  static final int PAIRS_SHOWN = 12;
  static final int PASSAGES_SHOWN = 3;
  static final int COPIES_NAMED = 10;
  static final int GRAPH_NODES = 40;
  static final int LISTED = 1000;
  static final int OPEN_PAIRS = 10;
  static final int TEXT_BUDGET = 2_000_000;

  private static final String LEGEND =
      "<figcaption class=\"more\">C: the canonical article; numbers: the members in the table."
          + " Lines: <span class=\"key-copy\">copies</span>, <span class=\"key-derived\">"
          + "derived</span>, <span class=\"key-same\">same story</span>.</figcaption>";

  private static final String STYLE =
      String.join(
          "\n",
          "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:70em;padding:1em;"
              + "color:#1d1d1f;background:#fff}",
          "h1{font-size:1.5em}h2{font-size:1.2em;margin:0 0 .4em}h3{font-size:1em;margin:.6em 0 .2em}",
          "code{font-size:.9em;word-break:break-all}",
          ".summary{font-size:1.05em}",
          "section.story{border:1px solid #d2d2d7;border-radius:6px;padding:.8em 1em;margin:1em 0}",
          "table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;"
              + "padding:.25em .5em;border-bottom:1px solid #eee}",
          ".badge{display:inline-block;font-size:.75em;font-weight:600;padding:.1em .45em;"
              + "border-radius:4px;color:#fff;white-space:nowrap}",
          ".DUPLICATE{background:#b3261e}.NEAR_DUPLICATE{background:#d9480f}"
              + ".DERIVED{background:#7048e8}.SAME_STORY{background:#1971c2}"
              + ".CANONICAL{background:#2b8a3e}",
          ".title{font-weight:600}.date,.more,.why{color:#555}.why{font-size:.92em}",
          "blockquote{margin:.3em 0;padding:.3em .7em;border-left:4px solid #7048e8;"
              + "background:#f6f3ff}",
          "svg{max-width:100%;height:auto}svg text{font:11px sans-serif}",
          "svg .edge-DUPLICATE,svg .edge-NEAR_DUPLICATE{stroke:#d9480f;stroke-width:3}",
          "svg .edge-DERIVED{stroke:#7048e8;stroke-width:2}",
          "svg .edge-SAME_STORY{stroke:#1971c2;stroke-width:1.5;stroke-dasharray:5 4}",
          "svg circle{fill:#fff;stroke:#1d1d1f}svg circle.canonical{fill:#2b8a3e}",
          ".removed li{color:#8e8e93}#filter{font-size:1em;padding:.3em;width:20em}",
          ".hidden{display:none}",
          ".story-body{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}"
              + ".story-body table{flex:1 1 30em}figure{margin:0;flex:0 0 320px}",
          ".key-copy{color:#d9480f;font-weight:700}.key-derived{color:#7048e8;font-weight:700}"
              + ".key-same{color:#1971c2;font-weight:700}",
          ".side-by-side{display:flex;gap:1em}.side-by-side .text{flex:1 1 0;min-width:0}"
              + "h4{font-size:.9em;margin:.4em 0 .2em}",
          ".side-by-side pre{white-space:pre-wrap;overflow-wrap:anywhere;max-height:36em;"
              + "overflow:auto;margin:0;padding:.5em;border:1px solid #d2d2d7;"
              + "font:13px/1.45 ui-monospace,monospace;background:#fcfcfd}",
          "mark{background:#ffe066;color:inherit}.removed{color:#a1a1a6}"
              + "mark.removed{background:#fff3bf}",
          "@media (max-width:50em){.side-by-side{flex-direction:column}}");

  static final String SCRIPT =
      String.join(
          "\n",
          "(function(){",
          "var box=document.createElement('input');box.id='filter';box.type='search';",
          "box.placeholder='Filter stories by name or title';",
          "document.getElementById('tools').appendChild(box);",
          "box.addEventListener('input',function(){",
          "var q=box.value.toLowerCase();",
          "document.querySelectorAll('section.story,tr.story').forEach(function(s){",
          "s.classList.toggle('hidden',q!==''&&s.textContent.toLowerCase().indexOf(q)<0);});});",
          "})();");

  private static final String POLICY =
      "default-src 'none'; style-src '"
          + sha256(STYLE)
          + "'; script-src '"
          + sha256(SCRIPT)
          + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

  private final EvidenceTexts texts;

  /** A report that shows evidence as passages and scores, without the texts. */
  HtmlReport() {
    this(EvidenceTexts.NONE);
  }

  /**
   * A report that shows the texts of the pairs it shows side by side, as {@code texts} gives them.
   */
  HtmlReport(EvidenceTexts texts) {
    this.texts = texts;
  }

  /** Opens a page: the head with its policy, style sheet and title, the body up to the summary. */
  static void head(String title, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<title>" + title + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n");
    out.write("<header>\n<h1>" + title + "</h1>\n");
  }

  /** Closes a page {@link #head} opened, with the script. */
  static void tail(Writer out) throws IOException {
    out.write("</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    out.flush();
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Index index = new Index(result);
    head("Retold report", out);
    out.write(
        "<p class=\"summary\">" + escape(TextReport.summaryLine(result.summary())) + "</p>\n");
    out.write("<div id=\"tools\"></div>\n</header>\n<main>\n");
    List<Story> stories = new ArrayList<>();
    List<Story> alone = new ArrayList<>();
    for (Story story : result.stories()) {
      (story.size() > 1 ? stories : alone).add(story);
    }
    stories.sort(Comparator.comparingInt(Story::size).reversed()); // stable: ids in order within
    Shown shown =
        Shown.plan(stories.subList(0, Math.min(stories.size(), FULL_STORIES)), index, texts);
    for (int s = 0; s < Math.min(stories.size(), FULL_STORIES); s++) {
      writeStory(stories.get(s), index, shown, out);
    }
    if (stories.size() > FULL_STORIES) {
      writeStoryTable(stories.subList(FULL_STORIES, stories.size()), index, out);
    }
    writeAlone(alone, index, out);
    writeSkipped(result.skipped(), out);
    writeRemoved(result.articles(), out);
    tail(out);
  }

  /**
   * Which shown pairs get their texts side by side: in page order, while their bodies add up to at
   * most {@value #TEXT_BUDGET} characters, so that the page stays small enough to open; and the
   * texts, read once for all of them.
   */
  private record Shown(
      Set<String> planned, Map<String, ArticleReader.Source> sources, boolean offered) {
    static Shown plan(List<Story> stories, Index index, EvidenceTexts texts) throws IOException {
      if (texts == EvidenceTexts.NONE) {
        return new Shown(Set.of(), Map.of(), false);
      }
      Set<String> planned = new HashSet<>();
      Set<String> ids = new TreeSet<>();
      long budget = TEXT_BUDGET;
      for (Story story : stories) {
        List<ArticlePair> pairs = index.pairsWithin(story);
        for (ArticlePair pair : pairs.subList(0, Math.min(pairs.size(), PAIRS_SHOWN))) {
          long size =
              (long) index.articles.get(pair.a()).length() + index.articles.get(pair.b()).length();
          if (size <= budget) {
            budget -= size;
            planned.add(TextReport.key(pair.a(), pair.b()));
            ids.add(pair.a());
            ids.add(pair.b());
          }
        }
      }
      return new Shown(planned, texts.read(ids), true);
    }

    /** The pair's two texts side by side, or why they are not shown; empty without texts. */
    String texts(ArticlePair pair, Index index) {
      if (!offered) {
        return "";
      }
      String command = "<code>retold explain A B</code> shows one pair's texts side by side.</p>\n";
      if (!planned.contains(TextReport.key(pair.a(), pair.b()))) {
        return "<p class=\"more\">Texts not shown: the page keeps to "
            + TEXT_BUDGET
            + " characters of text. "
            + command;
      }
      ArticleReader.Source a = sources.get(pair.a());
      ArticleReader.Source b = sources.get(pair.b());
      if (a == null
          || b == null
          || !SideBySide.fits(a, index.articles.get(pair.a()).length(), pair.passages(), true)
          || !SideBySide.fits(b, index.articles.get(pair.b()).length(), pair.passages(), false)) {
        return "<p class=\"more\">Texts not shown: a file is gone or has changed since the scan.</p>\n";
      }
      return "<details class=\"texts\"><summary>Both texts, the shared passages marked</summary>\n"
          + SideBySide.html(pair.a(), a, pair.b(), b, pair.passages())
          + "</details>\n";
    }
  }

  /** The result looked up by id: articles, pairs by their two ids, copy groups by member. */
  private static final class Index {
    final Map<String, ArticleInfo> articles = new HashMap<>();
    final Map<String, ArticlePair> pairs = new HashMap<>();
    final Map<String, List<ArticlePair>> pairsOf = new HashMap<>();
    final Map<String, CopyGroup> copyGroupOf = new HashMap<>();

    Index(ScanResult result) {
      for (ArticleInfo article : result.articles()) {
        articles.put(article.id(), article);
      }
      for (ArticlePair pair : result.pairs()) {
        add(pair);
      }
      for (CopyGroup group : result.copyGroups()) {
        add(group.evidence());
        for (String member : group.members()) {
          copyGroupOf.put(member, group);
        }
      }
    }

    private void add(ArticlePair pair) {
      pairs.put(TextReport.key(pair.a(), pair.b()), pair);
      pairsOf.computeIfAbsent(pair.a(), id -> new ArrayList<>()).add(pair);
    }

    /** The pairs both of whose articles are members of {@code story}, strongest first. */
    List<ArticlePair> pairsWithin(Story story) {
      List<String> ids = new ArrayList<>();
      ids.add(story.canonical());
      story.members().forEach(member -> ids.add(member.id()));
      Set<String> members = new HashSet<>(ids);
      List<ArticlePair> within = new ArrayList<>();
      for (String id : ids) {
        for (ArticlePair pair : pairsOf.getOrDefault(id, List.of())) {
          if (members.contains(pair.b())) {
            within.add(pair);
          }
        }
      }
      within.sort(
          Comparator.comparing(ArticlePair::relation)
              .thenComparing(ArticlePair::a)
              .thenComparing(ArticlePair::b));
      return within;
    }
  }

  private static void writeStory(Story story, Index index, Shown texts, Writer out)
      throws IOException {
    ArticleInfo canonical = index.articles.get(story.canonical());
    out.write("<section class=\"story\" id=\"story-" + escape(story.id()) + "\">\n");
    out.write(
        "<h2>Story "
            + escape(story.id())
            + ": "
            + story.size()
            + " articles</h2>\n<p><span class=\"badge CANONICAL\">CANONICAL</span> "
            + articleCell(canonical)
            + copyGroupLine(index.copyGroupOf.get(story.canonical()), story.canonical())
            + "</p>\n");
    List<StoryMember> shown = new ArrayList<>();
    for (StoryMember member : story.members()) {
      CopyGroup group = index.copyGroupOf.get(member.id());
      if (group == null || group.representative().equals(member.id())) {
        shown.add(member);
      }
    }
    out.write("<div class=\"story-body\">\n");
    if (shown.size() <= GRAPH_NODES) {
      out.write("<figure>" + Graph.svg(story, shown, index.pairs) + LEGEND + "</figure>\n");
    }
    out.write("<table class=\"members\">\n<tr><th>#</th><th>relation</th><th>article</th></tr>\n");
    for (int i = 0; i < shown.size(); i++) {
      StoryMember member = shown.get(i);
      ArticlePair direct = index.pairs.get(TextReport.key(story.canonical(), member.id()));
      out.write(
          "<tr><td>"
              + (i + 1)
              + "</td><td>"
              + badge(member.relation())
              + "</td><td>"
              + articleCell(index.articles.get(member.id()))
              + "<br><span class=\"why\">"
              + escape(PlainWords.why(member, direct, story.canonical()))
              + "</span>"
              + copyGroupLine(index.copyGroupOf.get(member.id()), member.id())
              + "</td></tr>\n");
    }
    out.write("</table>\n</div>\n");
    List<ArticlePair> pairs = index.pairsWithin(story);
    out.write(
        "<details class=\"pairs\""
            + (pairs.size() <= OPEN_PAIRS ? " open" : "")
            + "><summary>The evidence: "
            + pairs.size()
            + " pair"
            + plural(pairs.size())
            + "</summary>\n");
    for (int i = 0; i < Math.min(pairs.size(), PAIRS_SHOWN); i++) {
      writePair(pairs.get(i), out);
      out.write(texts.texts(pairs.get(i), index));
      out.write("</div>\n");
    }
    if (pairs.size() > PAIRS_SHOWN) {
      out.write(
          "<p class=\"more\">and "
              + (pairs.size() - PAIRS_SHOWN)
              + " more pairs: <code>retold explain A B</code> shows one pair's evidence, and"
              + " <code>--format json</code> every pair's.</p>\n");
    }
    out.write("</details>\n</section>\n");
  }

  private static void writePair(ArticlePair pair, Writer out) throws IOException {
    out.write(
        "<div class=\"pair\"><h3>"
            + badge(pair.relation())
            + " <code>"
            + escape(pair.a())
            + "</code> and <code>"
            + escape(pair.b())
            + "</code></h3>\n<p class=\"why\">"
            + escape(PlainWords.scores(pair))
            + "</p>\n");
    writeNames(pair.sharedNames(), out);
    writePassages(pair.passages(), PASSAGES_SHOWN, out);
  }

  /** The names and numbers a pair shares, in a line of their own, if any. */
  static void writeNames(List<String> names, Writer out) throws IOException {
    if (!names.isEmpty()) {
      out.write(
          "<p class=\"why names\">Both mention "
              + escape(PlainWords.mentions(names, "").substring("both mention ".length()))
              + "</p>\n");
    }
  }

  /** The longest {@code most} passages, each quoted with where it stands, and how many more. */
  static void writePassages(List<Passage> passages, int most, Writer out) throws IOException {
    if (passages.isEmpty()) {
      return;
    }
    int shownPassages = Math.min(passages.size(), most);
    out.write("<ol class=\"passages\">\n");
    for (Passage passage : passages.subList(0, shownPassages)) {
      out.write(
          "<li><blockquote>"
              + escape(passage.text())
              + "</blockquote><span class=\"more\">"
              + passage.words()
              + " words; characters "
              + passage.startA()
              + "-"
              + passage.endA()
              + " of the first, "
              + passage.startB()
              + "-"
              + passage.endB()
              + " of the second</span></li>\n");
    }
    out.write("</ol>\n");
    if (passages.size() > shownPassages) {
      out.write(
          "<p class=\"more\">and "
              + (passages.size() - shownPassages)
              + " shorter passage"
              + plural(passages.size() - shownPassages)
              + "</p>\n");
    }
  }

  private static String copyGroupLine(CopyGroup group, String article) {
    if (group == null) {
      return "";
    }
    StringBuilder line =
        new StringBuilder("<br><span class=\"why\">copy group ")
            .append(escape(group.id()))
            .append(": ")
            .append(group.size())
            .append(" articles, ")
            .append(group.relation().name())
            .append(", represented by <code>")
            .append(escape(group.representative()))
            .append("</code>; the others: ");
    List<String> named = TextReport.othersNamed(group, article, COPIES_NAMED);
    for (int i = 0; i < named.size(); i++) {
      line.append(i == 0 ? "" : ", ")
          .append("<code>")
          .append(escape(named.get(i)))
          .append("</code>");
    }
    int more = group.size() - 1 - named.size();
    if (more > 0) {
      line.append(" and ").append(more).append(" more");
    }
    return line.append("</span>").toString();
  }

  private static void writeStoryTable(List<Story> stories, Index index, Writer out)
      throws IOException {
    out.write(
        "<section id=\"more-stories\">\n<h2>"
            + stories.size()
            + " more stor"
            + (stories.size() == 1 ? "y" : "ies")
            + "</h2>\n<p class=\"more\">One line each; <code>--format json</code> has their"
            + " members and evidence.</p>\n<table>\n");
    for (Story story : stories) {
      out.write(
          "<tr class=\"story\"><td>"
              + escape(story.id())
              + "</td><td>"
              + story.size()
              + " articles</td><td>"
              + articleCell(index.articles.get(story.canonical()))
              + "</td></tr>\n");
    }
    out.write("</table>\n</section>\n");
  }

  private static void writeAlone(List<Story> alone, Index index, Writer out) throws IOException {
    if (alone.isEmpty()) {
      return;
    }
    out.write(
        "<section id=\"alone\">\n<h2>Standing alone: "
            + alone.size()
            + " article"
            + plural(alone.size())
            + "</h2>\n<ul>\n");
    for (int i = 0; i < Math.min(alone.size(), LISTED); i++) {
      out.write("<li>" + articleCell(index.articles.get(alone.get(i).canonical())) + "</li>\n");
    }
    out.write("</ul>\n" + more(alone.size()) + "</section>\n");
  }

  private static void writeSkipped(List<SkippedFile> skipped, Writer out) throws IOException {
    if (skipped.isEmpty()) {
      return;
    }
    out.write(
        "<section id=\"skipped\">\n<h2>Skipped: "
            + skipped.size()
            + " file"
            + plural(skipped.size())
            + "</h2>\n<table>\n");
    for (SkippedFile file : skipped) {
      out.write(
          "<tr><td><code>"
              + escape(file.path())
              + "</code></td><td>"
              + escape(file.reason())
              + "</td></tr>\n");
    }
    out.write("</table>\n</section>\n");
  }

  private static void writeRemoved(List<ArticleInfo> articles, Writer out) throws IOException {
    List<ArticleInfo> with =
        articles.stream().filter(article -> !article.removedLines().isEmpty()).toList();
    if (with.isEmpty()) {
      return;
    }
    out.write(
        "<section id=\"removed\">\n<h2>Removed as page chrome, credits and bylines: lines of "
            + with.size()
            + " article"
            + plural(with.size())
            + "</h2>\n");
    for (int i = 0; i < Math.min(with.size(), LISTED); i++) {
      ArticleInfo article = with.get(i);
      out.write(
          "<details><summary><code>"
              + escape(article.id())
              + "</code>: "
              + article.removedLines().size()
              + " line"
              + plural(article.removedLines().size())
              + "</summary>\n<ul class=\"removed\">\n");
      for (String line : article.removedLines()) {
        out.write("<li>" + escape(line) + "</li>\n");
      }
      out.write("</ul>\n</details>\n");
    }
    out.write(more(with.size()) + "</section>\n");
  }

  private static String more(int count) {
    return count > LISTED
        ? "<p class=\"more\">and "
            + (count - LISTED)
            + " more, in <code>--format json</code>.</p>\n"
        : "";
  }

  /** An article's title, path and date, each escaped. */
  private static String articleCell(ArticleInfo article) {
    StringBuilder cell = new StringBuilder();
    if (article.title() != null) {
      cell.append("<span class=\"title\">").append(escape(article.title())).append("</span> ");
    }
    cell.append("<code>").append(escape(article.id())).append("</code>");
    if (article.date() != null) {
      cell.append(" <span class=\"date\">").append(article.date()).append("</span>");
    }
    return cell.toString();
  }

  private static String badge(Relation relation) {
    return "<span class=\"badge " + relation.name() + "\">" + relation.name() + "</span>";
  }

  /**
   * The one function that writes text from the articles and file names into the page: control
   * characters made visible and unpaired surrogates replaced (as in every format), then {@code & <
   * > " '} escaped as character references, so the text is text in an element and in a quoted
   * attribute alike.
   */
  static String escape(String text) {
    return Entities.escape(UnpairedSurrogates.replace(UntrustedText.visible(text)));
  }

  /** {@link #escape}, line breaks kept: for a text shown as it stands, in a {@code pre}. */
  static String escapeLines(String text) {
    return Entities.escape(UnpairedSurrogates.replace(UntrustedText.visibleLines(text)));
  }

  static String plural(int count) {
    return count == 1 ? "" : "s";
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java has SHA-256", impossible);
    }
  }

  /**
   * A story's links drawn as SVG: the canonical article in the middle (C), the other members around
   * it by their number in the members table, one line per pair between shown members, styled by its
   * relation (dashed for SAME_STORY). Each circle's title is its article's path, escaped.
   */
  static final class Graph {
    private static final double SIZE = 320;
    private static final double RADIUS = 130;

    private Graph() {}

    static String svg(Story story, List<StoryMember> shown, Map<String, ArticlePair> pairs) {
      Map<String, double[]> at = new LinkedHashMap<>();
      Map<String, Integer> number = new HashMap<>();
      List<StoryMember> around = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        number.put(shown.get(i).id(), i + 1);
        if (!shown.get(i).id().equals(story.canonical())) {
          around.add(shown.get(i));
        }
      }
      at.put(story.canonical(), new double[] {SIZE / 2, SIZE / 2});
      for (int i = 0; i < around.size(); i++) {
        double angle = 2 * Math.PI * i / around.size() - Math.PI / 2;
        at.put(
            around.get(i).id(),
            new double[] {
              SIZE / 2 + RADIUS * Math.cos(angle), SIZE / 2 + RADIUS * Math.sin(angle)
            });
      }
      StringBuilder svg =
          new StringBuilder("<svg viewBox=\"0 0 ")
              .append(fmt(SIZE))
              .append(' ')
              .append(fmt(SIZE))
              .append("\" width=\"")
              .append(fmt(SIZE))
              .append("\" role=\"img\" aria-label=\"the links of story ")
              .append(escape(story.id()))
              .append("\">\n");
      List<String> ids = new ArrayList<>(at.keySet());
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          ArticlePair pair = pairs.get(TextReport.key(ids.get(i), ids.get(j)));
          if (pair != null) {
            double[] p = at.get(ids.get(i));
            double[] q = at.get(ids.get(j));
            svg.append("<line class=\"edge-")
                .append(pair.relation().name())
                .append("\" x1=\"")
                .append(fmt(p[0]))
                .append("\" y1=\"")
                .append(fmt(p[1]))
                .append("\" x2=\"")
                .append(fmt(q[0]))
                .append("\" y2=\"")
                .append(fmt(q[1]))
                .append("\"/>\n");
          }
        }
      }
      for (Map.Entry<String, double[]> node : at.entrySet()) {
        boolean canonical = node.getKey().equals(story.canonical());
        svg.append("<g><title>")
            .append(escape(node.getKey()))
            .append("</title><circle")
            .append(canonical ? " class=\"canonical\"" : "")
            .append(" cx=\"")
            .append(fmt(node.getValue()[0]))
            .append("\" cy=\"")
            .append(fmt(node.getValue()[1]))
            .append("\" r=\"11\"/><text x=\"")
            .append(fmt(node.getValue()[0]))
            .append("\" y=\"")
            .append(fmt(node.getValue()[1] + 4))
            .append("\" text-anchor=\"middle\"")
            .append(canonical ? " fill=\"#fff\"" : "")
            .append('>')
            .append(canonical ? "C" : String.valueOf(number.get(node.getKey())))
            .append("</text></g>\n");
      }
      return svg.append("</svg>\n").toString();
    }

    private static String fmt(double value) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
  }
}
