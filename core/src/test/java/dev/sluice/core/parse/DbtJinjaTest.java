package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.Relations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtJinjaTest {
  @TempDir Path dir;

  private ProjectFolder project() {
    return ProjectFolder.sluice(dir, "proj")
        .file("models/m.sql", "select 1 as x")
        .file(
            "dbt_packages/kit/dbt_project.yml",
            "name: kit\nconfig-version: 2\nvars:\n  'kit:greeting': hello\n")
        .file(
            "dbt_packages/kit/macros/kit.sql",
            """
            {% macro shout(word) %}{{ return(adapter.dispatch('shout', 'kit')(word)) }}{% endmacro %}
            {% macro default__shout(word) %}{{ return(word | upper ~ '!') }}{% endmacro %}
            {% macro duckdb__shout(word) %}{{ return(word | upper ~ '!!') }}{% endmacro %}
            {% macro greeting() %}{{ return(var('kit:greeting')) }}{% endmacro %}
            """);
  }

  private Rendered render(ProjectFolder f, String template) {
    Project p = f.load();
    var target = p.settings().target(null);
    TemplateEngine engine = new TemplateEngine(p, target, Map.of(), Map.of(), "test");
    Node m = p.node("model.m").orElseThrow();
    return engine.render(new RenderRequest(m, template, n -> Relations.of(n, target), false));
  }

  @Test
  void returnGivesTheMacrosValueNotItsText() {
    ProjectFolder f =
        project()
            .file(
                "macros/pick.sql",
                "{% macro pick() %}ignored text{{ return([1, 2, 3]) }}more{% endmacro %}");
    Rendered r = render(f, "{{ pick() | length }}|{{ pick()[2] }}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("3|3");
  }

  @Test
  void dispatchPicksTheTargetsPrefixBeforeDefaultAndCallsTheResult() {
    Rendered r =
        render(project(), "{{ kit.shout('hi') }} {{ adapter.dispatch('shout', 'kit')('yo') }}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("HI!! YO!!");
  }

  @Test
  void theProjectsDispatchOrderLetsItOverrideAPackageMacro() {
    ProjectFolder f = ProjectFolder.sluice(dir, "proj").file("models/m.sql", "select 1");
    f.file(
            "dbt_project.yml",
            "name: proj\nconfig-version: 2\ndispatch:\n  - macro_namespace: kit\n    search_order: ['proj', 'kit']\n")
        .file("sluice.yml", "name: proj\n")
        .file(
            "macros/own.sql", "{% macro default__shout(word) %}{{ return('mine') }}{% endmacro %}");
    project();
    Rendered r = render(f, "{{ kit.shout('hi') }}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("mine");
  }

  @Test
  void packageScopedVarsHaveThePackagesDefaultUntilTheProjectSetsThem() {
    assertThat(render(project(), "{{ kit.greeting() }}").sql()).isEqualTo("hello");
    ProjectFolder f = project().file("sluice.yml", "name: proj\nvars:\n  'kit:greeting': hej\n");
    assertThat(render(f, "{{ kit.greeting() }}").sql()).isEqualTo("hej");
  }

  @Test
  void anUnsupportedConstructIsAnErrorNamingItsFileLineAndName() {
    Rendered r = render(project(), "select 1\n{{ adapter.get_relations_by_pattern('a%', 'b%') }}");
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo("adapter.get_relations_by_pattern is not supported yet");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.file()).isEqualTo(Path.of("models/m.sql"));
            });
  }

  @Test
  void raiseCompilerErrorStopsWithItsMessageAtTheMacrosFile() {
    ProjectFolder f =
        project()
            .file(
                "macros/boom.sql",
                "{% macro boom() %}\n{{ exceptions.raise_compiler_error('no way') }}\n{% endmacro %}");
    Rendered r = render(f, "{{ boom() }}");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("no way").contains("boom");
              assertThat(p.file()).isEqualTo(Path.of("macros/boom.sql"));
            });
  }

  @Test
  void pythonStringAndDictMethodsWork() {
    Rendered r =
        render(
            project(),
            "{{ 'Ab,c'.lower().split(',') | join('-') }} {{ 'x_y'.startswith('x') }}"
                + " {{ '{}+{}'.format(1, 2) }} {{ {'a': 1}.get('b', 7) }}"
                + " {{ modules.re.sub('[0-9]', '#', 'a1b22') }}"
                + " {{ modules.datetime.date(2024, 2, 29).strftime('%Y/%m/%d') }}");
    assertThat(r.problems()).isEmpty();
    // booleans print as SQL writes them (dbt prints Python's True)
    assertThat(r.sql()).isEqualTo("ab-c true 1+2 7 a#b## 2024/02/29");
  }

  @Test
  void crossDatabaseMacrosGiveSqlThatDuckDbRunsCorrectly() throws Exception {
    Rendered r =
        render(
            project(),
            """
            select
              {{ dbt.dateadd('day', 1, "date '2024-02-28'") }} as next_day,
              {{ dbt.datediff("date '2024-01-01'", "date '2024-03-01'", 'day') }} as days,
              {{ dbt.last_day("date '2024-02-10'", 'month') }} as month_end,
              {{ dbt.safe_cast("'x'", dbt.type_int()) }} as bad_int,
              {{ dbt.split_part("'a-b-c'", "'-'", 2) }} as part,
              {{ dbt.concat(["'a'", "'b'"]) }} as ab,
              {{ dbt.string_literal(dbt.escape_single_quotes("it's")) }} as quoted,
              (select count(*) from ({{ dbt.generate_series(5) }})) as series,
              (select count(*) from ({{ dbt.date_spine('day', "date '2024-01-01'", "date '2024-01-08'") }})) as spine
            """);
    assertThat(r.problems()).isEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs = c.createStatement().executeQuery(r.sql())) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("next_day")).startsWith("2024-02-29");
      assertThat(rs.getLong("days")).isEqualTo(60);
      assertThat(rs.getString("month_end")).isEqualTo("2024-02-29");
      assertThat(rs.getObject("bad_int")).isNull();
      assertThat(rs.getString("part")).isEqualTo("b");
      assertThat(rs.getString("ab")).isEqualTo("ab");
      assertThat(rs.getString("quoted")).isEqualTo("it's");
      assertThat(rs.getLong("series")).isEqualTo(5);
      assertThat(rs.getLong("spine")).isEqualTo(7);
    }
  }

  @Test
  void rewritingKeepsLinesAndTurnsACallOnACallIntoOneJinjavaReads() {
    String in = "{{ adapter.dispatch('x', 'y')\n   (a, b=1,) }}\n{{ f(True, None) }}";
    String out = JinjaRewrite.of(in);
    assertThat(out.lines().count()).isEqualTo(in.lines().count());
    assertThat(out).contains("sluice_call(adapter.dispatch('x', 'y'),").contains("f(true, none)");
    assertThat(out).doesNotContain("1,)");
  }

  @Test
  void whitespaceControlOnExpressionsStripsAsJinjaDoes() {
    Rendered r = render(project(), "x >\n  {{- '=' }} 1 {{ 'y' -}}\n  z");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("x >= 1 yz");
  }

  @Test
  void theProjectsGenerateSchemaNameAndAliasDecideWhereAModelIsBuilt() {
    ProjectFolder f =
        project()
            .file("models/m.sql", "{{ config(schema='mart') }} select 1 as x")
            .file(
                "macros/naming.sql",
                """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {{ custom_schema_name | trim if custom_schema_name else target.schema }}
                {%- endmacro %}
                {% macro generate_alias_name(custom_alias_name, node) -%}
                  {{ 'v_' ~ node.name }}
                {%- endmacro %}
                """);
    var manifest = dev.sluice.core.parse.Manifest.of(f.load());
    Node m = manifest.node("model.m").orElseThrow();
    var target = manifest.project().settings().target(null);
    assertThat(Relations.of(m, target).quoted()).isEqualTo("\"mart\".\"v_m\"");
  }
}
