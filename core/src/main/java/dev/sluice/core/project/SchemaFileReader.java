package dev.sluice.core.project;

import dev.sluice.core.spi.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the properties files (dbt's schema.yml syntax): {@code models:}, {@code seeds:}, {@code
 * snapshots:} and {@code sources:}, with descriptions, columns, configs and tests (both {@code
 * tests:} and {@code data_tests:}).
 */
final class SchemaFileReader {
  private static final Set<String> TEST_CONFIG_KEYS =
      Set.of(
          "severity",
          "where",
          "tags",
          "enabled",
          "warn_if",
          "error_if",
          "limit",
          "store_failures",
          "store_failures_as",
          "fail_calc",
          "blocking",
          "meta");

  private final List<ProjectProblem> problems;
  final Map<String, Map<String, Properties>> byKind = new LinkedHashMap<>();
  final List<SourceTable> sources = new ArrayList<>();
  final Map<String, List<Properties.TestDeclaration>> sourceTests = new LinkedHashMap<>();

  SchemaFileReader(List<ProjectProblem> problems) {
    this.problems = problems;
    for (String kind : List.of("models", "seeds", "snapshots")) {
      byKind.put(kind, new LinkedHashMap<>());
    }
  }

  void read(Path rel, Yaml.Value doc) {
    for (String kind : List.of("models", "seeds", "snapshots")) {
      for (Yaml.Value entry : listAt(rel, doc, kind)) {
        if (!entry.isMap()) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  entry.line(),
                  "an entry under '"
                      + kind
                      + ":' must be a map with a name, not '"
                      + entry.asText()
                      + "'"));
          continue;
        }
        String name = entry.text("name");
        if (name == null) {
          problems.add(
              ProjectProblem.error(
                  rel, entry.line(), "an entry under '" + kind + ":' has no name"));
          continue;
        }
        Properties previous = byKind.get(kind).get(name);
        if (previous != null) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  entry.line(),
                  kind.substring(0, kind.length() - 1)
                      + " '"
                      + name
                      + "' is described twice (also at "
                      + previous.file()
                      + ":"
                      + previous.line()
                      + ")"));
          continue;
        }
        byKind.get(kind).put(name, properties(rel, entry, name));
      }
    }
    for (Yaml.Value src : listAt(rel, doc, "sources")) {
      readSource(rel, src);
    }
  }

  private Properties properties(Path rel, Yaml.Value entry, String name) {
    List<Column> columns = new ArrayList<>();
    List<Properties.TestDeclaration> tests = new ArrayList<>();
    readColumnsAndTests(rel, entry, columns, tests);
    return new Properties(
        name,
        rel,
        entry.line(),
        orEmpty(entry.text("description")),
        mapOf(entry.get("config")),
        columns,
        tests);
  }

  private void readColumnsAndTests(
      Path rel, Yaml.Value entry, List<Column> columns, List<Properties.TestDeclaration> tests) {
    {
      for (Yaml.Value c : listAt(rel, entry, "columns")) {
        String cname = c.text("name");
        if (cname == null) {
          problems.add(ProjectProblem.error(rel, c.line(), "a column has no name"));
          continue;
        }
        columns.add(new Column(cname, orEmpty(c.text("description")), c.text("data_type")));
        int before = tests.size();
        readTests(rel, c, cname, tests);
        if (c.get("quote") != null && Boolean.FALSE.equals(c.get("quote").value())) {
          // dbt's `quote: false`: the name is an expression to use as written
          for (int i = before; i < tests.size(); i++) {
            Properties.TestDeclaration d = tests.get(i);
            Map<String, Object> args = new LinkedHashMap<>(d.arguments());
            args.put("quote_column", false);
            tests.set(
                i,
                new Properties.TestDeclaration(
                    d.testName(),
                    d.column(),
                    args,
                    d.config(),
                    d.customName(),
                    d.file(),
                    d.line()));
          }
        }
      }
    }
    readTests(rel, entry, null, tests);
  }

  private void readTests(
      Path rel, Yaml.Value owner, String column, List<Properties.TestDeclaration> out) {
    for (String key : List.of("tests", "data_tests")) {
      for (Yaml.Value t : listAt(rel, owner, key)) {
        Properties.TestDeclaration d = testDeclaration(rel, t, column);
        if (d != null) {
          out.add(d);
        }
      }
    }
  }

  private Properties.TestDeclaration testDeclaration(Path rel, Yaml.Value t, String column) {
    if (t.asText() != null) {
      return new Properties.TestDeclaration(
          t.asText(), column, Map.of(), Map.of(), null, rel, t.line());
    }
    Map<String, Yaml.Value> m = t.asMap();
    if (m.size() != 1) {
      problems.add(
          ProjectProblem.error(
              rel, t.line(), "a test must be a name or a map with one key, the test's name"));
      return null;
    }
    String testName = m.keySet().iterator().next();
    Yaml.Value body = m.get(testName);
    if (body.value() != null && !body.isMap()) {
      problems.add(
          ProjectProblem.error(
              rel,
              body.line(),
              "test '"
                  + testName
                  + "' takes a map of arguments (e.g. values: [...]), not '"
                  + body.asText()
                  + "'; write '- "
                  + testName
                  + "' for a test without arguments"));
      return null;
    }
    Map<String, Object> args = new LinkedHashMap<>();
    Map<String, Object> config = new LinkedHashMap<>();
    String customName = null;
    for (Map.Entry<String, Yaml.Value> e : body.asMap().entrySet()) {
      String k = e.getKey();
      Object v = e.getValue().plain();
      if (k.equals("config")) {
        config.putAll(mapOf(e.getValue()));
      } else if (k.equals("arguments")) {
        args.putAll(mapOf(e.getValue()));
      } else if (k.equals("name")) {
        customName = String.valueOf(v);
      } else if (TEST_CONFIG_KEYS.contains(k)) {
        config.put(k, v);
      } else {
        args.put(k, v);
      }
    }
    if (column != null) {
      args.putIfAbsent("column_name", column);
    }
    return new Properties.TestDeclaration(
        testName, column, args, config, customName, rel, t.line());
  }

  private void readSource(Path rel, Yaml.Value src) {
    String sname = src.text("name");
    if (sname == null) {
      problems.add(ProjectProblem.error(rel, src.line(), "a source has no name"));
      return;
    }
    warnPlainSecrets(rel, src, "");
    String schema = src.text("schema") == null ? sname : src.text("schema");
    String connector = src.text("connector");
    Map<String, Object> connection = mapOf(src.get("connection"));
    Map<String, Object> sourceConfig = mapOf(src.get("config"));
    Yaml.Value tables = src.get("tables");
    if (tables == null || tables.asList().isEmpty()) {
      problems.add(
          ProjectProblem.warning(rel, src.line(), "source '" + sname + "' lists no tables"));
      return;
    }
    for (Yaml.Value t : tables.asList()) {
      String tname = t.text("name");
      if (tname == null) {
        problems.add(
            ProjectProblem.error(rel, t.line(), "a table of source '" + sname + "' has no name"));
        continue;
      }
      List<Column> columns = new ArrayList<>();
      List<Properties.TestDeclaration> tests = new ArrayList<>();
      readColumnsAndTests(rel, t, columns, tests);
      Map<String, Object> tableSettings = new LinkedHashMap<>();
      t.asMap()
          .forEach(
              (k, v) -> {
                if (!Set.of(
                        "name",
                        "description",
                        "columns",
                        "tests",
                        "data_tests",
                        "identifier",
                        "config")
                    .contains(k)) {
                  tableSettings.put(k, v.plain());
                }
              });
      NodeConfig config = NodeConfig.of(sourceConfig).merge(mapOf(t.get("config")));
      if (src.get("loaded_at_field") != null && !tableSettings.containsKey("loaded_at_field")) {
        tableSettings.put("loaded_at_field", src.get("loaded_at_field").plain());
      }
      if (src.get("freshness") != null && !tableSettings.containsKey("freshness")) {
        tableSettings.put("freshness", src.get("freshness").plain());
      }
      SourceTable.LoadSpec load =
          connector == null ? null : new SourceTable.LoadSpec(connector, connection, tableSettings);
      String identifier = t.text("identifier") == null ? tname : t.text("identifier");
      SourceTable st =
          new SourceTable(
              sname,
              tname,
              schema,
              identifier,
              rel,
              t.line(),
              config.merge(tableSettings),
              orEmpty(t.text("description")),
              columns,
              load);
      for (SourceTable existing : sources) {
        if (existing.uniqueId().equals(st.uniqueId())) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  t.line(),
                  "source table '"
                      + st.qualifiedName()
                      + "' is declared twice (also at "
                      + existing.file()
                      + ":"
                      + existing.line()
                      + ")"));
          st = null;
          break;
        }
      }
      if (st != null) {
        sources.add(st);
        sourceTests.put(st.uniqueId(), tests);
      }
    }
  }

  /**
   * A password or token written into the file itself: masked in Sluice's output, but it is in the
   * project's history for anyone who can read it, so say so where it is.
   */
  private void warnPlainSecrets(Path rel, Yaml.Value v, String key) {
    if (v.isMap()) {
      v.asMap().forEach((k, x) -> warnPlainSecrets(rel, x, k));
    } else if (v.isList()) {
      v.asList().forEach(x -> warnPlainSecrets(rel, x, key));
    } else if (v.value() instanceof String s
        && Secrets.isSecretName(key)
        && !s.isBlank()
        && !s.contains("${env:")) {
      Secrets.remember(s);
      problems.add(
          ProjectProblem.warning(
              rel,
              v.line(),
              "'"
                  + key
                  + "' holds a plain-text secret; write it as ${env:VAR} and set VAR in the"
                  + " environment, so it is not stored in the project"));
    }
  }

  /**
   * The list under {@code key}, or an empty one when it is absent; anything else there (a string, a
   * number, a map) is an error at its line rather than silently nothing.
   */
  private List<Yaml.Value> listAt(Path rel, Yaml.Value owner, String key) {
    Yaml.Value v = owner.get(key);
    if (v == null || v.value() == null) {
      return List.of();
    }
    if (!v.isList()) {
      problems.add(
          ProjectProblem.error(
              rel,
              v.line(),
              "'"
                  + key
                  + ":' must be a list (lines starting with '- '), not "
                  + (v.isMap() ? "a map" : "'" + v.asText() + "'")));
      return List.of();
    }
    return v.asList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapOf(Yaml.Value v) {
    if (v == null) {
      return Map.of();
    }
    Object plain = v.plain();
    return plain instanceof Map ? (Map<String, Object>) plain : Map.of();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
