package dev.sluice.core.cli;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a query against the project's warehouse; {{ ref() }} and {{ source() }} work in it. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description =
        "Query the warehouse. The SQL may use {{ ref('model') }} and {{ source('s','t') }}.")
final class QueryCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(names = "--format", description = "table, csv or json (default: table).")
  ResultFormat format = ResultFormat.table;

  @Option(names = "--limit", description = "At most this many rows (default: 100; 0 for all).")
  int limit = 100;

  @Option(
      names = "--explain",
      description =
          "Run the query with profiling (EXPLAIN ANALYZE) and print its plan as a tree: each"
              + " operator's rows, time and share of the total, the hottest marked.")
  boolean explain;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Model adHoc = Model.adHoc(sql);
    if (!explain && Compiler.untemplated(sql)) {
      // plain SQL needs only the target's file: reading and parsing the project was most of the
      // start of a query (Jinjava, every model and schema file, the parse cache)
      Target target = Pipeline.targetOf(project.project, project.pipelineOptions());
      CompiledNode compiled = Compiler.compileUntemplated(adHoc, Relations.of(adHoc, target));
      if (!compiled.ok()) {
        compiled.problems().stream().filter(ProjectProblem::isError).forEach(err::println);
        return Main.USAGE;
      }
      try (Warehouse warehouse = Pipeline.openForReading(target, err::println)) {
        return run(warehouse, compiled.sql(), out, err);
      }
    }
    try (Pipeline pipeline =
        Pipeline.openForReading(project.project, project.pipelineOptions(), err::println)) {
      CompiledNode compiled = pipeline.compiler(false, "query").compile(adHoc);
      if (!compiled.ok()) {
        compiled.problems().stream().filter(ProjectProblem::isError).forEach(err::println);
        return Main.USAGE;
      }
      if (explain) {
        return ExplainCommand.print(pipeline, "the query", compiled.sql(), out, err);
      }
      return run(pipeline.warehouse(), compiled.sql(), out, err);
    }
  }

  /** Runs the compiled query and prints its rows as {@code --format} and {@code --limit} say. */
  private int run(Warehouse warehouse, String query, PrintWriter out, PrintWriter err)
      throws SQLException {
    try (SqlSession session = SqlSession.open(warehouse);
        Statement st = session.connection().createStatement()) {
      ResultSet rs;
      try {
        rs = execute(st, query);
        if (rs == null) { // a statement that returns no rows: DDL, DML
          int n = st.getUpdateCount();
          out.println(n > 0 ? "OK, " + n + (n == 1 ? " row" : " rows") + " changed" : "OK");
          out.flush();
          return Main.OK;
        }
      } catch (SQLException e) {
        err.println("query failed: " + e.getMessage());
        return Main.FAILED;
      }
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      boolean more = false;
      while (rs.next()) {
        if (limit > 0 && rows.size() == limit) {
          more = true;
          break;
        }
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      rs.close();
      format.write(out, columns, rows);
      if (more && format == ResultFormat.table) {
        out.println("(first " + limit + " rows; use --limit to see more)");
      }
      out.flush();
    }
    return Main.OK;
  }

  /**
   * Runs the query with the limit inside it, so DuckDB stops after the rows shown (one more, to
   * tell whether there are more) instead of producing the whole result: a preview of a 100M-row
   * table reads a thousand rows. What cannot be wrapped (several statements, SHOW, EXPLAIN, DDL)
   * fails to parse as a subquery and runs as written; null for a statement that returns no rows.
   */
  private ResultSet execute(Statement st, String query) throws SQLException {
    if (limit > 0) {
      String wrapped = wrapped(query, limit + 1L);
      if (wrapped != null) {
        // a statement of its own: DuckDB closes a statement whose query failed
        Statement limited = st.getConnection().createStatement();
        try {
          limited.setMaxRows(limit + 1);
          return limited.executeQuery(wrapped);
        } catch (SQLException e) {
          limited.close(); // not a query that can be a subquery: run it as it is
        }
      }
    }
    return st.execute(query) ? st.getResultSet() : null;
  }

  /** {@code select * from (<query>) limit n}, or null when the text is not one statement. */
  static String wrapped(String query, long n) {
    String q = query.strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    if (q.isEmpty() || q.contains(";")) {
      // a semicolon inside a string is rare enough to run unwrapped
      return null;
    }
    return "select * from (\n" + q + "\n) as sluice_preview limit " + n;
  }
}
