package dev.retold.bench.jmh;

import dev.retold.bench.signers.ShingleSigner;
import dev.retold.bench.signers.ShingleSigners;
import dev.retold.bench.signers.WordHashBaseline;
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
 * How many batches of generated articles each signer signs per second, on one thread. One operation
 * signs every text of a {@link BenchmarkCorpus}; multiply operations per second by the batch's
 * UTF-8 bytes for MB/s ({@link BenchmarkSuite} does). Inputs are built in {@code @Setup}, and every
 * result is returned so that nothing is optimised away.
 *
 * <p>The annotations hold {@link BenchmarkSuite}'s defaults, so running the jar through {@code
 * org.openjdk.jmh.Main} gives the same measurement.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignatureThroughputBenchmark {
  /** The batch of texts, generated once per fork. */
  @State(Scope.Benchmark)
  public static class Batch {
    /** Articles in the batch. */
    @Param("2000")
    public int articles;

    /** The generator's seed. */
    @Param("42")
    public long seed;

    String[] texts;

    /** Generates the batch. */
    @Setup(Level.Trial)
    public void generate() {
      texts = BenchmarkCorpus.generate(articles, seed).array();
    }
  }

  /** The signer under test, built once per fork. */
  @State(Scope.Thread)
  public static class Signer {
    /** One of {@link ShingleSigners#NAMES}. */
    @Param({
      ShingleSigners.RETOLD,
      ShingleSigners.LUCENE_MINHASH,
      ShingleSigners.JAVA_LSH,
      ShingleSigners.K_PERMUTATION,
      ShingleSigners.HASH4J_MINHASH
    })
    public String signer;

    /** Words per shingle. */
    @Param({"3", "5"})
    public int shingleSize;

    ShingleSigner instance;

    /** Builds the signer. */
    @Setup(Level.Trial)
    public void build() {
      instance = ShingleSigners.named(signer, shingleSize);
    }
  }

  /** Signs every text of the batch. */
  @Benchmark
  public long[][] signBatch(Batch batch, Signer signer) {
    String[] texts = batch.texts;
    long[][] signatures = new long[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      signatures[i] = signer.instance.sign(texts[i]);
    }
    return signatures;
  }

  /** Splits every text of the batch into words and hashes each: the floor under every signer. */
  @Benchmark
  public long hashWordsBatch(Batch batch) {
    long sum = 0;
    for (String text : batch.texts) {
      sum += WordHashBaseline.sumOfWordHashes(text);
    }
    return sum;
  }
}
