package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build of a generated ~200-node project (tables, views, incremental models, a snapshot) in a
 * child JVM, killed with SIGKILL at a random line of its output, again and again. After every kill
 * the file opens and every table equals what it was before that build or what a complete build
 * makes; every few kills, and at the end, a build succeeds and equals the reference.
 *
 * <p>{@code -Dsluice.kills=N} sets the number of kills (default 20); {@code -Dsluice.seed=S} the
 * random seed, printed so a failure can be replayed.
 */
class FaultInjectionTest {
  @TempDir Path dir;

  @Test
  void killedBuildsLeaveEveryTableBeforeOrAfterAndTheNextBuildCompletesIt() throws Exception {
    int kills = Integer.getInteger("sluice.kills", 20);
    long seed = Long.getLong("sluice.seed", System.nanoTime());
    Random random = new Random(seed);
    System.out.println("fault injection: seed " + seed + ", " + kills + " kills");

    Path reference = GeneratedProject.write(dir.resolve("reference"));
    Cli cli = new Cli();
    assertThat(cli.run("build", "--project", reference.toString())).as(cli.out).isZero();
    Map<String, String> expected = fingerprints(db(reference));
    assertThat(expected).hasSizeGreaterThan(GeneratedProject.TABLES);

    Path project = GeneratedProject.write(dir.resolve("project"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    int midBuild = 0;
    int checkedTables = 0;
    Map<String, String> before = Map.of();
    for (int i = 0; i < kills; i++) {
      if (i % 5 == 0) {
        deleteWarehouse(project); // every fifth starts from nothing: first builds get killed too
        before = Map.of();
      }
      int line = 1 + random.nextInt(GeneratedProject.nodes() + 2);
      try (ChildSluice child =
          ChildSluice.startCached(tmp, "build", "--project", project.toString())) {
        if (child.awaitLines(line, 180)) {
          Thread.sleep(random.nextInt(40));
          midBuild++;
        }
        child.kill();
      }
      Map<String, String> now = fingerprints(db(project)); // the file opens
      for (Map.Entry<String, String> t : now.entrySet()) {
        assertThat(t.getValue())
            .as("kill %d at line %d (seed %d): table %s", i, line, seed, t.getKey())
            .isIn(before.get(t.getKey()), expected.get(t.getKey()));
        checkedTables++;
      }
      assertThat(now.keySet())
          .as("kill %d (seed %d): tables that existed before the build are still there", i, seed)
          .containsAll(before.keySet());
      if (i % 5 == 4 || i == kills - 1) {
        assertThat(cli.run("build", "--project", project.toString()))
            .as("build after kill %d (seed %d): %s", i, seed, cli.out + cli.err)
            .isZero();
        assertThat(fingerprints(db(project))).isEqualTo(expected);
        now = expected;
      }
      before = now; // what this kill left is what the next build starts from
    }
    System.out.println(
        "fault injection: "
            + kills
            + " kills, "
            + midBuild
            + " during a build, "
            + checkedTables
            + " table states checked, nothing lost");
    assertThat(midBuild).as("kills that landed during a build").isGreaterThan(kills / 2);
  }

  private static Path db(Path project) {
    return project.resolve("target/faults.duckdb");
  }

  private static void deleteWarehouse(Path project) throws Exception {
    Files.deleteIfExists(db(project));
    Files.deleteIfExists(Path.of(db(project) + ".wal"));
  }

  /**
   * Each base table's row count and an order-independent hash of its rows, without the snapshot's
   * dbt_ columns (timestamps of when it ran). Empty when the file does not exist yet.
   */
  static Map<String, String> fingerprints(Path db) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(db)) {
      return out;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      Map<String, List<String>> columns = new TreeMap<>();
      try (ResultSet rs =
          st.executeQuery(
              "select c.table_schema || '.' || c.table_name, c.column_name"
                  + " from information_schema.columns c join information_schema.tables t"
                  + " using (table_catalog, table_schema, table_name)"
                  + " where t.table_type = 'BASE TABLE' and c.table_schema <> '_sluice'"
                  + " and c.table_name not like '%__sluice_%' and c.table_catalog = current_database()"
                  + " order by c.ordinal_position")) {
        while (rs.next()) {
          columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      for (Map.Entry<String, List<String>> t : columns.entrySet()) {
        List<String> kept =
            t.getValue().stream()
                .filter(n -> !n.startsWith("dbt_"))
                .map(n -> "\"" + n + "\"::varchar")
                .toList();
        String[] parts = t.getKey().split("\\.", 2);
        String sql =
            "select count(*) || ':' || coalesce(sum(hash(concat_ws('|', "
                + String.join(", ", kept)
                + "))), 0) from \""
                + parts[0]
                + "\".\""
                + parts[1]
                + "\"";
        try (ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          out.put(t.getKey(), rs.getString(1));
        }
      }
    }
    return out;
  }
}
