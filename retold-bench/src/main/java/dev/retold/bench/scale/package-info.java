/**
 * End-to-end scale runs of {@code retold scan}: a child JVM measured for wall time and peak memory
 * ({@link dev.retold.bench.scale.MeasuredRun}), the planted pairs of a generated corpus scored
 * against the scan's report ({@link dev.retold.bench.scale.PlantedPairs}), and the log-log plot
 * ({@link dev.retold.bench.scale.ScalePlot}). The {@code scale} command ties them together.
 */
package dev.retold.bench.scale;
