package dev.retold.cli;

import dev.retold.Retold;
import picocli.CommandLine.Option;

/**
 * Which symbolic links a scan of a folder follows, for the commands that scan one: at most one of
 * the two options (picocli refuses both). Without either, the library's default holds: links whose
 * real target is inside the folder are followed, links out of it are skipped with the reason, so
 * that a link planted in a folder cannot make a report quote files from elsewhere.
 */
final class LinkOptions {
  @Option(
      names = "--follow-links",
      description =
          "Follow every symbolic link, also those leading out of DIR (loops are still skipped)."
              + " By default only links whose target is inside DIR are followed.")
  boolean all;

  @Option(
      names = "--no-follow-links",
      description = "Follow no symbolic link: each is listed as skipped.")
  boolean none;

  /** Sets the links to follow on {@code builder}; {@code links} may be null (neither option). */
  static void apply(LinkOptions links, Retold.Builder builder) {
    if (links != null && links.all) {
      builder.followLinks(true).followLinksOutside(true);
    } else if (links != null && links.none) {
      builder.followLinks(false).followLinksOutside(false);
    }
  }
}
