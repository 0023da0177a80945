package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What package tests and macros expect of a run, as dbt gives it: a test macro's own {@code
 * config(fail_calc=...)}, {@code where} on a test Sluice does not know, a query's columns as a
 * mapping, and {@code db.information_schema.tables} on DuckDB.
 */
class TestMacroConfigsTest {
  @TempDir Path dir;

  private ProjectFolder project() {
    return ProjectFolder.sluice(dir, "configs")
        .file(
            "models/numbers.sql",
            "select 1 as id, 'a' as grp union all select 2, 'b' union all select 3, 'b'")
        .file("models/others.sql", "select 7 as id union all select 8 union all select 9")
        .file(
            "macros/tests.sql",
            """
            {% test same_rowcount(model, compare_model) %}
            {{ config(fail_calc = 'sum(diff)') }}
            select abs((select count(*) from {{ model }}) - (select count(*) from {{ compare_model }})) as diff
            {% endtest %}
            {% test above_one(model, column_name) %}
            select * from {{ model }} where not ({{ column_name }} > 1)
            {% endtest %}
            """)
        .file(
            "models/schema.yml",
            """
            models:
              - name: numbers
                data_tests:
                  - same_rowcount:
                      compare_model: ref('others')
                columns:
                  - name: id
                    data_tests:
                      - above_one:
                          config:
                            where: "grp = 'b'"
                      - above_one:
                          name: above_one_everywhere
            """);
  }

  private Map<String, NodeStatus> build(ProjectFolder f) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      Map<String, NodeStatus> out = new LinkedHashMap<>();
      for (NodeResult r : s.results()) {
        out.put(r.name(), r.status());
      }
      return out;
    }
  }

  @Test
  void aTestMacrosOwnFailCalcJudgesItsRows() {
    Map<String, NodeStatus> s = build(project());
    // one row, diff 0: a failure by count(*), a pass by the macro's sum(diff)
    assertThat(s).as("%s", s).containsEntry("same_rowcount_numbers__ref_others", NodeStatus.PASS);
  }

  @Test
  void whereFiltersTheModelAProjectsOwnTestReads() {
    Map<String, NodeStatus> s = build(project());
    assertThat(s).as("%s", s).containsEntry("above_one_numbers_id", NodeStatus.PASS);
    assertThat(s).as("%s", s).containsEntry("above_one_everywhere", NodeStatus.FAIL);
  }

  @Test
  void aQuerysColumnsReadAsAMappingAndTheCatalogsInformationSchemaReads() throws Exception {
    ProjectFolder f =
        project()
            .file(
                "models/summary.sql",
                """
                {%- set found = {} -%}
                {%- set n = namespace(tables=0) -%}
                {%- if execute -%}
                  {%- set cols = run_query('select id, grp from ' ~ ref('numbers') ~ ' order by id').columns -%}
                  {%- for name, col in cols.items() -%}
                    {%- do found.update({name: col.values()}) -%}
                  {%- endfor -%}
                  {%- set t = run_query("select table_name from " ~ target.database
                      ~ ".information_schema.tables where table_name = 'numbers'") -%}
                  {%- set n.tables = t.rows | length -%}
                {%- endif -%}
                select {{ found.keys() | list | length }} as keys,
                  '{{ found['grp'] | join(',') }}' as grps,
                  {{ cols[0].values() | sum if execute else 0 }} as id_sum,
                  {{ n.tables }} as tables_found
                """);
    Map<String, NodeStatus> s = build(f);
    assertThat(s).as("%s", s).containsEntry("summary", NodeStatus.SUCCESS);
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults());
        Connection c = p.warehouse().connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from main.summary")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("keys")).isEqualTo(2);
      assertThat(rs.getString("grps")).isEqualTo("a,b,b");
      assertThat(rs.getInt("id_sum")).isEqualTo(6);
      assertThat(rs.getInt("tables_found")).isEqualTo(1);
    }
  }
}
