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
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A story index's articles on disk, in a Lucene index: per article its id, text, title, date,
 * metadata, a hash of them, its story and relation, and its sketch ({@link StoredSketch}: its story
 * terms, heaviest terms and sampled shingles are indexed, so that {@link Snapshot#sharing} finds an
 * article's candidates by them); and, in the commit's user data, the story ids' state (the next
 * number, the aliases). Every change is one Lucene commit: durable once {@link #commit} returns
 * (Lucene syncs the files), all or nothing if the process dies before. Readers see the last commit.
 * One writer at a time (Lucene's write lock); it is taken at the first change.
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
  public static final String FORMAT = "retold-story-index/2";

  private static final String ALIASES = "aliases";
  private static final String SKETCHED_AT = "sketched_at";

  /** Past one replaced document in this many, a commit merges the replaced ones away. */
  private static final int DELETED_SHARE = 20;

  /** The field of every story term of an article: its document frequency is the term's. */
  public static final String TERMS = "term";

  /** The field of an article's heaviest terms. */
  public static final String TOP_TERMS = "top";

  /** The field of an article's sampled shingles. */
  public static final String SHINGLES = "shingle";

  private static final String STORY = "story";
  private static final String DAY = "day";
  private static final String MATCH = "match";
  private static final String SKETCH = "sketch";

  /**
   * An article as the index keeps it.
   *
   * @param article the article (its offsets into its own body: the source text is not kept)
   * @param hash the hash of its content, to tell an unchanged file from a changed one
   * @param story its story's id
   * @param relation its relation to its story's canonical article, or {@code CANONICAL}
   * @param added the position of its add among all adds, for the order they came in
   */
  public record Stored(
      Article article,
      String hash,
      String story,
      String relation,
      long added,
      StoredSketch sketch) {

    /** {@code article} as first stored, its content hashed ({@link ArticleStore#hash}). */
    public static Stored of(
        Article article, String story, String relation, long added, StoredSketch sketch) {
      return new Stored(article, ArticleStore.hash(article), story, relation, added, sketch);
    }

    /** The same article in story {@code story} with relation {@code relation}. */
    public Stored placed(String story, String relation) {
      return new Stored(article, hash, story, relation, added, sketch);
    }

    /** The same article with {@code other} for its sketch. */
    public Stored withSketch(StoredSketch other) {
      return new Stored(article, hash, story, relation, added, other);
    }
  }

  /**
   * A stored article as matching reads it: without its text.
   *
   * @param id its id
   * @param story its story's id
   * @param relation its relation to the story's canonical article, or {@code CANONICAL}
   * @param date its date, or null
   * @param sketch what matching needs of it
   */
  public record Candidate(
      String id, String story, String relation, LocalDate date, StoredSketch sketch) {}

  /**
   * The ids' state at a commit.
   *
   * @param next the number the next new story id takes
   * @param aliases merged-away story ids and the ids they resolve to
   * @param sketchedAt how many articles the index held when every sketch was last made again
   *     against all of them (0: never)
   */
  public record IdState(long next, Map<String, String> aliases, long sketchedAt) {
    /** Copies the aliases. */
    public IdState {
      aliases = Map.copyOf(aliases);
    }

    /** The state with {@code next} and {@code aliases}, the sketches' as they were. */
    public IdState with(long next, Map<String, String> aliases) {
      return new IdState(next, aliases, sketchedAt);
    }
  }

  private final Path folder;
  private final Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;

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
      return new IdState(1, Map.of(), 0);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      long next = Long.parseLong(data.getOrDefault(NEXT, "1"));
      Map<String, String> aliases =
          data.containsKey(ALIASES)
              ? JSON.readValue(data.get(ALIASES), new TypeReference<Map<String, String>>() {})
              : Map.of();
      return new IdState(next, aliases, Long.parseLong(data.getOrDefault(SKETCHED_AT, "0")));
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
    data.put(SKETCHED_AT, Long.toString(state.sketchedAt()));
    IndexWriter.DocStats stats = out.getDocStats();
    if (stats.maxDoc - stats.numDocs > stats.maxDoc / DELETED_SHARE) {
      // Lucene counts a replaced document in its terms' frequencies until its segment is merged:
      // term statistics stay within that share of the truth
      out.forceMergeDeletes(true);
    }
    out.setLiveCommitData(data.entrySet());
    out.commit();
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  /**
   * The last commit, to search: see {@link Snapshot}. Close it when done. Cheap when nothing was
   * committed since the last one.
   */
  public synchronized Snapshot snapshot() throws IOException {
    if (searchers == null) {
      if (!DirectoryReader.indexExists(directory)) {
        return new Snapshot(null, null);
      }
      searchers = new SearcherManager(directory, null);
    }
    searchers.maybeRefresh();
    return new Snapshot(searchers, searchers.acquire());
  }

  /**
   * One commit of the index, searched for matching: how many articles hold a term, which articles
   * share terms with one, a story's members, an article's text. Reads only; thread-safe.
   */
  public static final class Snapshot implements Closeable {
    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private final Map<String, Map<Long, Integer>> frequencies = new ConcurrentHashMap<>();
    private int articles = -1;

    private Snapshot(SearcherManager manager, IndexSearcher searcher) {
      this.manager = manager;
      this.searcher = searcher;
    }

    /** The commit's generation (0 before the first): each commit's is larger than the last's. */
    public long generation() throws IOException {
      return searcher == null
          ? 0
          : ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getGeneration();
    }

    /** How many articles the commit holds. */
    public synchronized int articles() throws IOException {
      if (articles < 0) {
        articles = searcher == null ? 0 : searcher.count(new TermQuery(new Term(KIND, ARTICLE)));
      }
      return articles;
    }

    /**
     * How many articles hold each of {@code terms} in {@code field} ({@link #TERMS}, {@link
     * #TOP_TERMS} or {@link #SHINGLES}). Lucene counts an article replaced since its segment was
     * written until segments merge, and a commit merges them once they are one in twenty: a little
     * high, never low. Kept once looked up: a commit does not change, and placing a batch asks for
     * the same terms again and again (each seek visits every segment).
     */
    public int[] frequencies(String field, long[] terms) throws IOException {
      int[] frequencies = new int[terms.length];
      if (searcher == null) {
        return frequencies;
      }
      Map<Long, Integer> known =
          this.frequencies.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
      long[] unknown = new long[terms.length];
      int size = 0;
      for (int i = 0; i < terms.length; i++) {
        Integer frequency = known.get(terms[i]);
        if (frequency == null) {
          unknown[size++] = terms[i];
        } else {
          frequencies[i] = frequency;
        }
      }
      if (size == 0) {
        return frequencies;
      }
      long[] sought = Arrays.copyOf(unknown, size);
      Arrays.sort(sought); // a terms enumeration seeks fastest in order
      int[] counted = new int[size];
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms indexed = leaf.reader().terms(field);
        if (indexed == null) {
          continue;
        }
        TermsEnum each = indexed.iterator();
        for (int k = 0; k < size; k++) {
          if (each.seekExact(bytes(sought[k]))) {
            counted[k] += each.docFreq();
          }
        }
      }
      for (int k = 0; k < size; k++) {
        known.put(sought[k], counted[k]);
      }
      for (int i = 0; i < terms.length; i++) {
        frequencies[i] = known.get(terms[i]);
      }
      return frequencies;
    }

    /**
     * The articles holding at least {@code minShared} of {@code terms} in {@code field}, the {@code
     * max} that share the most by weight (each shared term weighs its inverse document frequency,
     * {@code ln(1 + (n - df + 0.5) / (df + 0.5))}, as Lucene's BM25 weighs a term; ties: the
     * smaller id), by id. The terms are sought in order, one enumeration per segment, and their
     * postings counted: the answer does not depend on how documents lie in segments.
     */
    public List<Candidate> sharing(String field, long[] terms, int minShared, int max)
        throws IOException {
      return sharing(field, terms, Integer.MAX_VALUE, minShared, max);
    }

    /**
     * {@link #sharing(String, long[], int, int)} of those of {@code terms} fewer than {@code below}
     * articles hold ({@link #frequencies}, which learns them), each term sought once per segment
     * for both its count and its postings.
     */
    public List<Candidate> sharing(String field, long[] terms, int below, int minShared, int max)
        throws IOException {
      if (searcher == null || terms.length < minShared || max <= 0) {
        return List.of();
      }
      long[] sought = terms.clone();
      Arrays.sort(sought);
      // one seek per term and segment, for its count and its postings: a term's postings are
      // taken while it is still rare enough (its count only grows), dropped below if it ends not
      int[] counted = new int[sought.length];
      LiveHits hits = new LiveHits();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms indexed = leaf.reader().terms(field);
        if (indexed == null) {
          continue;
        }
        TermsEnum each = indexed.iterator();
        for (int k = 0; k < sought.length; k++) {
          if (each.seekExact(bytes(sought[k]))) {
            counted[k] += each.docFreq();
            if (counted[k] < below) {
              hits.add(each, leaf, k);
            }
          }
        }
      }
      Map<Long, Integer> learnt =
          this.frequencies.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
      int n = articles();
      float[] weights = new float[sought.length];
      int rare = 0;
      for (int k = 0; k < sought.length; k++) {
        learnt.putIfAbsent(sought[k], counted[k]);
        if (counted[k] < below) {
          double df = counted[k];
          weights[k] = (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
          rare++;
        }
      }
      if (rare < minShared) {
        return List.of();
      }
      hits.keep(k -> counted[k] < below);
      long[] postings = hits.entries;
      int size = hits.size;
      Arrays.sort(postings, 0, size); // by document, then term
      List<Shared> shared = new ArrayList<>();
      for (int from = 0, to; from < size; from = to) {
        int doc = (int) (postings[from] >>> 32);
        float weight = 0;
        for (to = from; to < size && (int) (postings[to] >>> 32) == doc; to++) {
          weight += weights[(int) postings[to]];
        }
        if (to - from >= minShared) {
          shared.add(new Shared(doc, weight));
        }
      }
      shared.sort(Comparator.comparingDouble(Shared::weight).reversed());
      int kept = Math.min(max, shared.size());
      while (kept > 0
          && kept < shared.size()
          && shared.get(kept).weight() == shared.get(kept - 1).weight()) {
        kept++; // those tied with the last kept, to choose among by id
      }
      int[] docs = new int[kept];
      for (int i = 0; i < kept; i++) {
        docs[i] = shared.get(i).doc();
      }
      Candidate[] decoded = decoded(docs);
      List<Weighed> known = new ArrayList<>(kept);
      for (int i = 0; i < kept; i++) {
        if (decoded[i] != null) {
          known.add(new Weighed(decoded[i], shared.get(i).weight()));
        }
      }
      known.sort(
          Comparator.comparingDouble(Weighed::weight)
              .reversed()
              .thenComparing(weighed -> weighed.candidate().id()));
      List<Candidate> candidates = new ArrayList<>(Math.min(known.size(), max));
      for (Weighed weighed : known.subList(0, Math.min(known.size(), max))) {
        candidates.add(weighed.candidate());
      }
      candidates.sort(Comparator.comparing(Candidate::id));
      return candidates;
    }

    /** A document sharing terms, and the weight of what it shares. */
    private record Shared(int doc, float weight) {}

    /** A candidate, and the weight of what it shares. */
    private record Weighed(Candidate candidate, float weight) {}

    /** Every member of story {@code story}, by id. */
    public List<Candidate> story(String story) throws IOException {
      if (searcher == null) {
        return List.of();
      }
      BytesRef term = new BytesRef(story);
      LiveHits hits = new LiveHits();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms indexed = leaf.reader().terms(STORY);
        TermsEnum each = indexed == null ? null : indexed.iterator();
        if (each != null && each.seekExact(term)) {
          hits.add(each, leaf, 0);
        }
      }
      int[] docs = new int[hits.size];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = (int) (hits.entries[i] >>> 32);
      }
      return byId(decoded(docs));
    }

    /** Whether the commit holds an article of id {@code id} (nothing of it is read). */
    public boolean holds(String id) throws IOException {
      return searcher != null && searcher.count(new TermQuery(new Term(ID, id))) > 0;
    }

    /** The stored article of id {@code id}, if the commit holds it. */
    public Optional<Article> article(String id) throws IOException {
      return stored(id).map(Stored::article);
    }

    /** The article of id {@code id} as the commit holds it, if it does. */
    public Optional<Stored> stored(String id) throws IOException {
      if (searcher == null) {
        return Optional.empty();
      }
      TopDocs hits = searcher.search(new TermQuery(new Term(ID, id)), 1);
      if (hits.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(fromDocument(searcher.storedFields().document(hits.scoreDocs[0].doc)));
    }

    /** The articles dated before {@code day}, by id. */
    public List<Candidate> datedBefore(LocalDate day) throws IOException {
      if (searcher == null) {
        return List.of();
      }
      Query query = LongPoint.newRangeQuery(DAY, Long.MIN_VALUE, day.toEpochDay() - 1);
      return candidates(searcher.search(query, Math.max(1, searcher.count(query))).scoreDocs);
    }

    private List<Candidate> candidates(ScoreDoc[] hits) throws IOException {
      int[] docs = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        docs[i] = hits[i].doc;
      }
      return byId(decoded(docs));
    }

    /** The candidates known, by id. */
    private static List<Candidate> byId(Candidate[] decoded) {
      List<Candidate> candidates = new ArrayList<>(decoded.length);
      for (Candidate candidate : decoded) {
        if (candidate != null) {
          candidates.add(candidate);
        }
      }
      candidates.sort(Comparator.comparing(Candidate::id));
      return candidates;
    }

    /** The candidates of documents {@code docs}, in their order (null for one without a sketch). */
    private Candidate[] decoded(int[] docs) throws IOException {
      long[] byDoc = new long[docs.length]; // each document, then its place in docs
      for (int i = 0; i < docs.length; i++) {
        byDoc[i] = ((long) docs[i] << 32) | i;
      }
      Arrays.sort(byDoc); // doc values are read forwards, leaf by leaf
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      Candidate[] decoded = new Candidate[docs.length];
      BinaryDocValues values = null;
      int leaf = -1;
      for (long entry : byDoc) {
        int doc = (int) (entry >>> 32);
        int at = ReaderUtil.subIndex(doc, leaves);
        if (at != leaf) {
          leaf = at;
          values = leaves.get(at).reader().getBinaryDocValues(MATCH);
        }
        int local = doc - leaves.get(at).docBase;
        if (values != null && values.advanceExact(local)) {
          decoded[(int) entry] = decodeCandidate(values.binaryValue());
        }
      }
      return decoded;
    }

    /** Lets the commit go. */
    @Override
    public void close() throws IOException {
      if (manager != null) {
        manager.release(searcher);
      }
    }
  }

  /**
   * The live documents holding terms sought one after another, each entry a document's number in
   * the whole index (high 32 bits) and the place of the term it holds (low 32 bits).
   */
  private static final class LiveHits {
    long[] entries = new long[64];
    int size;
    private PostingsEnum reused;

    /** Drops the entries of the terms whose place {@code term} refuses. */
    void keep(IntPredicate term) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (term.test((int) entries[i])) {
          entries[kept++] = entries[i];
        }
      }
      size = kept;
    }

    /** Adds the live documents of {@code leaf} holding the term {@code each} stands on. */
    void add(TermsEnum each, LeafReaderContext leaf, int place) throws IOException {
      Bits live = leaf.reader().getLiveDocs();
      reused = each.postings(reused, PostingsEnum.NONE);
      for (int doc = reused.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = reused.nextDoc()) {
        if (live == null || live.get(doc)) {
          if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
          }
          entries[size++] = ((long) (leaf.docBase + doc) << 32) | place;
        }
      }
    }
  }

  private static BytesRef bytes(long term) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[i] = (byte) (term >>> (56 - 8 * i));
    }
    return new BytesRef(bytes);
  }

  private static byte[] encodeCandidate(Stored stored) {
    byte[] id = stored.article().id().getBytes(StandardCharsets.UTF_8);
    byte[] story = stored.story().getBytes(StandardCharsets.UTF_8);
    byte[] relation = stored.relation().getBytes(StandardCharsets.UTF_8);
    byte[] sketch = stored.sketch().encode();
    ByteBuffer out =
        ByteBuffer.allocate(
            4 * Integer.BYTES
                + Long.BYTES
                + id.length
                + story.length
                + relation.length
                + sketch.length);
    for (byte[] part : new byte[][] {id, story, relation}) {
      out.putInt(part.length).put(part);
    }
    LocalDate date = stored.article().date();
    out.putLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
    out.putInt(sketch.length).put(sketch);
    return out.array();
  }

  private static Candidate decodeCandidate(BytesRef value) {
    ByteBuffer in = ByteBuffer.wrap(value.bytes, value.offset, value.length);
    String[] parts = new String[3];
    for (int i = 0; i < parts.length; i++) {
      byte[] part = new byte[in.getInt()];
      in.get(part);
      parts[i] = new String(part, StandardCharsets.UTF_8);
    }
    long day = in.getLong();
    int length = in.getInt();
    StoredSketch sketch = StoredSketch.decode(value.bytes, in.position(), length);
    return new Candidate(
        parts[0],
        parts[1],
        parts[2],
        day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day),
        sketch);
  }

  private IndexWriter writer() throws IOException {
    if (writer == null) {
      IndexWriterConfig config = new IndexWriterConfig();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      config.setCodec(new StoreCodec(Map.of(ID, 1, TERMS, 256, TOP_TERMS, 64, SHINGLES, 128)));
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
    StoredSketch sketch = stored.sketch();
    if (sketch != null) {
      document.add(new StringField(STORY, stored.story(), Field.Store.NO));
      if (article.date() != null) {
        document.add(new LongPoint(DAY, article.date().toEpochDay()));
      }
      addTerms(document, TERMS, sketch.terms());
      addTerms(document, TOP_TERMS, sketch.top());
      addTerms(document, SHINGLES, sketch.shingles());
      document.add(new StoredField(SKETCH, sketch.encode()));
      document.add(new BinaryDocValuesField(MATCH, new BytesRef(encodeCandidate(stored))));
    }
    return document;
  }

  private static void addTerms(Document document, String field, long[] terms) {
    for (long term : terms) {
      document.add(new StringField(field, bytes(term), Field.Store.NO));
    }
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
        document.getField("added").numericValue().longValue(),
        sketch(document));
  }

  private static StoredSketch sketch(Document document) {
    BytesRef bytes = document.getBinaryValue(SKETCH);
    return bytes == null ? null : StoredSketch.decode(bytes.bytes, bytes.offset, bytes.length);
  }

  /** Closes the writer (without committing: only {@link #commit} does) and the directory. */
  @Override
  public void close() throws IOException {
    try {
      if (searchers != null) {
        searchers.close();
      }
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
