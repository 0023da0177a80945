package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code src/test/resources/bad/} (see its README): the CLI names the file and
 * line and says what is wrong, never prints a Java stack trace, and writes nothing outside the
 * project.
 */
class BadInputCorpusTest {
  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(corpus())) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Path corpus() throws URISyntaxException {
    return Path.of(BadInputCorpusTest.class.getResource("/bad").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsReportedWithItsPlaceAndNoStackTrace(String name) throws Exception {
    Path source = corpus().resolve(name);
    Path outside = Files.createDirectories(dir.resolve("around"));
    Path project = outside.resolve("project");
    copy(source, project);
    setUp(source, project);
    List<String> before = listing(outside);
    String command =
        Files.exists(source.resolve("command.txt"))
            ? Files.readString(source.resolve("command.txt")).strip()
            : "build --project {project}";
    List<String> args = new ArrayList<>();
    for (String a : command.split(" ")) {
      args.add(a.replace("{project}", project.toString()));
    }
    Cli cli = new Cli();
    int code = cli.run(args.toArray(String[]::new));
    String printed = (cli.out + cli.err).replace(project + "/", "");

    for (String line : Files.readAllLines(source.resolve("expected.txt"))) {
      if (!line.isBlank()) {
        assertThat(printed).as("exit %d, printed:%n%s", code, printed).contains(line);
      }
    }
    assertThat(printed).doesNotContain("\tat ").doesNotContain("Exception:");
    if (code == 0 && !Files.exists(source.resolve("passes.txt"))) {
      assertThat(printed).as("a case that passes must at least warn").contains("warning:");
    }
    List<String> after = listing(outside);
    after.removeIf(p -> p.startsWith("project/") || p.equals("project"));
    before.removeIf(p -> p.startsWith("project/") || p.equals("project"));
    assertThat(after).as("files written outside the project").isEqualTo(before);
    Path absent = source.resolve("absent.txt");
    if (Files.exists(absent)) {
      String secret = Files.readString(absent).strip();
      assertThat(cli.out + cli.err).doesNotContain(secret);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = from.relativize(p).toString();
        if (List.of("expected.txt", "command.txt", "setup.txt", "absent.txt", "passes.txt")
            .contains(rel)) {
          continue;
        }
        Path dest = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(p, dest);
        }
      }
    }
  }

  private static void setUp(Path source, Path project) throws IOException {
    Path setup = source.resolve("setup.txt");
    if (!Files.exists(setup)) {
      return;
    }
    for (String line : Files.readAllLines(setup, StandardCharsets.UTF_8)) {
      String[] w = line.strip().split("\\s+");
      if (w.length < 3) {
        continue;
      }
      Path at = project.resolve(w[1]);
      Files.createDirectories(at.getParent());
      switch (w[0]) {
        case "symlink" -> Files.createSymbolicLink(at, Path.of(w[2]));
        case "zeros" -> Files.write(at, new byte[Integer.parseInt(w[2])]);
        case "text" -> Files.writeString(at, line.strip().split("\\s+", 3)[2] + "\n");
        case "damaged" -> damagedDuckDb(at, Integer.parseInt(w[2]));
        default -> throw new IllegalArgumentException("unknown setup step: " + line);
      }
    }
  }

  /**
   * A real DuckDB file holding a table, with 4 KiB from {@code offset} scrambled: its checksums no
   * longer match, as after a disk fault or a partial copy.
   */
  private static void damagedDuckDb(Path at, int offset) throws IOException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + at);
        java.sql.Statement st = c.createStatement()) {
      st.execute("create table t as select range as id, 'row ' || range as s from range(50000)");
      st.execute("checkpoint");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    byte[] b = Files.readAllBytes(at);
    for (int i = offset; i < Math.min(b.length, offset + 4096); i++) {
      b[i] ^= 0x5a;
    }
    Files.write(at, b);
  }

  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new ArrayList<>(
          walk.map(p -> root.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList());
    }
  }
}
