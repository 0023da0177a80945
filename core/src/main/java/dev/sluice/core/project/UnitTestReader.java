package dev.sluice.core.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code unit_tests:} from schema files (dbt 1.8): {@code model}, {@code given} with {@code
 * input} and {@code rows} (dicts, {@code format: csv} inline or as a fixture, {@code format: sql}),
 * {@code expect}, and {@code overrides} of vars and macros. Fixtures live in {@code fixtures/}
 * under a test path.
 */
final class UnitTestReader {
  private final List<ProjectProblem> problems;
  private final Path root;
  private final List<String> testPaths;
  final List<UnitTest> tests = new ArrayList<>();

  UnitTestReader(List<ProjectProblem> problems, Path root, List<String> testPaths) {
    this.problems = problems;
    this.root = root;
    this.testPaths = testPaths;
  }

  void read(Path rel, Yaml.Value doc) {
    Yaml.Value list = doc.get("unit_tests");
    if (list == null) {
      return;
    }
    for (Yaml.Value entry : list.asList()) {
      String name = entry.text("name");
      String model = entry.text("model");
      if (name == null || model == null) {
        problems.add(
            ProjectProblem.error(rel, entry.line(), "a unit test needs a name: and a model:"));
        continue;
      }
      if (tests.stream().anyMatch(t -> t.name().equals(name) && t.model().equals(model))) {
        problems.add(
            ProjectProblem.error(
                rel, entry.line(), "unit test '" + name + "' of " + model + " is defined twice"));
        continue;
      }
      List<UnitTestRows> given = new ArrayList<>();
      Yaml.Value g = entry.get("given");
      if (g != null) {
        for (Yaml.Value input : g.asList()) {
          String in = input.text("input");
          if (in == null) {
            problems.add(
                ProjectProblem.error(
                    rel, input.line(), "each given: entry needs an input:, such as ref('x')"));
            continue;
          }
          UnitTestRows rows = rows(rel, name, input, in);
          if (rows != null) {
            given.add(rows);
          }
        }
      }
      Yaml.Value e = entry.get("expect");
      if (e == null) {
        problems.add(
            ProjectProblem.error(
                rel, entry.line(), "unit test '" + name + "' has no expect: rows"));
        continue;
      }
      UnitTestRows expect = rows(rel, name, e, null);
      if (expect == null) {
        continue;
      }
      Yaml.Value overrides = entry.get("overrides");
      Map<String, Object> vars = plainMap(overrides == null ? null : overrides.get("vars"));
      Map<String, Object> macros = plainMap(overrides == null ? null : overrides.get("macros"));
      Map<String, Object> config = plainMap(entry.get("config"));
      String description = entry.text("description");
      tests.add(
          new UnitTest(
              name,
              model,
              given,
              expect,
              vars,
              macros,
              rel,
              entry.line(),
              NodeConfig.of(config),
              description == null ? "" : description));
    }
  }

  private UnitTestRows rows(Path rel, String test, Yaml.Value spec, String input) {
    String format = spec.text("format");
    format = format == null ? "dict" : format.toLowerCase(java.util.Locale.ROOT);
    String fixture = spec.text("fixture");
    Yaml.Value rows = spec.get("rows");
    String text = rows == null ? null : rows.asText();
    if (fixture != null) {
      text = fixture(rel, spec.line(), fixture, format.equals("sql") ? ".sql" : ".csv");
      if (text == null) {
        return null;
      }
    }
    switch (format) {
      case "dict" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        if (rows != null) {
          for (Yaml.Value row : rows.asList()) {
            if (!row.isMap()) {
              problems.add(
                  ProjectProblem.error(
                      rel, row.line(), "unit test '" + test + "': each row is a map of columns"));
              return null;
            }
            out.add(plainMap(row));
          }
        }
        return new UnitTestRows(input, out, null, spec.line());
      }
      case "csv" -> {
        if (text == null) {
          return new UnitTestRows(input, List.of(), null, spec.line());
        }
        return new UnitTestRows(input, CsvRows.parse(text), null, spec.line());
      }
      case "sql" -> {
        if (text == null || text.isBlank()) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  spec.line(),
                  "unit test '" + test + "': format: sql needs rows: or fixture:"));
          return null;
        }
        return new UnitTestRows(input, List.of(), text, spec.line());
      }
      default -> {
        problems.add(
            ProjectProblem.error(
                rel,
                spec.line(),
                "unit test '" + test + "': format is dict, csv or sql, not '" + format + "'"));
        return null;
      }
    }
  }

  private String fixture(Path rel, int line, String name, String ext) {
    Path f = locate(root, testPaths, name + ext);
    if (f == null) {
      onFixture.looked(name + ext, null, null);
      problems.add(
          ProjectProblem.error(
              rel,
              line,
              "fixture '" + name + "' not found: put it in tests/fixtures/" + name + ext));
      return null;
    }
    try {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      onFixture.looked(name + ext, f, text);
      return text;
    } catch (IOException e) {
      onFixture.looked(name + ext, f, null);
      problems.add(
          ProjectProblem.error(rel, line, "cannot read fixture " + f + ": " + e.getMessage()));
      return null;
    }
  }

  /**
   * The fixture file named {@code fileName}: in {@code fixtures/} under the first test path that
   * has it there, else anywhere under that test path; null when there is none.
   */
  static Path locate(Path root, List<String> testPaths, String fileName) {
    for (String tp : testPaths) {
      Path f = root.resolve(tp).resolve("fixtures").resolve(fileName);
      if (!Files.isRegularFile(f)) {
        try (var walk = Files.walk(root.resolve(tp))) {
          f =
              walk.filter(p -> p.getFileName().toString().equals(fileName))
                  .findFirst()
                  .orElse(null);
        } catch (IOException e) {
          f = null;
        }
      }
      if (f != null && Files.isRegularFile(f)) {
        return f;
      }
    }
    return null;
  }

  /** Told of each fixture looked up: its file name, the file found and its text (null: none). */
  interface FixtureListener {
    void looked(String fileName, Path found, String text);
  }

  private FixtureListener onFixture = (name, found, text) -> {};

  void onFixture(FixtureListener listener) {
    onFixture = listener;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plainMap(Yaml.Value v) {
    if (v == null || !v.isMap()) {
      return new LinkedHashMap<>();
    }
    return (Map<String, Object>) v.plain();
  }
}
