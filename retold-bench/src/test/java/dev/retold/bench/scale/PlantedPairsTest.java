package dev.retold.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedPairsTest {
  @TempDir Path temp;

  @Test
  void scoresRecallAndPrecisionPerRelation() throws IOException {
    Path labels = temp.resolve("labels.tsv");
    Files.write(
        labels,
        List.of(
            "file\tstory\trelation\torigin\tdetail",
            "00000/o.txt\ts1\tORIGINAL\t-\t-",
            "00000/n.txt\ts1\tNEAR_DUPLICATE\to\trate=0.02",
            "00000/d.txt\ts1\tDERIVED\to\texcerpt=0.3",
            "00000/c.txt\ts1\tNEAR_DUPLICATE\to\trate=0.01",
            "00000/x.txt\ts2\tUNRELATED\t-\t-"));
    Path scan = temp.resolve("scan.json");
    Files.writeString(
        scan,
        "{\"format\": \"retold-scan/2\", \"articles\": [], \"copy_groups\": ["
            + "{\"id\": \"c1\", \"representative\": \"00000/o.txt\", \"size\": 3,"
            + " \"relation\": \"NEAR_DUPLICATE\","
            + " \"members\": [\"00000/c.txt\", \"00000/n.txt\", \"00000/o.txt\"],"
            + " \"evidence\": {\"a\": \"00000/n.txt\", \"b\": \"00000/o.txt\","
            + " \"relation\": \"NEAR_DUPLICATE\", \"passages\": [{\"words\": 3}]}}"
            + "], \"pairs\": ["
            + "{\"a\": \"00000/d.txt\", \"b\": \"00000/o.txt\", \"relation\": \"SAME_STORY\"},"
            + "{\"a\": \"00000/o.txt\", \"b\": \"00000/x.txt\", \"relation\": \"SAME_STORY\"}"
            + "], \"summary\": {}}");
    Map<String, PlantedPairs.Score> scores = PlantedPairs.read(labels).score(scan);
    // the copy group stands for its three pairs: both planted ones, and c-n of one story
    assertThat(scores.get("NEAR_DUPLICATE").recall()).isEqualTo(1.0);
    assertThat(scores.get("NEAR_DUPLICATE").reported()).isEqualTo(3);
    assertThat(scores.get("NEAR_DUPLICATE").precision()).isEqualTo(1.0);
    assertThat(scores.get("DERIVED").recall()).isEqualTo(0.0); // reported, but as SAME_STORY
    assertThat(scores.get("SAME_STORY").reported()).isEqualTo(2);
    assertThat(scores.get("SAME_STORY").precision()).isEqualTo(0.5); // o-x are different stories
  }

  @Test
  void drawsAPlot() throws IOException {
    Path png = temp.resolve("scale.png");
    ScalePlot.write(
        List.of(new ScalePlot.Point(1000, 1.5, 300), new ScalePlot.Point(100000, 90, 3000)), png);
    assertThat(Files.size(png)).isGreaterThan(1000);
  }
}
