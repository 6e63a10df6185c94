/**
 * Retold's library: finds which news articles retell the same story, with the evidence for each
 * link.
 *
 * <p>Its public face is three packages: {@code dev.retold} (the {@link dev.retold.Retold} facade,
 * its settings, and the values it takes and gives), {@code dev.retold.report} (the report formats)
 * and {@code dev.retold.evaluate} (scores against labelled stories). Every other package is the
 * machinery behind them: not exported, so it can change from one version to the next. (On the class
 * path, where the module system does not apply, those packages are reachable but are still not
 * API.)
 */
// jwarc is an automatic module (its jar names none); it is required, not re-exported.
@SuppressWarnings("requires-automatic")
module dev.retold.core {
  requires com.dynatrace.hash4j;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.fasterxml.jackson.dataformat.toml;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.codecs;
  requires org.apache.lucene.core;
  requires org.commonmark;
  requires org.jsoup;
  requires org.snakeyaml.engine.v2;
  // jwarc's jar names no module: "jwarc" is the name Java derives from the jar's file name.
  requires jwarc;

  exports dev.retold;
  exports dev.retold.evaluate;
  exports dev.retold.report;

  // A sentence-embedding model, if a module on the path provides one (retold-semantic does).
  uses dev.retold.TextEmbedder;

  // Jackson's CSV writer reads the report's row record by reflection.
  opens dev.retold.report to
      com.fasterxml.jackson.databind;
}
