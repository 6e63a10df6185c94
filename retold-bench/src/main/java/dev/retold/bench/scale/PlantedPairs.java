package dev.retold.bench.scale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a scan's reported pairs against a generated corpus's labels, per planted relation.
 *
 * <ul>
 *   <li>recall of relation R: the share of planted pairs (an article and the original it was made
 *       from, labelled R) that the scan reports with relation R;
 *   <li>precision of relation R: the share of pairs the scan reports as R whose two articles belong
 *       to one planted story (for copies: any wrong link is a false positive).
 * </ul>
 *
 * <p>A copy group of the report stands for every pair of its members, each reported with the
 * group's relation (the generator's stories are small, so the pairs are few).
 */
public final class PlantedPairs {
  private final Map<String, String> storyOf = new HashMap<>();
  private final Map<String, Set<String>> plantedByRelation = new TreeMap<>();

  private PlantedPairs() {}

  /**
   * Reads a generated corpus's {@code labels.tsv} ({@code file story relation origin detail}); ids
   * are file names without {@code .txt} for the files format, as the generator writes them.
   */
  public static PlantedPairs read(Path labels) throws IOException {
    PlantedPairs planted = new PlantedPairs();
    try (BufferedReader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
      in.readLine(); // header
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split("\t", -1);
        String id = stripTxt(fields[0]);
        planted.storyOf.put(id, fields[1]);
        if (!fields[3].equals("-")) {
          planted
              .plantedByRelation
              .computeIfAbsent(fields[2], k -> new HashSet<>())
              .add(key(id, fields[3]));
        }
      }
    }
    return planted;
  }

  /** Recall and precision of one relation. */
  public record Score(String relation, int planted, int found, int reported, int correct) {
    /** Found over planted; 1 when nothing was planted. */
    public double recall() {
      return planted == 0 ? 1.0 : (double) found / planted;
    }

    /** Correct over reported; 1 when nothing was reported. */
    public double precision() {
      return reported == 0 ? 1.0 : (double) correct / reported;
    }
  }

  /**
   * Streams the {@code copy_groups} and {@code pairs} of a scan's JSON report and scores them, by
   * relation.
   */
  public Map<String, Score> score(Path scanJson) throws IOException {
    Map<String, int[]> counts = new TreeMap<>(); // relation -> {found, reported, correct}
    for (String relation : plantedByRelation.keySet()) {
      counts.put(relation, new int[3]);
    }
    try (JsonParser json = new JsonFactory().createParser(scanJson.toFile())) {
      while (json.nextToken() != null) {
        if (json.currentToken() == JsonToken.FIELD_NAME
            && "copy_groups".equals(json.currentName())) {
          json.nextToken(); // START_ARRAY
          while (json.nextToken() == JsonToken.START_OBJECT) {
            readCopyGroup(json, counts);
          }
        }
        if (json.currentToken() == JsonToken.FIELD_NAME && "pairs".equals(json.currentName())) {
          json.nextToken(); // START_ARRAY
          while (json.nextToken() == JsonToken.START_OBJECT) {
            readPair(json, counts);
          }
          break;
        }
      }
    }
    Map<String, Score> scores = new TreeMap<>();
    counts.forEach(
        (relation, c) ->
            scores.put(
                relation,
                new Score(
                    relation,
                    plantedByRelation.getOrDefault(relation, Set.of()).size(),
                    c[0],
                    c[1],
                    c[2])));
    return scores;
  }

  private void readPair(JsonParser json, Map<String, int[]> counts) throws IOException {
    String a = null;
    String b = null;
    String relation = null;
    while (json.nextToken() != JsonToken.END_OBJECT) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "a" -> a = stripTxt(json.getText());
        case "b" -> b = stripTxt(json.getText());
        case "relation" -> relation = json.getText();
        default -> json.skipChildren();
      }
    }
    count(counts, relation, a, b);
  }

  private void readCopyGroup(JsonParser json, Map<String, int[]> counts) throws IOException {
    List<String> members = new ArrayList<>();
    String relation = null;
    while (json.nextToken() != JsonToken.END_OBJECT) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "relation" -> relation = json.getText();
        case "members" -> {
          while (json.nextToken() != JsonToken.END_ARRAY) {
            members.add(stripTxt(json.getText()));
          }
        }
        default -> json.skipChildren();
      }
    }
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        count(counts, relation, members.get(i), members.get(j));
      }
    }
  }

  private void count(Map<String, int[]> counts, String relation, String a, String b) {
    int[] c = counts.computeIfAbsent(relation, k -> new int[3]);
    c[1]++;
    String story = storyOf.get(a);
    if (story != null && story.equals(storyOf.get(b))) {
      c[2]++;
    }
    if (plantedByRelation.getOrDefault(relation, Set.of()).contains(key(a, b))) {
      c[0]++;
    }
  }

  private static String stripTxt(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
  }

  private static String key(String x, String y) {
    return x.compareTo(y) < 0 ? x + '\n' + y : y + '\n' + x;
  }
}
