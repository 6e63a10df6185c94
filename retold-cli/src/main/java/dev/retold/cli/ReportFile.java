package dev.retold.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a report to a file all at once: into a temporary file beside it (hidden, named after it),
 * synced, then moved into place, atomically where the file system can (else replacing the file). A
 * run killed mid-write leaves the old report, or none, never half of one; a failed write deletes
 * the temporary file. A link is written through (the file it points to is replaced), and what is
 * not a regular file ({@code /dev/null}, {@code /dev/stdout}) is written directly.
 */
final class ReportFile {
  /** Writes a whole report to a writer. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private ReportFile() {}

  /**
   * Writes {@code body} to {@code output} as a whole.
   *
   * @throws IOException if it cannot be written; the message names {@code output}
   */
  static void write(Path output, Body body) throws IOException {
    Path target = output;
    if (Files.isSymbolicLink(output)) {
      try {
        target = output.toRealPath();
      } catch (NoSuchFileException broken) {
        target = output; // a broken link: the report replaces it
      }
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
      return;
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new IOException("cannot write " + output + ": permission denied");
    }
    Path temporary = createTemporary(output, target);
    boolean moved = false;
    try {
      keepPermissions(target, temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          Writer out =
              new BufferedWriter(
                  Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), -1))) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notHere) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the write's own failure is the one to report
        }
      }
    }
  }

  /** Gives the new file the old one's permissions, where there is an old one and they are POSIX. */
  private static void keepPermissions(Path old, Path temporary) throws IOException {
    if (!Files.exists(old)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(old));
    } catch (UnsupportedOperationException notPosix) {
      // the file system's defaults, then
    }
  }

  /** A new, empty, hidden file beside {@code target}, named after it. */
  private static Path createTemporary(Path output, Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    String stem = "." + absolute.getFileName() + "." + ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      Path temporary = folder.resolve(stem + (attempt == 0 ? "" : "-" + attempt) + ".tmp");
      try {
        return Files.createFile(temporary);
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 100) {
          throw new IOException("cannot write " + output + ": no free temporary name", taken);
        }
      } catch (AccessDeniedException denied) {
        throw new IOException("cannot write " + output + ": permission denied", denied);
      } catch (NoSuchFileException noFolder) {
        throw new IOException("cannot write " + output + ": its folder does not exist", noFolder);
      } catch (FileSystemException problem) {
        String reason =
            problem.getReason() == null ? "cannot create a file there" : problem.getReason();
        throw new IOException("cannot write " + output + ": " + reason, problem);
      }
    }
  }
}
