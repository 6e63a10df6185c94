package dev.retold.bench.jmh;

import java.util.Objects;

/**
 * One benchmark's throughput: JMH's operations per second, and the same as MB of UTF-8 text per
 * second, an operation being one batch of {@code batchBytes} bytes. MB is 10<sup>6</sup> bytes.
 *
 * @param signer the signer's name, or {@link BenchmarkSuite#BASELINE}
 * @param shingleSize words per shingle, 0 for the baseline, which makes none
 * @param description what it computes, one line
 * @param operationsPerSecond JMH's score, batches per second
 * @param operationsPerSecondError JMH's score error (half the 99.9% confidence interval); {@code
 *     NaN} when there were too few iterations to compute one
 * @param batchBytes the UTF-8 bytes one operation processes, > 0
 */
public record ThroughputRow(
    String signer,
    int shingleSize,
    String description,
    double operationsPerSecond,
    double operationsPerSecondError,
    long batchBytes) {
  /** Checks every field; the message names the field and the value refused. */
  public ThroughputRow {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(description, "description");
    if (shingleSize < 0) {
      throw new IllegalArgumentException("shingleSize must be >= 0: " + shingleSize);
    }
    if (!(operationsPerSecond >= 0)) {
      throw new IllegalArgumentException(
          "operationsPerSecond must be >= 0: " + operationsPerSecond);
    }
    if (operationsPerSecondError < 0) {
      throw new IllegalArgumentException(
          "operationsPerSecondError must be >= 0 or NaN: " + operationsPerSecondError);
    }
    if (batchBytes <= 0) {
      throw new IllegalArgumentException("batchBytes must be > 0: " + batchBytes);
    }
  }

  /** MB (10<sup>6</sup> bytes) of UTF-8 text per second, on one core. */
  public double megabytesPerSecond() {
    return operationsPerSecond * batchBytes / 1e6;
  }

  /** The score error in MB/s; {@code NaN} if JMH gave none. */
  public double megabytesPerSecondError() {
    return operationsPerSecondError * batchBytes / 1e6;
  }
}
