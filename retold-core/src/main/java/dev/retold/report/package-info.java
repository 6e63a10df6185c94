/**
 * Writes what Retold found: a scan's result as readable text, JSON ({@code retold-scan/2}) or CSV;
 * comparisons of pairs as text or JSON Lines; evaluations against labels as text or JSON. Pick the
 * format with {@link dev.retold.report.ReportFormat}, the one public type here; the writers behind
 * it are package-private. Every format is deterministic and rounds scores one way; golden files in
 * the tests keep each from drifting. Nothing here scores or groups articles.
 */
package dev.retold.report;
