package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.Relations;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python and Jinja idioms that package macros lean on and Jinjava reads differently: keyword
 * arguments given as expressions, indexing into a string, defaults that name {@code target}, sets
 * compared as sets, and the size of a string column.
 */
class PythonIdiomsTest {
  @TempDir Path dir;

  private Rendered render(String macros, String template) {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "idioms")
            .file("models/m.sql", "select 1 as x")
            .file("macros/own.sql", macros);
    Project p = f.load();
    var target = p.settings().target(null);
    TemplateEngine engine = new TemplateEngine(p, target, Map.of(), Map.of(), "test");
    Node m = p.node("model.m").orElseThrow();
    return engine.render(new RenderRequest(m, template, n -> Relations.of(n, target), false));
  }

  @Test
  void aKeywordArgumentGivenAsAnExpressionArrivesWhole() {
    Rendered r =
        render(
            """
            {% macro pair(a, b='') %}{{ return(a ~ '|' ~ b) }}{% endmacro %}
            {% macro like(schema, prefix) %}{{ pair(a = schema, b = prefix ~ '%') }}{% endmacro %}
            {% macro either(word) %}{{ pair(
                a = 'x',
                b = word ~ '!' if word else 'none'
            ) }}{% endmacro %}
            """,
            "{{ like('main', 'events_') }} {{ either('hi') }} {{ either('') }}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("main|events_% x|hi! x|none");
  }

  @Test
  void aStringIndexesToItsCharacters() {
    Rendered r =
        render(
            """
            {% macro lead(s) %}{{ return('_' + s[0] ~ s[-1]) }}{% endmacro %}
            """,
            "{% set w = 'abc' %}{{ w[1] }} {{ lead('0xyz') }}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql()).isEqualTo("b _0z");
  }

  @Test
  void aDefaultArgumentMayNameTheTarget() {
    Rendered r =
        render(
            """
            {% macro where_from(database=target.database, schema=target.schema) %}{{ return(database ~ '.' ~ schema) }}{% endmacro %}
            """,
            "{{ where_from() }}|{{ target.database }}.{{ target.schema }}");
    assertThat(r.problems()).isEmpty();
    String[] halves = r.sql().split("\\|");
    assertThat(halves[0]).isNotEqualTo(".").isEqualTo(halves[1]);
  }

  @Test
  void setsCompareWithoutRegardToOrderAndKnowPythonsMethods() {
    Rendered r =
        render(
            "",
            """
            {%- set a = set(['id', 'b', 'c']) -%}
            {%- set b = set(['c', 'id', 'b', 'b']) -%}
            {%- do b.add('d') -%}
            {{ a == set(['c', 'b', 'id']) }} {{ a != b }} {{ b | length }} \
            {{ a.issubset(b) }} {{ b.difference(a) | join(',') }} {{ 'd' in b }}""");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql().strip()).isEqualTo("true true 4 true d true");
  }

  @Test
  void aStringColumnKnowsItsSize() {
    Rendered r =
        render(
            "",
            """
            {%- set sized = api.Column.create('name', 'varchar(20)') -%}
            {%- set open = api.Column.create('note', 'varchar') -%}
            {{ sized.string_size() }} {{ open.string_size() }} {{ open.char_size }} \
            {{ sized.can_expand_to(open) }} {{ open.is_string() }}""");
    assertThat(r.problems()).isEmpty();
    assertThat(r.sql().strip()).isEqualTo("20 256  true true");
  }

  @Test
  void dateaddTakesABareStringLiteralAsTheTimestampItSpells() throws Exception {
    Rendered r =
        render(
            "",
            """
            select {{ dbt.dateadd('day', 2, "'2018-01-01'") }} as from_text,
              {{ dbt.dateadd('day', 2, "date '2018-01-01'") }} as from_date
            """);
    Rendered text = render("", "{{ dbt.dateadd('hour', 1, \"'not a date'\") }}");
    assertThat(r.problems()).isEmpty();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      try (java.sql.ResultSet rs = st.executeQuery(r.sql())) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("from_text")).startsWith("2018-01-03 00:00");
        assertThat(rs.getString("from_text")).isEqualTo(rs.getString("from_date"));
      }
      // text that is not a date is not cast: DuckDB refuses it as before, rather than a guess
      assertThat(text.sql()).doesNotContain("cast(");
    }
  }

  @Test
  void aPythonMethodSluiceLacksIsNamedAsTheTemplateWroteIt() {
    Rendered r = render("", "select 1\n{{ set([1]).symmetric_difference([2]) }}");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo("set.symmetric_difference() is not supported yet")
                  .doesNotContain("java");
              assertThat(p.line()).isEqualTo(2);
            });
  }
}
