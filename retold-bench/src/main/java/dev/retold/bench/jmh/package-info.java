/**
 * JMH benchmarks of signature throughput, in MB of raw UTF-8 text per second per core, on one
 * generated corpus:
 *
 * <ul>
 *   <li>{@link dev.retold.bench.jmh.SignatureThroughputBenchmark}: the JMH benchmark, one batch of
 *       generated articles per operation, one thread;
 *   <li>{@link dev.retold.bench.jmh.BenchmarkSuite}: runs it through JMH's Runner API with defaults
 *       that fit in a few minutes, and writes the report;
 *   <li>{@link dev.retold.bench.jmh.ThroughputReport} and {@link
 *       dev.retold.bench.jmh.ThroughputRow}: the results converted to MB/s, as Markdown and JSON;
 *   <li>{@link dev.retold.bench.jmh.BenchmarkCorpus}: the batch of texts, the same in every fork.
 * </ul>
 *
 * <p>What does not live here: the signers themselves ({@code dev.retold.bench.signers}) and the
 * command line ({@code dev.retold.bench.cli}). The build compiles the benchmarks but never runs
 * them.
 */
package dev.retold.bench.jmh;
