package dev.retold.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retold.Article;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * A story index's articles on disk, in a Lucene index: per article its id, text, title, date,
 * metadata, a hash of them, and its story and relation; and, in the commit's user data, the story
 * ids' state (the next number, the aliases). Every change is one Lucene commit: durable once {@link
 * #commit} returns (Lucene syncs the files), all or nothing if the process dies before. Readers see
 * the last commit. One writer at a time (Lucene's write lock); it is taken at the first change.
 */
public final class ArticleStore implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "id";
  private static final String KIND = "kind";
  private static final String ARTICLE = "article";
  private static final String EMBEDDING = "embedding";
  private static final String EMBEDDING_KEY = "embedding_key";
  private static final String NEXT = "next_story";
  private static final String FORMAT_KEY = "format";

  /** The layout's name and version, kept in every commit: an index of another is refused. */
  public static final String FORMAT = "retold-story-index/1";

  private static final String ALIASES = "aliases";

  /**
   * An article as the index keeps it.
   *
   * @param article the article (its offsets into its own body: the source text is not kept)
   * @param hash the hash of its content, to tell an unchanged file from a changed one
   * @param story its story's id
   * @param relation its relation to its story's canonical article, or {@code CANONICAL}
   * @param added the position of its add among all adds, for the order they came in
   */
  public record Stored(Article article, String hash, String story, String relation, long added) {}

  /**
   * The ids' state at a commit.
   *
   * @param next the number the next new story id takes
   * @param aliases merged-away story ids and the ids they resolve to
   */
  public record IdState(long next, Map<String, String> aliases) {
    /** Copies the aliases. */
    public IdState {
      aliases = Map.copyOf(aliases);
    }
  }

  private final Path folder;
  private final Directory directory;
  private IndexWriter writer;

  private ArticleStore(Path folder, Directory directory) {
    this.folder = folder;
    this.directory = directory;
  }

  /** Opens the store in {@code folder}, creating the folder if absent. */
  public static ArticleStore open(Path folder) throws IOException {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IOException("not a folder: " + folder);
    }
    Files.createDirectories(folder);
    Directory directory = FSDirectory.open(folder);
    try {
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          String format = reader.getIndexCommit().getUserData().get(FORMAT_KEY);
          if (!FORMAT.equals(format)) {
            throw new IOException(
                format == null
                    ? folder + " holds a Lucene index that is not a Retold story index"
                    : folder
                        + " is a story index of another version ("
                        + format
                        + "); this"
                        + " Retold reads "
                        + FORMAT);
          }
        }
      }
    } catch (IOException refused) {
      directory.close();
      throw refused;
    }
    return new ArticleStore(folder, directory);
  }

  /** The hash of what a scan reads of {@code article}: its id, title, date, metadata and text. */
  public static String hash(Article article) {
    MessageDigest digest = sha256();
    for (String part :
        new String[] {
          article.id(),
          String.valueOf(article.title()),
          String.valueOf(article.date()),
          article.metadata().toString(),
          article.body()
        }) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update(intBytes(bytes.length)); // so no two splits of one string hash alike
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] intBytes(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  /** Every stored article as of the last commit, by id. */
  public Map<String, Stored> articles() throws IOException {
    Map<String, Stored> articles = new HashMap<>();
    for (Document document : documents(ARTICLE)) {
      Stored stored = fromDocument(document);
      articles.put(stored.article().id(), stored);
    }
    return articles;
  }

  /** The live documents of one kind as of the last commit, in index order. */
  private List<Document> documents(String kind) throws IOException {
    List<Document> documents = new ArrayList<>();
    if (!DirectoryReader.indexExists(directory)) {
      return documents;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields fields = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document document = fields.document(doc);
            if (kind.equals(document.get(KIND))) {
              documents.add(document);
            }
          }
        }
      }
    }
    return documents;
  }

  /**
   * The sentence embeddings kept as of the last commit, by the hash of the text embedded ({@link
   * #textHash}), so that a scan of the index embeds only what it has not embedded before.
   */
  public Map<String, float[]> embeddings() throws IOException {
    Map<String, float[]> embeddings = new HashMap<>();
    for (Document document : documents(EMBEDDING)) {
      ByteBuffer bytes = ByteBuffer.wrap(document.getBinaryValue("vector").bytes);
      float[] vector = new float[bytes.remaining() / Float.BYTES];
      bytes.asFloatBuffer().get(vector);
      embeddings.put(document.get(EMBEDDING_KEY), vector);
    }
    return embeddings;
  }

  /** The key an embedding of {@code text} is kept under. */
  public static String textHash(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The story ids' state as of the last commit. */
  public IdState idState() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return new IdState(1, Map.of());
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      long next = Long.parseLong(data.getOrDefault(NEXT, "1"));
      Map<String, String> aliases =
          data.containsKey(ALIASES)
              ? JSON.readValue(data.get(ALIASES), new TypeReference<Map<String, String>>() {})
              : Map.of();
      return new IdState(next, aliases);
    }
  }

  /**
   * Writes {@code changed} (replacing the articles of their ids), deletes {@code removed}, records
   * {@code state}, and commits: when this returns, all of it is on disk, together.
   */
  public void commit(Collection<Stored> changed, Collection<String> removed, IdState state)
      throws IOException {
    commit(changed, removed, state, Map.of(), List.of());
  }

  /**
   * {@link #commit(Collection, Collection, IdState)}, also keeping the embeddings {@code embedded}
   * (by text hash) and dropping those of {@code unused} hashes, in the same commit.
   */
  public void commit(
      Collection<Stored> changed,
      Collection<String> removed,
      IdState state,
      Map<String, float[]> embedded,
      Collection<String> unused)
      throws IOException {
    IndexWriter out = writer();
    for (String id : removed) {
      out.deleteDocuments(new Term(ID, id));
    }
    for (Stored stored : changed) {
      out.updateDocument(new Term(ID, stored.article().id()), toDocument(stored));
    }
    for (String hash : unused) {
      out.deleteDocuments(new Term(EMBEDDING_KEY, hash));
    }
    for (Map.Entry<String, float[]> embedding : embedded.entrySet()) {
      Document document = new Document();
      document.add(new StringField(EMBEDDING_KEY, embedding.getKey(), Field.Store.YES));
      document.add(new StringField(KIND, EMBEDDING, Field.Store.YES));
      ByteBuffer bytes = ByteBuffer.allocate(embedding.getValue().length * Float.BYTES);
      bytes.asFloatBuffer().put(embedding.getValue());
      document.add(new StoredField("vector", bytes.array()));
      out.updateDocument(new Term(EMBEDDING_KEY, embedding.getKey()), document);
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT_KEY, FORMAT);
    data.put(NEXT, Long.toString(state.next()));
    data.put(ALIASES, JSON.writeValueAsString(new TreeMap<>(state.aliases())));
    out.setLiveCommitData(data.entrySet());
    out.commit();
  }

  private IndexWriter writer() throws IOException {
    if (writer == null) {
      IndexWriterConfig config = new IndexWriterConfig();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException held) {
        throw new IOException(
            "the index at " + folder + " is being written by another process (write.lock is held)",
            held);
      }
    }
    return writer;
  }

  private static Document toDocument(Stored stored) throws IOException {
    Article article = stored.article();
    Document document = new Document();
    document.add(new StringField(ID, article.id(), Field.Store.YES));
    document.add(new StringField(KIND, ARTICLE, Field.Store.YES));
    document.add(new StoredField("hash", stored.hash()));
    document.add(new StoredField("story", stored.story()));
    document.add(new StoredField("relation", stored.relation()));
    document.add(new StoredField("added", stored.added()));
    if (article.title() != null) {
      document.add(new StoredField("title", article.title()));
    }
    if (article.date() != null) {
      document.add(new StoredField("date", article.date().toString()));
    }
    document.add(new StoredField("metadata", JSON.writeValueAsString(article.metadata())));
    document.add(new StoredField("removed", JSON.writeValueAsString(article.removedLines())));
    document.add(new StoredField("body", article.body()));
    return document;
  }

  private static Stored fromDocument(Document document) throws IOException {
    String date = document.get("date");
    Article article =
        new Article(
            document.get(ID),
            document.get("title"),
            date == null ? null : LocalDate.parse(date),
            document.get("body"),
            JSON.readValue(
                document.get("metadata"), new TypeReference<LinkedHashMap<String, String>>() {}),
            JSON.readValue(document.get("removed"), new TypeReference<ArrayList<String>>() {}),
            null);
    return new Stored(
        article,
        document.get("hash"),
        document.get("story"),
        document.get("relation"),
        document.getField("added").numericValue().longValue());
  }

  /** Closes the writer (without committing: only {@link #commit} does) and the directory. */
  @Override
  public void close() throws IOException {
    try {
      if (writer != null) {
        writer.rollback(); // nothing uncommitted is kept; releases the write lock
      }
    } finally {
      directory.close();
    }
  }

  /** The articles as a list, by id. */
  public static List<Stored> byId(Map<String, Stored> articles) {
    List<Stored> sorted = new ArrayList<>(articles.values());
    sorted.sort(Comparator.comparing(stored -> stored.article().id()));
    return sorted;
  }
}
