package dev.sluice.core.run;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.Snapshot;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.quality.CheckColumns;
import dev.sluice.core.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before a run starts, checks that every planned check's columns exist on the table it checks, so a
 * misspelt column stops the run with the model and column named instead of failing halfway. A table
 * whose columns cannot be known yet (its upstream is not built) is left to the run.
 */
public final class ColumnPreflight {
  private static final List<String> SNAPSHOT_COLUMNS =
      List.of("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to");

  private ColumnPreflight() {}

  /**
   * @param compilers makes the compiler that renders the checked models, asked only when a planned
   *     check names columns: a compiler brings a template engine of its own
   */
  public static void check(
      Manifest manifest,
      java.util.function.Supplier<Compiler> compilers,
      Warehouse warehouse,
      Plan plan) {
    Map<String, Optional<Set<String>>> known = new HashMap<>();
    Compiler[] compiler = new Compiler[1];
    List<ProjectProblem> problems = new ArrayList<>();
    for (String id : plan.order()) {
      Node n = manifest.node(id).orElseThrow();
      if (!(n instanceof GenericTest test) || CheckColumns.referenced(test).isEmpty()) {
        continue;
      }
      Optional<Node> attached = manifest.node(test.attachedTo());
      if (attached.isEmpty()) {
        continue;
      }
      Optional<Set<String>> columns =
          known.computeIfAbsent(
              attached.get().uniqueId(),
              k -> {
                if (compiler[0] == null) {
                  compiler[0] = compilers.get();
                }
                return columns(attached.get(), manifest, compiler[0], warehouse);
              });
      columns
          .flatMap(
              c ->
                  CheckColumns.missing(
                      test, attached.get().kind().label() + " " + attached.get().name(), c))
          .ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ProjectException(problems);
    }
  }

  private static Optional<Set<String>> columns(
      Node node, Manifest manifest, Compiler compiler, Warehouse warehouse) {
    Optional<Set<String>> found = Optional.empty();
    if (node instanceof Seed s) {
      found = header(manifest.project().root().resolve(s.file()));
    } else if (node instanceof SourceTable s) {
      Set<String> names = new LinkedHashSet<>();
      warehouse.columns(s.schema(), s.identifier()).forEach(c -> names.add(c.name()));
      found = names.isEmpty() ? Optional.empty() : Optional.of(names);
    } else if (node instanceof Model m) {
      found = described(compiler.compile(m), warehouse);
    } else if (node instanceof Snapshot s) {
      found = described(compiler.compile(s), warehouse);
      found.ifPresent(c -> c.addAll(SNAPSHOT_COLUMNS));
    }
    // columns declared in YAML are not evidence: a column's tests sit under its declaration
    return found;
  }

  private static Optional<Set<String>> header(Path csv) {
    try (BufferedReader r = Files.newBufferedReader(csv)) {
      String line = r.readLine();
      if (line == null) {
        return Optional.empty();
      }
      Set<String> out = new LinkedHashSet<>();
      for (String c : line.replace("\uFEFF", "").split(",")) {
        out.add(c.strip().replaceAll("^\"|\"$", ""));
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The columns the model's query gives, asked of the database without reading a row. */
  private static Optional<Set<String>> described(CompiledNode compiled, Warehouse warehouse) {
    if (!compiled.ok() || compiled.sql() == null) {
      return Optional.empty();
    }
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from (\n" + compiled.sql() + "\n) as q limit 0")) {
      ResultSetMetaData md = rs.getMetaData();
      Set<String> out = new LinkedHashSet<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnLabel(i));
      }
      return Optional.of(out);
    } catch (SQLException e) {
      return Optional.empty(); // its upstream is not built yet: the run will tell
    }
  }
}
