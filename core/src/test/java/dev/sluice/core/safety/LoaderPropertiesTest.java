package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random project files and CSVs thrown at the loader and the CLI: never an unhandled exception,
 * never a stack trace, never a file written outside the project.
 */
class LoaderPropertiesTest {
  private static final List<String> YAML_BITS =
      List.of(
          "models:",
          "seeds:",
          "sources:",
          "snapshots:",
          "\n",
          "\n  ",
          "\n    ",
          "\n      ",
          "- ",
          "name: ",
          "a",
          "x",
          "columns:",
          "tests:",
          "data_tests:",
          "not_null",
          "unique",
          "accepted_values:",
          "values: [1, 2]",
          "relationships:",
          "to: ref('a')",
          "field: id",
          "quote: false",
          "config:",
          "materialized: table",
          "enabled: false",
          "[",
          "]",
          "{",
          "}",
          ":",
          ",",
          "\"",
          "'",
          "../",
          "/",
          ";",
          "drop table x",
          "${env:NOPE}",
          "connector: files",
          "tables:",
          "connection:",
          "password: hunter22",
          "&a",
          "*a",
          "!!binary",
          "~",
          "null",
          "5",
          "-3",
          "1e400",
          "\t",
          "é",
          "\u0000",
          "name: a",
          "description: |",
          "- name: x");

  private static final List<String> SQL_BITS =
      List.of(
          "select ",
          "1",
          " as x",
          " from ",
          "{{ ref('a') }}",
          "{{ ref('b') }}",
          "{{ source('s', 't') }}",
          "{{ config(materialized='incremental') }}",
          "{% if is_incremental() %}",
          "{% endif %}",
          "{{ this }}",
          "{%",
          "%}",
          "{{",
          "}}",
          "{# c #}",
          ";",
          "'",
          "\"",
          "--",
          "/*",
          "*/",
          "\n",
          "$$",
          "{{ var('v') }}",
          "{{ env_var('HOME') }}",
          "{% macro m() %}",
          "{% endmacro %}",
          "{{ m() }}",
          "union all ",
          "é",
          "\u0000");

  @Provide
  Arbitrary<String> yaml() {
    return Arbitraries.of(YAML_BITS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> sql() {
    return Arbitraries.of(SQL_BITS).list().ofMaxSize(25).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<byte[]> csv() {
    Arbitrary<String> cell =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abc,\"\n\r;1 é").ofMaxLength(6),
            Arbitraries.integers().between(-5, 5).map(String::valueOf),
            Arbitraries.of("", "null", "2026-01-01", "1.5", "\"a,b\"", "\"unclosed"));
    return cell.list()
        .ofMaxSize(30)
        .map(l -> String.join(",", l).getBytes(StandardCharsets.UTF_8))
        .injectDuplicates(0.1);
  }

  @Property(tries = 300)
  void randomProjectFilesGiveProblemsNeverExceptions(
      @ForAll("yaml") String settings, @ForAll("yaml") String schema, @ForAll("sql") String model)
      throws IOException {
    Path dir = Files.createTempDirectory("sluice-prop-");
    try {
      Path p = dir.resolve("p");
      write(p.resolve("sluice.yml"), "name: p\n" + settings);
      write(p.resolve("models/schema.yml"), schema);
      write(p.resolve("models/a.sql"), model);
      write(p.resolve("models/b.sql"), "select * from {{ ref('a') }}");
      new ProjectLoader(Map.of()).load(p);
      try {
        Pipeline.parse(p, PipelineOptions.defaults().withEnv(Map.of()));
      } catch (ProjectException expected) {
        assertThat(expected.problems()).isNotEmpty();
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 40)
  void randomSchemaNamesNeverWriteOutsideTheProject(@ForAll("yaml") String schema)
      throws IOException {
    Path dir = Files.createTempDirectory("sluice-prop-");
    try {
      Path p = dir.resolve("p");
      write(p.resolve("sluice.yml"), "name: p\n");
      write(p.resolve("seeds/a.csv"), "x\n1\n");
      write(
          p.resolve("seeds/schema.yml"),
          "seeds:\n  - name: a\n    columns:\n      - name: \"x/../../"
              + schema.replace("\"", "").replace("\\", "")
              + "\"\n        tests: [not_null]\n");
      Cli cli = new Cli();
      int code = cli.run("compile", "--project", p.toString());
      assertThat(code).isBetween(0, 2);
      assertThat(cli.out + cli.err).doesNotContain("\tat ");
      assertThat(listing(dir)).allMatch(f -> f.startsWith(p));
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 25)
  void randomCsvSeedsLoadOrFailWithAMessage(
      @ForAll("csv") byte[] header, @ForAll("csv") byte[] body) throws IOException {
    Path dir = Files.createTempDirectory("sluice-prop-");
    try {
      Path p = dir.resolve("p");
      write(p.resolve("sluice.yml"), "name: p\n");
      Files.createDirectories(p.resolve("seeds"));
      byte[] csv = new byte[header.length + 1 + body.length];
      System.arraycopy(header, 0, csv, 0, header.length);
      csv[header.length] = '\n';
      System.arraycopy(body, 0, csv, header.length + 1, body.length);
      Files.write(p.resolve("seeds/s.csv"), csv);
      Cli cli = new Cli();
      int code = cli.run("seed", "--project", p.toString());
      assertThat(code).isBetween(0, 2);
      assertThat(cli.out + cli.err).doesNotContain("\tat ").doesNotContain("Exception:");
      assertThat(listing(dir)).allMatch(f -> f.startsWith(p));
    } finally {
      delete(dir);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> !f.equals(dir)).toList();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
