package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the library's public face: the packages the module exports, and every type a library user
 * can reach in them (public, and nested only in public types). A change to either list is a
 * decision to make in the open: update {@code api/public-types.txt} in the test resources, and say
 * why in the commit.
 */
class PublicApiTest {
  /** The most types a library user may reach: a small face is one that can be kept. */
  private static final int MAX_PUBLIC_TYPES = 34;

  private static final Path CLASSES = classesRoot();

  @Test
  void theModuleExportsOnlyTheApiPackagesToEveryone() throws IOException {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("dev.retold.core");
    assertThat(module.exports())
        .allSatisfy(export -> assertThat(export.isQualified()).as(export.source()).isFalse());
    assertThat(exportedPackages(module))
        .containsExactly("dev.retold", "dev.retold.evaluate", "dev.retold.report");
  }

  @Test
  void theReachableTypesAreThePinnedList() throws IOException, ClassNotFoundException {
    List<String> pinned = pinnedTypes();
    assertThat(reachableTypes(exportedPackages(descriptor()))).containsExactlyElementsOf(pinned);
    assertThat(pinned).hasSizeLessThanOrEqualTo(MAX_PUBLIC_TYPES);
  }

  /** The public types of the packages, nested ones included when every enclosing type is public. */
  private static List<String> reachableTypes(Set<String> packages)
      throws IOException, ClassNotFoundException {
    Set<String> reachable = new TreeSet<>();
    for (String pkg : packages) {
      Path folder = CLASSES.resolve(pkg.replace('.', '/'));
      List<Path> classFiles;
      try (Stream<Path> files = Files.list(folder)) {
        classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
      }
      for (Path file : classFiles) {
        String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
        if (simple.equals("package-info")) {
          continue;
        }
        Class<?> type =
            Class.forName(pkg + "." + simple, false, PublicApiTest.class.getClassLoader());
        if (isReachable(type)) {
          reachable.add(
              type.getName().substring(pkg.length() + 1).replace('$', '.') + " (" + pkg + ")");
        }
      }
    }
    return new ArrayList<>(reachable);
  }

  private static boolean isReachable(Class<?> type) {
    for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
      if (!Modifier.isPublic(at.getModifiers()) || at.isAnonymousClass() || at.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> exportedPackages(ModuleDescriptor module) {
    return module.exports().stream()
        .filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  private static List<String> pinnedTypes() throws IOException {
    try (InputStream in = PublicApiTest.class.getResourceAsStream("/api/public-types.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }

  /** Where the library's own classes are: the folder or jar {@link Retold} was loaded from. */
  private static Path classesRoot() {
    try {
      return Path.of(Retold.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
