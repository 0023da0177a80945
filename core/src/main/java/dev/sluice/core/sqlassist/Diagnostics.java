package dev.sluice.core.sqlassist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SingularTest;
import dev.sluice.core.project.Snapshot;
import dev.sluice.core.sqlassist.Diagnostic.Severity;
import dev.sluice.core.warehouse.Relations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * Checks SQL as it is being edited, without running it: the template renders, refs and sources
 * exist, DuckDB parses the result, and binds it (tables and columns exist) when prepared. Each
 * problem is placed on the text the user edits, not on the compiled SQL.
 */
public final class Diagnostics {
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern MISSING_TABLE =
      Pattern.compile("Table with name (\\S+) does not exist");

  /** An empty in-memory database, enough for parsing; kept for the life of the process. */
  private static DuckDBConnection scratch;

  private Diagnostics() {}

  /**
   * Checks one node's current (possibly unsaved) text: template errors, unknown refs and sources,
   * parse errors, and bind errors (unknown table or column), without executing the query.
   */
  public static List<Diagnostic> check(Pipeline pipeline, Node node, String sourceText) {
    Node edited = withText(node, sourceText);
    if (edited == null) {
      return List.of();
    }
    CompiledNode compiled;
    try {
      compiled = pipeline.compiler(false, "check").compile(edited);
    } catch (RuntimeException e) {
      return List.of(
          lineDiagnostic(sourceText, 1, "cannot compile: " + e.getMessage(), Severity.ERROR));
    }
    List<Diagnostic> out = new ArrayList<>();
    for (ProjectProblem p : compiled.problems()) {
      out.add(fromProblem(sourceText, node, p));
    }
    if (!compiled.ok() || compiled.sql() == null || compiled.sql().isBlank()) {
      return out;
    }
    String sql = compiled.sql();
    try (Connection c = pipeline.warehouse().connect()) {
      JsonNode parsed = SqlError.readSerialized(serialize(c, sql));
      SqlError parseError = SqlError.fromSerialized(parsed, sql);
      if (parseError != null) {
        out.add(placed(sourceText, sql, parseError, Severity.ERROR, null));
        return out;
      }
      if (parsed.path("error").asBoolean(true) || parsed.path("statements").size() != 1) {
        // not one SELECT: preparing several statements would run all but the last
        return out;
      }
      try (PreparedStatement ignored = c.prepareStatement(sql)) {
        // prepared means bound: every table and column exists
      } catch (SQLException e) {
        SqlError bindError = SqlError.fromException(String.valueOf(e.getMessage()), sql);
        out.add(
            placed(sourceText, sql, bindError, Severity.ERROR, notBuiltYet(pipeline, bindError)));
      }
    } catch (SQLException e) {
      out.add(
          lineDiagnostic(
              sourceText,
              1,
              "cannot check against the warehouse: " + e.getMessage(),
              Severity.WARNING));
    }
    return out;
  }

  /** Parse-only check for ad-hoc SQL (no templates); needs no warehouse. */
  public static List<Diagnostic> parseOnly(String sql) {
    if (sql.isBlank()) {
      return List.of();
    }
    try (Connection c = scratchConnection()) {
      SqlError e = SqlError.fromSerialized(SqlError.readSerialized(serialize(c, sql)), sql);
      if (e == null) {
        return List.of();
      }
      int start = e.offset() < 0 ? 0 : e.offset();
      return List.of(at(sql, start, start + e.length(), e.plainMessage(), Severity.ERROR));
    } catch (SQLException e) {
      return List.of();
    }
  }

  private static synchronized Connection scratchConnection() throws SQLException {
    if (scratch == null) {
      scratch = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
    }
    return scratch.duplicate();
  }

  private static String serialize(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select json_serialize_sql(?::varchar)")) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /**
   * The same node with the text being edited in place of the saved one; null for nodes without SQL.
   */
  static Node withText(Node node, String text) {
    return switch (node.kind()) {
      case MODEL -> ((Model) node).withSql(text);
      case SNAPSHOT -> {
        Snapshot s = (Snapshot) node;
        yield new Snapshot(s.name(), s.file(), s.line(), text, s.config(), s.description());
      }
      case TEST ->
          node instanceof SingularTest t
              ? new SingularTest(t.name(), t.file(), text, t.config(), t.description())
              : null;
      case SEED, SOURCE, EXPORT -> null;
    };
  }

  /**
   * A missing table that is a node of this project is not an error in the query: it has not been
   * built yet. Says so, as a warning, instead of DuckDB's catalog error.
   */
  private static String notBuiltYet(Pipeline pipeline, SqlError error) {
    Matcher m = MISSING_TABLE.matcher(error.message());
    if (!m.find()) {
      return null;
    }
    String missing = m.group(1).replace("\"", "");
    String name = missing.contains(".") ? missing.substring(missing.lastIndexOf('.') + 1) : missing;
    Optional<Node> node =
        pipeline.manifest().project().nodes().stream()
            .filter(n -> !"ephemeral".equals(n.config().materialized("")))
            .filter(n -> Relations.of(n, pipeline.target()).identifier().equalsIgnoreCase(name))
            .findFirst();
    return node.map(
            n ->
                n.kind().label()
                    + " "
                    + n.name()
                    + " is not built yet, so its columns cannot be checked;"
                    + " build it first")
        .orElse(null);
  }

  private static Diagnostic placed(
      String source, String sql, SqlError e, Severity severity, String notBuilt) {
    Severity sev = notBuilt != null ? Severity.WARNING : severity;
    String message = notBuilt != null ? notBuilt : e.plainMessage();
    if (e.offset() < 0) {
      return lineDiagnostic(source, 1, message, sev);
    }
    LineMap map = new LineMap(source, sql);
    LineMap.Place p = map.place(e.offset(), e.length());
    int end = p.end();
    if (p.inlined() != null) {
      message = "in ephemeral model " + p.inlined() + ", inlined here: " + message;
    } else if (end > p.start()) {
      // DuckDB's carets may stop short of the name they point at; underline all of it
      while (end < source.length()
          && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
        end++;
      }
    }
    return at(source, p.start(), end, message, sev);
  }

  private static Diagnostic fromProblem(String source, Node node, ProjectProblem p) {
    Severity sev = p.isError() ? Severity.ERROR : Severity.WARNING;
    boolean here = p.file() == null || p.file().equals(node.file());
    String message =
        here
            ? p.message()
            : p.file().toString().replace('\\', '/') + ":" + p.line() + ": " + p.message();
    int line = here ? Math.max(1, p.line()) : 1;
    LineMap map = new LineMap(source, "");
    LineMap.Place whole = map.wholeLine(line - 1);
    if (here && p.column() > 0) {
      int start = Math.min(whole.end(), lineStart(source, line) + p.column() - 1);
      return at(source, start, start, message, sev);
    }
    Matcher q = QUOTED.matcher(p.message());
    if (here && q.find()) {
      String lineText = source.substring(whole.start(), whole.end());
      int at = lineText.indexOf(q.group(1));
      if (at >= 0) {
        return at(
            source, whole.start() + at, whole.start() + at + q.group(1).length(), message, sev);
      }
    }
    return at(source, whole.start(), whole.end(), message, sev);
  }

  private static Diagnostic lineDiagnostic(String source, int line, String message, Severity sev) {
    LineMap.Place whole = new LineMap(source, "").wholeLine(line - 1);
    return at(source, whole.start(), whole.end(), message, sev);
  }

  private static int lineStart(String text, int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return start;
      }
      start = nl + 1;
    }
    return start;
  }

  /** A diagnostic over {@code [start, end)} of {@code text}, with its 1-based line and column. */
  static Diagnostic at(String text, int start, int end, String message, Severity severity) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < s; k++) {
      if (text.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new Diagnostic(line, s - lineStart + 1, s, e, message, severity);
  }
}
