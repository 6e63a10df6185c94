/**
 * Retold on Apache Spark: {@link dev.retold.spark.RetoldSpark} scans what {@code retold scan}
 * reads, and rows of a Spark table ({@code Dataset<Row>}), its articles read and sketched on
 * Spark's workers, a slice of the input or a partition of the rows each, with the core's own code;
 * the sketches then go through the core's stages. Its results are the single-machine scan's,
 * whatever the partitioning, and come as Spark tables too ({@link dev.retold.spark.Tables}). {@link
 * dev.retold.spark.SparkScanCommand} is the runnable jar's command line.
 */
package dev.retold.spark;
