/**
 * The {@code retold-bench} command line, on picocli: {@code generate} writes a labelled corpus.
 * Commands only parse, call {@link dev.retold.bench.CorpusGenerator} and an {@link
 * dev.retold.bench.ArticleSink}, print, and map errors to exit codes; no generating logic lives
 * here.
 */
package dev.retold.bench.cli;
