package dev.retold.bench.jmh;

import dev.retold.TextEmbedder;
import dev.retold.text.Lead;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many articles a second one core gives the semantic signal, as a scan does: each article's
 * lead ({@link Lead}, title and body cut to {@code leadChars}) embedded by the installed {@link
 * TextEmbedder} (the bundled model). One operation embeds one lead; the leads cycle through a batch
 * of generated articles built in {@code @Setup}.
 *
 * <pre>
 * java -cp retold-bench/target/retold-bench.jar org.openjdk.jmh.Main SemanticThroughputBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SemanticThroughputBenchmark {
  /** The leads and the model, made once per fork. */
  @State(Scope.Benchmark)
  public static class Leads {
    /** Characters of each lead, as the scan's {@code leadChars}. */
    @Param({"512", "256"})
    public int leadChars;

    String[] leads;
    TextEmbedder embedder;

    /** Generates the articles, cuts their leads and loads the model. */
    @Setup(Level.Trial)
    public void build() {
      List<String> texts = BenchmarkCorpus.generate(200, 42).texts();
      leads = new String[texts.size()];
      for (int i = 0; i < leads.length; i++) {
        leads[i] = Lead.of(null, texts.get(i), leadChars);
      }
      embedder = TextEmbedder.installed().orElseThrow();
    }
  }

  /** Which lead comes next, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** Embeds the next lead. */
  @Benchmark
  public float[] embedOneLead(Leads leads, Cursor cursor) {
    String lead = leads.leads[cursor.next];
    cursor.next = (cursor.next + 1) % leads.leads.length;
    return leads.embedder.embed(lead);
  }
}
