package dev.retold.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * Standard output as the command line writes it: a {@link PrintWriter}, which swallows write
 * errors, over a stream that remembers the first one, so that a report lost to a full disk or a
 * closed pipe ({@code retold scan dir > /dev/full}) ends the run with exit code 1 and the reason,
 * not with 0. See {@link RetoldCli#run}.
 */
final class StandardOutput extends PrintWriter {
  private final FailureKeeping stream;

  private StandardOutput(FailureKeeping stream) {
    super(new OutputStreamWriter(stream), true);
    this.stream = stream;
  }

  /** The process's standard output. */
  static StandardOutput open() {
    return new StandardOutput(new FailureKeeping(new FileOutputStream(FileDescriptor.out)));
  }

  /** Why writing failed, if it did and the system said: {@code "No space left on device"}. */
  String failure() {
    IOException failure = stream.failure;
    return failure == null ? null : failure.getMessage();
  }

  /** Passes bytes through and keeps the first exception writing or flushing them threw. */
  private static final class FailureKeeping extends FilterOutputStream {
    private IOException failure;

    FailureKeeping(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException problem) {
        throw kept(problem);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException problem) {
        throw kept(problem);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException problem) {
        throw kept(problem);
      }
    }

    private IOException kept(IOException problem) {
      if (failure == null) {
        failure = problem;
      }
      return problem;
    }
  }
}
