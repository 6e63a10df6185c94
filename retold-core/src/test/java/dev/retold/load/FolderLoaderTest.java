package dev.retold.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retold.Article;
import dev.retold.ArticleSource;
import dev.retold.Retold;
import dev.retold.RetoldSettings;
import dev.retold.SkippedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FolderLoaderTest {
  private static final String TEXT = "Hello there. This is a small article about nothing much.\n";

  @TempDir Path base;

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void everyFileIsLoadedOrSkippedWithAReason() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    write(root, "plain.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "empty.txt", new byte[0]);
    write(root, "binary.bin", new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    write(root, "utf16.txt", utf16WithBom("Grüße aus Köln, sagte sie.\n"));
    write(root, "latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'a', 'u', ' ', 'l'});
    write(root, "blank.txt", " \n\t\r\n".getBytes(StandardCharsets.UTF_8));
    write(root, "big.txt", "x".repeat(300).getBytes(StandardCharsets.UTF_8));
    write(
        root,
        "nested/deeper/post.md",
        "---\ntitle: Post\n---\nBody.\n".getBytes(StandardCharsets.UTF_8));
    write(root, ".hidden.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, ".git/objects/ab", TEXT.getBytes(StandardCharsets.UTF_8));
    boolean links =
        tryLink(root.resolve("nested/loop"), root)
            && tryLink(root.resolve("nested/deeper/up"), root.resolve("nested"))
            && tryLink(root.resolve("nested/outside"), base);

    LoadResult result = FolderLoader.builder().loading(Limits.maxFileBytes(200)).build().load(root);

    assertEveryEntryOnce(root, result);
    Map<String, String> skipped = reasons(result);
    assertThat(skipped)
        .containsEntry("empty.txt", "empty file")
        .containsEntry("binary.bin", "unsupported format: ZIP archive")
        .containsEntry("blank.txt", "no text")
        .containsEntry("big.txt", "too large (300 bytes > limit 200)")
        .containsEntry(".hidden.txt", "hidden file")
        .containsEntry(".git", "hidden folder, not searched");
    Map<String, Article> articles = articles(result);
    assertThat(articles)
        .containsKeys("plain.txt", "utf16.txt", "latin1.txt", "nested/deeper/post.md");
    assertThat(articles.get("utf16.txt").body()).isEqualTo("Grüße aus Köln, sagte sie.");
    assertThat(articles.get("latin1.txt").body()).isEqualTo("café au l");
    assertThat(articles.get("nested/deeper/post.md").title()).isEqualTo("Post");
    if (links) {
      assertThat(skipped)
          .containsEntry(
              "nested/loop", "link to the scanned folder or a folder containing it (loop)")
          .containsEntry("nested/deeper/up", "link to a folder already searched")
          .containsEntry(
              "nested/outside", "link to the scanned folder or a folder containing it (loop)");
    }
    assertThat(result.articles()).extracting(Article::id).isSorted();
    assertThat(result.skipped()).extracting(SkippedFile::path).isSorted();
  }

  @Test
  void linkedFilesAreLoadedOnceAndLinkedFoldersSearchedOnce() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    Path outside = Files.createDirectory(base.resolve("outside"));
    write(outside, "o.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    Assumptions.assumeTrue(tryLink(root.resolve("b.txt"), root.resolve("a.txt")));
    tryLink(root.resolve("ext"), outside);
    tryLink(root.resolve("ext-again"), outside);
    tryLink(root.resolve("o-link.txt"), outside.resolve("o.txt"));
    tryLink(root.resolve("broken.txt"), base.resolve("missing.txt"));

    LoadResult result = FolderLoader.builder().loading(links(true, true)).build().load(root);

    assertEveryEntryOnce(root, result);
    assertThat(articles(result)).containsOnlyKeys("a.txt", "ext/o.txt");
    assertThat(reasons(result))
        .containsEntry("b.txt", "same file as a.txt")
        .containsEntry("ext-again", "link to a folder already searched")
        .containsEntry("o-link.txt", "same file as ext/o.txt")
        .containsEntry("broken.txt", "broken symbolic link");
  }

  @Test
  void linksCanBeLeftAlone() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    Assumptions.assumeTrue(tryLink(root.resolve("b.txt"), root.resolve("a.txt")));

    LoadResult result = FolderLoader.builder().loading(links(false, false)).build().load(root);

    assertThat(reasons(result)).containsExactly(Map.entry("b.txt", "symbolic link, not followed"));
    assertThat(articles(result)).containsOnlyKeys("a.txt");
  }

  @Test
  void ordersByPathWithSlashes() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    for (String name : List.of("a/b.txt", "a.txt", "a-c.txt", "B.txt", "a/a/z.txt")) {
      write(root, name, TEXT.getBytes(StandardCharsets.UTF_8));
    }
    LoadResult result = FolderLoader.withDefaults().load(root);
    assertThat(result.articles())
        .extracting(Article::id)
        .containsExactly("B.txt", "a-c.txt", "a.txt", "a/a/z.txt", "a/b.txt");
  }

  @Test
  void tellsTheListenerAboutEveryFile() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "b.txt", new byte[0]);
    write(root, ".c", new byte[0]);
    List<String> calls = new ArrayList<>();
    FolderLoader loader =
        FolderLoader.builder().listener((done, total) -> calls.add(done + "/" + total)).build();
    LoadResult result = loader.load(root);
    assertThat(calls).containsExactly("1/3", "2/3", "3/3");
    assertThat(result.filesFound()).isEqualTo(3);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void pipesAreNeverOpened() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Path pipe = root.resolve("pipe.txt");
    mkfifo(pipe);
    LoadResult result = FolderLoader.withDefaults().load(root);
    assertThat(reasons(result))
        .containsExactly(Map.entry("pipe.txt", "not a regular file (a FIFO)"));
  }

  @Test
  void byDefaultOnlyLinksInsideTheFolderAreFollowed() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    Path outside = Files.createDirectory(base.resolve("outside"));
    write(outside, "o.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "in/a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "b.txt", ("Other " + TEXT).getBytes(StandardCharsets.UTF_8));
    Assumptions.assumeTrue(tryLink(root.resolve("ext"), outside));
    tryLink(root.resolve("o-link.txt"), outside.resolve("o.txt"));
    tryLink(root.resolve("in-link"), root.resolve("in"));
    tryLink(root.resolve("in/b-link.txt"), Path.of("..", "b.txt")); // relative, still inside

    LoadResult result = FolderLoader.withDefaults().load(root);

    assertEveryEntryOnce(root, result);
    assertThat(articles(result)).containsOnlyKeys("b.txt", "in/a.txt");
    assertThat(reasons(result))
        .containsOnly(
            Map.entry("ext", FolderWalk.OUTSIDE),
            Map.entry("o-link.txt", FolderWalk.OUTSIDE),
            Map.entry("in-link", "link to a folder already searched"),
            Map.entry("in/b-link.txt", "same file as b.txt"));
    assertThat(FolderWalk.OUTSIDE)
        .isEqualTo(
            "symbolic link to outside the scanned folder, not followed (--follow-links follows it)");

    LoadResult all = FolderLoader.builder().loading(links(true, true)).build().load(root);
    assertThat(articles(all)).containsOnlyKeys("b.txt", "ext/o.txt", "in/a.txt");
    assertThat(reasons(all)).containsEntry("o-link.txt", "same file as ext/o.txt");

    LoadResult none = FolderLoader.builder().loading(links(false, false)).build().load(root);
    assertThat(articles(none)).containsOnlyKeys("b.txt", "in/a.txt");
    assertThat(reasons(none).values()).containsOnly("symbolic link, not followed").hasSize(4);
  }

  @Test
  void aLinkThroughALinkedFolderThatLeadsOutIsNotFollowed() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    Path outside = Files.createDirectory(base.resolve("outside"));
    write(outside, "secret.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "in/a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    Assumptions.assumeTrue(tryLink(root.resolve("in/up"), outside.resolve("secret.txt")));
    LoadResult result = FolderLoader.withDefaults().load(root);
    assertThat(reasons(result)).containsExactly(Map.entry("in/up", FolderWalk.OUTSIDE));
  }

  @Test
  void aFileReplacedByAFifoAfterTheWalkIsNeverOpened() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Path file = write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "b.txt", ("Other " + TEXT).getBytes(StandardCharsets.UTF_8));
    try (ArticleSource source = FolderLoader.withDefaults().source(root)) {
      Files.delete(file);
      mkfifo(file);
      List<SkippedFile> skipped =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> source.read(batch -> {}));
      assertThat(skipped).containsExactly(new SkippedFile("a.txt", "not a regular file (a FIFO)"));
    }
  }

  @Test
  void aFileReplacedByAFifoBeforeItIsReadAgainFailsTheScanInsteadOfHanging() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Path file = write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    try (ArticleSource source = FolderLoader.withDefaults().source(root)) {
      List<ArticleSource.Located> first = new ArrayList<>();
      source.read(first::addAll);
      Files.delete(file);
      mkfifo(file);
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> source.reread(first.get(0).position()))
                  .isInstanceOf(IOException.class)
                  .hasMessage(
                      "a.txt changed while it was scanned: now not a regular file (a FIFO)"));
    }
  }

  @Test
  void aFileWhoseReadingOverflowsTheStackIsSkipped() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "deep.md", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "z.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    List<FolderWalk.Entry> entries = new FolderWalk(true, false).walk(root);
    ArticleReader reader = ArticleReader.withDefaults();
    FolderSource.FileToArticle overflowing =
        (file, id) -> {
          if (id.equals("deep.md")) {
            throw new StackOverflowError();
          }
          return reader.read(file, id);
        };
    try (ArticleSource source =
        new FolderSource(
            entries,
            Map.of(),
            overflowing,
            new WarcRecords(ArticleReader.withDefaults(), 2),
            LoadListener.NONE,
            2)) {
      LoadResult result = LoadResult.readAll(source);
      assertThat(articles(result)).containsOnlyKeys("a.txt", "z.txt");
      assertThat(reasons(result))
          .containsExactly(Map.entry("deep.md", "failed to read: stack overflow while parsing"));
    }
  }

  @Test
  void namesThatAreNotUtf8GetFaithfulDistinctIds() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    // Java cannot spell these names; the shell can: bytes 0xFF and 0xFE, "caf" + 0xE9 (Latin-1),
    // and "café" in UTF-8 (which a JVM in the POSIX locale cannot spell either).
    Process touch =
        new ProcessBuilder(
                "sh",
                "-c",
                "cd \"$1\" && for n in '\\377' '\\376' 'caf\\351' 'caf\\303\\251'; do"
                    + " printf 'A report named oddly.' > \"$(printf \"$n.txt\")\"; done",
                "sh",
                root.toString())
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(touch.waitFor() == 0, "the shell could not make the files");
    write(root, "\\xFF.txt", "A file really named so.".getBytes(StandardCharsets.UTF_8));
    List<Path> listed;
    try (var stream = Files.list(root)) {
      listed = stream.toList();
    }
    Assumptions.assumeTrue(listed.size() == 5, "the file system refused the names");

    LoadResult result = FolderLoader.withDefaults().load(root);

    assertThat(result.skipped()).isEmpty();
    assertThat(result.articles()).hasSize(5);
    // a platform encoding that decodes every byte (Latin-1) has faithful names of its own
    if (Set.of("UTF-8", "ANSI_X3.4-1968", "US-ASCII")
        .contains(System.getProperty("sun.jnu.encoding"))) {
      assertThat(articles(result))
          .containsOnlyKeys(
              "\\xFE.txt", "\\xFF.txt", "\\xFF.txt~2", "caf\\xE9.txt", "caf\u00e9.txt");
      assertThat(articles(result).get("\\xFF.txt").body()).isEqualTo("A file really named so.");
    }
  }

  @Test
  void unreadableFilesAreSkipped() throws IOException {
    Path root = Files.createDirectory(base.resolve("root"));
    Path file = write(root, "secret.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException notPosix) {
      Assumptions.abort("no POSIX permissions here");
    }
    Assumptions.assumeFalse(Files.isReadable(file), "running with rights to read anything");
    LoadResult result = FolderLoader.withDefaults().load(root);
    assertThat(reasons(result))
        .containsExactly(Map.entry("secret.txt", "unreadable: permission denied"));
  }

  @Test
  void refusesARootThatIsMissingOrAFile() throws IOException {
    FolderLoader loader = FolderLoader.withDefaults();
    Path missing = base.resolve("missing");
    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path file = write(base, "file.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(NotDirectoryException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aFolderSourceReadsAnyFileAgainByItsPositionWithoutAFirstReading(@TempDir Path root)
      throws IOException {
    write(root, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
    write(root, "b.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    write(root, "c.txt", ("Another " + TEXT).getBytes(StandardCharsets.UTF_8));
    List<ArticleSource.Located> first = new ArrayList<>();
    try (ArticleSource source = FolderLoader.withDefaults().source(root)) {
      source.read(first::addAll);
    }
    assertThat(first).extracting(ArticleSource.Located::position).containsExactly(0L, 2L);
    try (ArticleSource fresh = FolderLoader.withDefaults().source(root)) {
      assertThat(fresh.reread(2)).isEqualTo(first.get(1).article());
      assertThat(fresh.reread(0)).isEqualTo(first.get(0).article());
      assertThatThrownBy(() -> fresh.reread(1))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("b.png changed while it was scanned: now binary");
      assertThatThrownBy(() -> fresh.reread(3)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> FolderLoader.builder().threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be >= 1: 0");
    assertThatThrownBy(() -> FolderLoader.builder().listener(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void loadsTheSeeds() throws IOException {
    LoadResult result = FolderLoader.withDefaults().load(ArticleReaderTest.SEEDS);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.articles()).hasSize(5);
    assertThat(result.articles())
        .extracting(Article::date)
        .containsExactly(
            null,
            LocalDate.of(2026, 1, 6),
            null,
            LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 1, 6));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /**
   * Asserts that the entries a plain walk sees (files, links and other non-folders, plus hidden
   * folders as one entry each) are exactly the loaded ids and the skipped paths, with no overlap; a
   * followed link to a folder is seen through the files under it.
   */
  private static void assertEveryEntryOnce(Path root, LoadResult result) throws IOException {
    Set<String> expected = new TreeSet<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
              expected.add(relative(root, dir));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            expected.add(relative(root, file));
            return FileVisitResult.CONTINUE;
          }
        });
    Set<String> loaded = articles(result).keySet();
    Set<String> skipped = reasons(result).keySet();
    Set<String> overlap = new HashSet<>(loaded);
    overlap.retainAll(skipped);
    assertThat(overlap).isEmpty();
    Set<String> found = new TreeSet<>();
    for (String path : loaded) {
      found.add(linkedFolderOf(root, path)); // files under a followed link stand for the link
    }
    for (String path : skipped) {
      found.add(linkedFolderOf(root, path));
    }
    assertThat(found).isEqualTo(expected);
  }

  /** The first symbolic link on {@code path}'s way down from {@code root}, else {@code path}. */
  private static String linkedFolderOf(Path root, String path) {
    String[] parts = path.split("/");
    Path at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.resolve(parts[i]);
      if (Files.isSymbolicLink(at)) {
        return String.join("/", Arrays.copyOf(parts, i + 1));
      }
    }
    return path;
  }

  private static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private static Map<String, String> reasons(LoadResult result) {
    return result.skipped().stream()
        .collect(
            Collectors.toMap(SkippedFile::path, SkippedFile::reason, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, Article> articles(LoadResult result) {
    return result.articles().stream()
        .collect(Collectors.toMap(Article::id, article -> article, (a, b) -> a, TreeMap::new));
  }

  private static Path write(Path root, String relative, byte[] bytes) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private static RetoldSettings.Loading links(boolean follow, boolean outside) {
    return Retold.builder()
        .followLinks(follow)
        .followLinksOutside(outside)
        .build()
        .settings()
        .loading();
  }

  private static void mkfifo(Path pipe) throws InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (IOException noMkfifo) {
      Assumptions.abort("mkfifo is not available");
      return;
    }
    Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
  }

  private static boolean tryLink(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException unsupported) {
      return false;
    }
  }

  private static byte[] utf16WithBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }
}
