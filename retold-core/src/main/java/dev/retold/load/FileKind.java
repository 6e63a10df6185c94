package dev.retold.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Says what kind of entry a path is when it is not a regular file, for the reason it is skipped:
 * {@code "not a regular file (a FIFO)"}. Only attributes are read; nothing is opened, so a FIFO
 * (which blocks whoever opens it until someone writes) cannot hang the run.
 */
final class FileKind {
  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private FileKind() {}

  /**
   * {@code "not a regular file (a FIFO)"} and the like, for an entry that is not a regular file.
   */
  static String notRegular(Path path, BasicFileAttributes attributes, LinkOption... options) {
    return "not a regular file (" + describe(path, attributes, options) + ")";
  }

  /**
   * The reason {@code path} is not to be opened as a file, or {@code null} if it is a regular file;
   * links are followed unless {@code options} say not to.
   *
   * @throws IOException if its attributes cannot be read
   */
  static String checkRegular(Path path, LinkOption... options) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
    return attributes.isRegularFile() ? null : notRegular(path, attributes, options);
  }

  private static String describe(Path path, BasicFileAttributes attributes, LinkOption... options) {
    if (attributes.isDirectory()) {
      return "a folder";
    }
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    try {
      // The unix view is not on every platform; where it is missing the kind stays general.
      Object mode = Files.getAttribute(path, "unix:mode", options);
      if (mode instanceof Integer bits) {
        switch (bits & TYPE_MASK) {
          case FIFO:
            return "a FIFO";
          case SOCKET:
            return "a socket";
          case CHARACTER_DEVICE:
            return "a character device";
          case BLOCK_DEVICE:
            return "a block device";
          default:
            break;
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
      // fall through to the general kind
    }
    return "a special file";
  }
}
