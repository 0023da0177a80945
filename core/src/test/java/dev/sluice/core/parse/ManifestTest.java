package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  @TempDir Path dir;

  @Test
  void edgesComeFromRefsAndSourcesAndTests() {
    Manifest m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("sources/s.yml", "sources:\n  - name: app\n    tables: [{name: users}]\n")
                .file("models/stg_users.sql", "select * from {{ source('app', 'users') }}")
                .file(
                    "models/users.sql",
                    "{{ config(materialized='table') }}\nselect * from {{ ref('stg_users') }}")
                .file(
                    "models/schema.yml",
                    "models:\n  - name: users\n    columns:\n      - name: id\n        tests: [unique]\n")
                .load());
    assertThat(m.problems()).isEmpty();
    assertThat(m.dag().parents("model.stg_users")).containsExactly("source.app.users");
    assertThat(m.dag().parents("model.users")).containsExactly("model.stg_users");
    assertThat(m.dag().parents("test.unique_users_id")).containsExactly("model.users");
    assertThat(m.node("model.users").orElseThrow().config().materialized("view"))
        .isEqualTo("table");
    assertThat(m.dag().topologicalOrder())
        .containsSubsequence(
            "source.app.users", "model.stg_users", "model.users", "test.unique_users_id");
  }

  @Test
  void cycleIsRefusedWithItsPath() {
    Manifest m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("models/a.sql", "select * from {{ ref('c') }}")
                .file("models/b.sql", "select * from {{ ref('a') }}")
                .file("models/c.sql", "select * from {{ ref('b') }}")
                .load());
    assertThat(m.hasErrors()).isTrue();
    assertThat(m.problems())
        .extracting(ProjectProblem::message)
        .anySatisfy(
            msg ->
                assertThat(msg)
                    .matches(
                        "cycle: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c); remove one of these refs"));
  }

  @Test
  void missingRefNamesTheModelAndLine() {
    Manifest m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("models/orders.sql", "select 1 as id")
                .file("models/report.sql", "select *\nfrom {{ ref('ordres') }}")
                .load());
    ProjectProblem p = m.problems().get(0);
    assertThat(p.file()).isEqualTo(Path.of("models/report.sql"));
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message())
        .isEqualTo(
            "ref('ordres') does not match any model, seed or snapshot; did you mean 'orders'?");
  }

  @Test
  void unknownMacroAndJinjaSyntaxErrorsHaveLines() {
    Manifest m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("models/a.sql", "select\n  {{ cents_to_dollars('amount') }}")
                .file("models/b.sql", "select 1\n{% if %}\n")
                .load());
    assertThat(m.problems())
        .extracting(ProjectProblem::toString)
        .containsExactlyInAnyOrder(
            "models/a.sql:2: unknown macro or function 'cents_to_dollars': define it in a file under macros/, or check the spelling",
            "models/b.sql:2: Syntax error in '{% if %}': Tag 'if' expects expression");
  }

  @Test
  void userMacrosVarsAndLoopsRender() {
    Manifest m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("sluice.yml", "name: x\nvars:\n  methods: [card, cash]\n")
                .file("macros/money.sql", "{% macro cents(col) %}({{ col }} / 100){% endmacro %}")
                .file(
                    "models/a.sql",
                    "select {{ cents('amt') }} as d{% for p in var('methods') %}, '{{ p }}' as {{ p }}{% endfor %}")
                .load());
    assertThat(m.problems()).isEmpty();
    assertThat(m.parsed().get("model.a").sql())
        .isEqualTo("select (amt / 100) as d, 'card' as card, 'cash' as cash");
  }
}
