/**
 * Writes scan results: readable text for a terminal, JSON for programs, CSV for spreadsheets. Pick
 * one with {@link dev.retold.report.ReportFormat#writer()}. Every format is deterministic, and
 * golden files in the tests keep each from drifting. Nothing here scores or groups articles.
 */
package dev.retold.report;
