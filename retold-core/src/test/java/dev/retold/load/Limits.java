package dev.retold.load;

import dev.retold.Retold;
import dev.retold.RetoldSettings;

/** Loading settings for tests, made as a library user makes them: through the builder. */
final class Limits {
  private Limits() {}

  /** Loading settings with this file size limit. */
  static RetoldSettings.Loading maxFileBytes(long bytes) {
    return Retold.builder().maxFileBytes(bytes).build().settings().loading();
  }

  /** The default loading settings. */
  static RetoldSettings.Loading defaults() {
    return RetoldSettings.defaults().loading();
  }
}
