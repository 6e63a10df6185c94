/**
 * Retold's semantic signal: {@link dev.retold.semantic.MiniLmEmbedder}, a {@link
 * dev.retold.TextEmbedder} over a bundled sentence-embedding model, found by {@link
 * dev.retold.TextEmbedder#installed()} when this module is on the class path. A library user who
 * wants the lexical story score alone (and not some 130 MB of model and native libraries) leaves
 * this module out.
 */
package dev.retold.semantic;
