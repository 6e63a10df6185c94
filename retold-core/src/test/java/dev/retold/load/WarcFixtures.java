package dev.retold.load;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** WARC files for tests, written with jwarc's writer as a crawler would write them. */
final class WarcFixtures {
  static final Instant CRAWLED = Instant.parse("2025-03-14T23:30:00Z");

  private WarcFixtures() {}

  /** Writes records to {@code file}, gzip-compressed (one member per record) or not. */
  static final class Writer implements AutoCloseable {
    private final WarcWriter warc;

    Writer(Path file, boolean gzip) throws IOException {
      FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      this.warc = new WarcWriter(channel, gzip ? WarcCompression.GZIP : WarcCompression.NONE);
    }

    Writer warcinfo() throws IOException {
      warc.write(
          new Warcinfo.Builder().fields(Map.of("software", List.of("retold-tests"))).build());
      return this;
    }

    Writer request(String uri) throws IOException {
      HttpRequest http = new HttpRequest.Builder("GET", URI.create(uri).getRawPath()).build();
      warc.write(new WarcRequest.Builder(URI.create(uri)).date(CRAWLED).body(http).build());
      return this;
    }

    Writer response(String uri, int status, String contentType, byte[] body) throws IOException {
      return response(uri, status, contentType, body, CRAWLED, null);
    }

    Writer response(String uri, int status, String contentType, String body) throws IOException {
      return response(uri, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Writer response(
        String uri,
        int status,
        String contentType,
        byte[] body,
        Instant date,
        String contentEncoding)
        throws IOException {
      HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other");
      if (contentEncoding != null) {
        http.addHeader("Content-Encoding", contentEncoding);
      }
      http.body(MediaType.parse(contentType), body);
      warc.write(new WarcResponse.Builder(URI.create(uri)).date(date).body(http.build()).build());
      return this;
    }

    Writer revisit(String uri) throws IOException {
      warc.write(
          new WarcRevisit.Builder(
                  URI.create(uri),
                  URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
              .date(CRAWLED)
              .build());
      return this;
    }

    Writer metadata(String uri) throws IOException {
      warc.write(
          new WarcMetadata.Builder()
              .targetURI(URI.create(uri))
              .body(MediaType.parse("application/warc-fields"), "outlinks: 3\r\n".getBytes())
              .build());
      return this;
    }

    @Override
    public void close() throws IOException {
      warc.close();
    }
  }
}
