package dev.sluice.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's library is unpacked once per version into a cache folder, safely when several first runs
 * do it at once, and processes started from there leave no copy in the temp folder.
 */
class NativeLibraryCacheTest {
  @TempDir Path dir;

  private static final List<String> CLASS_PATH =
      Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

  private static Path driverJar() {
    return CLASS_PATH.stream()
        .filter(e -> Path.of(e).getFileName().toString().startsWith("duckdb_jdbc"))
        .map(Path::of)
        .findFirst()
        .orElseThrow();
  }

  private static String classPathWithout(Path jar, Path instead) {
    List<String> cp = new ArrayList<>(CLASS_PATH);
    cp.remove(jar.toString());
    cp.add(instead.toString());
    return String.join(File.pathSeparator, cp);
  }

  private static Process java(List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void fourFirstRunsAtOnceLeaveOneWholeLibraryAndNoPartialFile() throws Exception {
    Path folder = dir.resolve("cache/duckdb/x");
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(
          java(
              List.of(
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.sluice.core.cli.PrepareDuckDb",
                  driverJar().toString(),
                  folder.toString()),
              dir.resolve("prepare" + i + ".log")));
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).waitFor(240, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.get(i).exitValue())
          .as(Files.readString(dir.resolve("prepare" + i + ".log")))
          .isZero();
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(NativeLibraryCache.CLASSES_JAR, NativeLibraryCache.libraryFile());
    }
    try (ZipFile jar = new ZipFile(driverJar().toFile())) {
      var entry = jar.getEntry(NativeLibraryCache.bundledEntry());
      try (InputStream in = jar.getInputStream(entry)) {
        assertThat(sha256(Files.newInputStream(folder.resolve(NativeLibraryCache.libraryFile()))))
            .isEqualTo(sha256(in));
      }
    }
    try (ZipFile classes = new ZipFile(folder.resolve(NativeLibraryCache.CLASSES_JAR).toFile())) {
      assertThat(classes.getEntry("org/duckdb/DuckDBDriver.class")).isNotNull();
      assertThat(classes.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("libduckdb_java"));
    }
    // a folder that is ready is left as it is
    long before =
        Files.getLastModifiedTime(folder.resolve(NativeLibraryCache.libraryFile())).toMillis();
    assertThat(NativeLibraryCache.prepare(driverJar(), folder)).isEmpty();
    assertThat(
            Files.getLastModifiedTime(folder.resolve(NativeLibraryCache.libraryFile())).toMillis())
        .isEqualTo(before);
  }

  @Test
  void twoProcessesInARowLoadTheCachedLibraryAndLeaveNothingInTheTempFolder() throws Exception {
    Path folder = dir.resolve("cache/duckdb/x");
    assertThat(NativeLibraryCache.prepare(driverJar(), folder)).isEmpty();
    Path project =
        ProjectFolder.sluice(dir.resolve("p"), "p").file("models/a.sql", "select 41 as x\n").root();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    for (String verb : List.of("build", "query")) {
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "-Djava.io.tmpdir=" + tmp,
              "-Djava.library.path=" + folder,
              "-cp",
              classPathWithout(driverJar(), folder.resolve(NativeLibraryCache.CLASSES_JAR)),
              "dev.sluice.core.cli.Main",
              verb,
              "--project",
              project.toString()));
      if (verb.equals("query")) {
        args.add("select x + 1 as n from {{ ref('a') }}");
      }
      Path log = dir.resolve(verb + ".log");
      Process p = java(args, log);
      assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      // the classes jar holds no library: DuckDB ran, so it loaded the one in the cache folder
      assertThat(p.exitValue()).as(printed).isZero();
      if (verb.equals("query")) {
        assertThat(printed).contains("42");
      }
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(f -> f.getFileName().toString()).collect(Collectors.toList()))
            .as("what " + verb + " left in the temp folder")
            .noneMatch(n -> n.startsWith("libduckdb_java"));
      }
    }
  }

  @Test
  void aFolderThatCannotBeWrittenIsReportedNotThrown() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(NativeLibraryCache.prepare(driverJar(), file.resolve("duckdb")))
        .hasValueSatisfying(why -> assertThat(why).contains("plain-file"));
  }

  private static String sha256(InputStream in) throws Exception {
    try (in) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    }
  }
}
