/**
 * The {@code retold-bench} command line, on picocli: {@code generate} writes a labelled corpus,
 * {@code bench} runs the signature throughput benchmarks. Commands only parse, call the library
 * ({@link dev.retold.bench.CorpusGenerator} and an {@link dev.retold.bench.ArticleSink}, or {@link
 * dev.retold.bench.jmh.BenchmarkSuite}), print, and map errors to exit codes; no generating or
 * measuring logic lives here.
 */
package dev.retold.bench.cli;
