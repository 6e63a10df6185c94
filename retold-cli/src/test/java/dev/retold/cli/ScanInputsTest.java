package dev.retold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retold scan} of the compressed and crawl inputs: a .jsonl.gz and a .warc.gz file. */
class ScanInputsTest {
  private static final String STORY =
      "The city council voted on Tuesday to close the old harbour bridge for two years of repairs,"
          + " after engineers found cracks in three of its supporting piers during an inspection"
          + " last month. Traffic will be diverted through the eastern tunnel, the mayor said.";

  private static final String OTHER =
      "A local bakery won the national bread prize for its sourdough loaf, beating more than two"
          + " hundred entries from across the country in a blind tasting held in the capital.";

  @TempDir Path temp;

  @Test
  void aGzippedJsonLinesFileIsScanned() throws IOException {
    String lines =
        line("a", STORY) + line("b", STORY + " Cyclists may still cross.") + line("c", OTHER);
    Path file = temp.resolve("news.jsonl.gz");
    Files.write(file, gzip(lines.getBytes(StandardCharsets.UTF_8)));

    CliRun run = CliRun.of("scan", file.toString(), "--format", "csv", "--semantic", "off");

    assertThat(run.exitCode()).isZero();
    List<String> rows = run.out().replace("\"", "").lines().skip(1).toList();
    assertThat(rows).hasSize(3).allMatch(row -> row.contains(",loaded,"));
    assertThat(rows).anyMatch(row -> row.startsWith("a,loaded,s1,"));
    assertThat(rows).anyMatch(row -> row.startsWith("b,loaded,s1,"));
  }

  @Test
  void aWarcFileIsScannedForItsPages() throws IOException {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(
        gzip(record("warcinfo", null, "application/warc-fields", "software: hand\r\n")));
    warc.writeBytes(gzip(response("http://news.example/a", 200, STORY)));
    warc.writeBytes(gzip(response("http://news.example/b", 200, STORY + " Cyclists may cross.")));
    warc.writeBytes(gzip(response("http://news.example/c", 200, OTHER)));
    warc.writeBytes(gzip(response("http://news.example/d", 404, "Not found")));
    Path file = temp.resolve("crawl.warc.gz");
    Files.write(file, warc.toByteArray());

    CliRun run = CliRun.of("scan", file.toString(), "--format", "csv", "--semantic", "off");

    assertThat(run.exitCode()).isZero();
    List<String> rows = run.out().replace("\"", "").lines().skip(1).toList();
    assertThat(rows)
        .anyMatch(row -> row.startsWith("http://news.example/a,loaded,s1,"))
        .anyMatch(row -> row.startsWith("http://news.example/b,loaded,s1,"))
        .anyMatch(row -> row.startsWith("http://news.example/c,loaded,"))
        .anyMatch(
            row ->
                row.startsWith("crawl.warc.gz (warcinfo records),skipped,")
                    && row.endsWith(",1 record, not articles,"))
        .anyMatch(
            row ->
                row.startsWith("crawl.warc.gz (responses other than 200),skipped,")
                    && row.endsWith("(status 404: 1),"))
        .hasSize(5);

    CliRun text = CliRun.of("scan", file.toString(), "--semantic", "off");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .endsWith(
            "5 files found: 3 loaded, 2 skipped; 1 group of related articles, 1 copy group"
                + " holding 2 articles, 0 other related pairs.\n");
  }

  private static String line(String id, String text) {
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"date\": \"2025-03-14\"}\n";
  }

  private static byte[] response(String uri, int status, String body) {
    String http =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Not Found")
            + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body;
    return record("response", uri, "application/http; msgtype=response", http);
  }

  /** One WARC 1.0 record, written by hand as the standard lays it out. */
  private static byte[] record(String type, String uri, String contentType, String block) {
    byte[] content = block.getBytes(StandardCharsets.UTF_8);
    StringBuilder header = new StringBuilder("WARC/1.0\r\n");
    header.append("WARC-Type: ").append(type).append("\r\n");
    if (uri != null) {
      header.append("WARC-Target-URI: ").append(uri).append("\r\n");
    }
    header
        .append("WARC-Date: 2025-03-14T10:00:00Z\r\n")
        .append("WARC-Record-ID: <urn:uuid:")
        .append(java.util.UUID.nameUUIDFromBytes((type + uri).getBytes(StandardCharsets.UTF_8)))
        .append(">\r\n")
        .append("Content-Type: ")
        .append(contentType)
        .append("\r\nContent-Length: ")
        .append(content.length)
        .append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
