package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed build leaves behind, and what a second build does while the first one runs. */
class KillDebrisAndWaitingTest {
  @TempDir Path dir;
  final Cli cli = new Cli();

  /**
   * A build that takes several seconds on this machine, whatever its speed: one cross join into a
   * table, sized from how fast DuckDB runs a smaller one here.
   */
  private Path slowProject() throws Exception {
    int inner = 2000;
    double seconds;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String sql = "select sum(a.range * b.range) from range(100000) a, range(" + inner + ") b";
      st.execute(sql); // the first run pays for loading DuckDB
      long t0 = System.nanoTime();
      st.execute(sql);
      seconds = Math.max(0.001, (System.nanoTime() - t0) / 1e9);
    }
    long sized = Math.min(2_000_000, Math.max(20_000, Math.round(inner * 12 / seconds)));
    return ProjectFolder.sluice(dir.resolve("slow"), "slow")
        .file(
            "models/slow.sql",
            "{{ config(materialized='table') }}\n"
                + "select sum(a.range * b.range) as x from range(100000) a, range("
                + sized
                + ") b\n")
        .file("models/quick.sql", "select 1 as x\n")
        .root();
  }

  @Test
  void aKilledRunIsMarkedKilledByTheNextRunAndLeavesNoLibraryCopy() throws Exception {
    Path p = slowProject();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    try (ChildSluice child = ChildSluice.start(tmp, "build", "--project", p.toString())) {
      assertThat(child.awaitLine("Running build", 120)).as(child.output()).isTrue();
      child.kill();
    }
    assertThat(nativeCopies(tmp)).as("DuckDB library copies left in the temp folder").isEmpty();

    assertThat(cli.run("build", "--project", p.toString(), "--select", "quick")).isZero();
    List<String> statuses = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + p.resolve("target/slow.duckdb"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select status from _sluice.runs order by started_at")) {
      while (rs.next()) {
        statuses.add(rs.getString(1));
      }
    }
    assertThat(statuses).containsExactly("killed", "succeeded");
  }

  @Test
  void aSecondBuildWaitsNamingTheHolderAndNoWaitFailsAtOnce() throws Exception {
    Path p = slowProject();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    try (ChildSluice child = ChildSluice.start(tmp, "build", "--project", p.toString())) {
      assertThat(child.awaitLine("Running build", 120)).as(child.output()).isTrue();

      long t0 = System.nanoTime();
      assertThat(cli.run("build", "--project", p.toString(), "--no-wait")).isEqualTo(2);
      assertThat(cli.err).contains("is in use by `sluice build` (pid " + child.pid() + ") started");
      assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to fail").isLessThan(5_000);

      assertThat(cli.run("build", "--project", p.toString(), "--wait", "300"))
          .as(cli.out + cli.err)
          .isZero();
      assertThat(cli.err).contains("waiting for `sluice build` (pid " + child.pid() + ") started");
      assertThat(child.waitFor(300)).isZero();
    }
  }

  @Test
  void listingCompilingAndQueryingWorkWhileABuildRuns() throws Exception {
    Path p = slowProject();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    try (ChildSluice child = ChildSluice.start(tmp, "build", "--project", p.toString())) {
      assertThat(child.awaitLine("Running build", 120)).as(child.output()).isTrue();
      assertThat(
              cli.run("query", "--project", p.toString(), "--format", "csv", "select 41 + 1 as n"))
          .as(cli.out + cli.err)
          .isZero();
      assertThat(cli.out).contains("42");
      assertThat(cli.err).contains("is in use by `sluice build` (pid " + child.pid() + ")");
      assertThat(cli.run("compile", "--project", p.toString(), "--select", "quick"))
          .as(cli.out + cli.err)
          .isZero();
      assertThat(cli.out).contains("select 1 as x");
      assertThat(cli.run("ls", "--project", p.toString())).isZero();
      assertThat(cli.out).contains("slow");
    }
  }

  private static List<Path> nativeCopies(Path tmp) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(f -> f.getFileName().toString().startsWith("libduckdb_java")).toList();
    }
  }
}
