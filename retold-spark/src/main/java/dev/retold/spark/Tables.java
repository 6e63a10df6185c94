package dev.retold.spark;

import dev.retold.ArticleInfo;
import dev.retold.ArticlePair;
import dev.retold.CopyGroup;
import dev.retold.Passage;
import dev.retold.ScanResult;
import dev.retold.SkippedFile;
import dev.retold.Story;
import dev.retold.StoryMember;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A scan's result as Spark tables, in the order of the result's lists (stable: articles by id,
 * pairs and stories as the report lists them):
 *
 * <ul>
 *   <li>{@code articles}: {@code id, title, date, url, length, story, relation, copy_group} (the
 *       story it belongs to and its relation there, the group of copies it is in, if any);
 *   <li>{@code pairs}: {@code a, b, relation, origin, similarity, jaccard, containment_a_in_b,
 *       containment_b_in_a, semantic_similarity, shared_names, passages} (each passage {@code
 *       words, start_a, end_a, start_b, end_b, text});
 *   <li>{@code stories}: {@code id, canonical, size, members};
 *   <li>{@code skipped}: {@code path, reason}, every entry that is no article.
 * </ul>
 *
 * @param result the scan's result itself
 * @param articles one row an article
 * @param pairs one row a reported pair
 * @param stories one row a story
 * @param skipped one row a skipped entry
 */
public record Tables(
    ScanResult result,
    Dataset<Row> articles,
    Dataset<Row> pairs,
    Dataset<Row> stories,
    Dataset<Row> skipped) {

  static final StructType ARTICLES =
      new StructType(
          new StructField[] {
            field("id", DataTypes.StringType, false),
            field("title", DataTypes.StringType, true),
            field("date", DataTypes.DateType, true),
            field("url", DataTypes.StringType, true),
            field("length", DataTypes.IntegerType, false),
            field("story", DataTypes.StringType, true),
            field("relation", DataTypes.StringType, true),
            field("copy_group", DataTypes.StringType, true)
          });

  static final StructType PASSAGE =
      new StructType(
          new StructField[] {
            field("words", DataTypes.IntegerType, false),
            field("start_a", DataTypes.IntegerType, false),
            field("end_a", DataTypes.IntegerType, false),
            field("start_b", DataTypes.IntegerType, false),
            field("end_b", DataTypes.IntegerType, false),
            field("text", DataTypes.StringType, false)
          });

  static final StructType PAIRS =
      new StructType(
          new StructField[] {
            field("a", DataTypes.StringType, false),
            field("b", DataTypes.StringType, false),
            field("relation", DataTypes.StringType, false),
            field("origin", DataTypes.StringType, true),
            field("similarity", DataTypes.DoubleType, false),
            field("jaccard", DataTypes.DoubleType, false),
            field("containment_a_in_b", DataTypes.DoubleType, false),
            field("containment_b_in_a", DataTypes.DoubleType, false),
            field("semantic_similarity", DataTypes.DoubleType, false),
            field("shared_names", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("passages", DataTypes.createArrayType(PASSAGE, false), false)
          });

  static final StructType STORIES =
      new StructType(
          new StructField[] {
            field("id", DataTypes.StringType, false),
            field("canonical", DataTypes.StringType, false),
            field("size", DataTypes.IntegerType, false),
            field("members", DataTypes.createArrayType(DataTypes.StringType, false), false)
          });

  static final StructType SKIPPED =
      new StructType(
          new StructField[] {
            field("path", DataTypes.StringType, false), field("reason", DataTypes.StringType, false)
          });

  /** The tables of {@code result}, made on the driver. */
  public static Tables of(SparkSession spark, ScanResult result) {
    Map<String, Story> storyOf = new HashMap<>();
    Map<String, StoryMember> memberOf = new HashMap<>();
    List<Row> stories = new ArrayList<>();
    for (Story story : result.stories()) {
      List<String> members = new ArrayList<>();
      for (StoryMember member : story.members()) {
        storyOf.put(member.id(), story);
        memberOf.put(member.id(), member);
        members.add(member.id());
      }
      stories.add(RowFactory.create(story.id(), story.canonical(), members.size(), members));
    }
    Map<String, String> groupOf = new HashMap<>();
    for (CopyGroup group : result.copyGroups()) {
      for (String member : group.members()) {
        groupOf.put(member, group.id());
      }
    }
    List<Row> articles = new ArrayList<>();
    for (ArticleInfo article : result.articles()) {
      Story story = storyOf.get(article.id());
      StoryMember member = memberOf.get(article.id());
      articles.add(
          RowFactory.create(
              article.id(),
              article.title(),
              article.date() == null ? null : Date.valueOf(article.date()),
              article.metadata().get("url"),
              article.length(),
              story == null ? null : story.id(),
              member == null ? null : member.relation().name(),
              groupOf.get(article.id())));
    }
    List<Row> pairs = new ArrayList<>();
    for (ArticlePair pair : result.pairs()) {
      List<Row> passages = new ArrayList<>();
      for (Passage passage : pair.passages()) {
        passages.add(
            RowFactory.create(
                passage.words(),
                passage.startA(),
                passage.endA(),
                passage.startB(),
                passage.endB(),
                passage.text()));
      }
      pairs.add(
          RowFactory.create(
              pair.a(),
              pair.b(),
              pair.relation().name(),
              pair.origin(),
              pair.similarity(),
              pair.jaccard(),
              pair.containmentAInB(),
              pair.containmentBInA(),
              pair.semanticSimilarity(),
              pair.sharedNames(),
              passages));
    }
    List<Row> skipped = new ArrayList<>();
    for (SkippedFile file : result.skipped()) {
      skipped.add(RowFactory.create(file.path(), file.reason()));
    }
    return new Tables(
        result,
        spark.createDataFrame(articles, ARTICLES),
        spark.createDataFrame(pairs, PAIRS),
        spark.createDataFrame(stories, STORIES),
        spark.createDataFrame(skipped, SKIPPED));
  }

  /**
   * Writes the four tables as Parquet under {@code folder}: {@code articles}, {@code pairs}, {@code
   * stories} and {@code skipped}, each a folder of part files, replacing what was there.
   */
  public void writeParquet(Path folder) {
    String root = folder.toAbsolutePath().toString();
    articles.write().mode(SaveMode.Overwrite).parquet(root + "/articles");
    pairs.write().mode(SaveMode.Overwrite).parquet(root + "/pairs");
    stories.write().mode(SaveMode.Overwrite).parquet(root + "/stories");
    skipped.write().mode(SaveMode.Overwrite).parquet(root + "/skipped");
  }

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
