package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectEditsTest {
  @TempDir Path dir;
  ProjectFolder f;

  @BeforeEach
  void project() {
    f =
        ProjectFolder.sluice(dir, "e")
            .file("seeds/raw.csv", "id\n1\n")
            .file("sources/app.yml", "sources:\n  - name: app\n    tables: [{name: users}]\n")
            .file("models/stg_orders.sql", "select * from {{ ref('raw') }}")
            .file("models/stg_customers.sql", "select 1 as id")
            .file("models/report.sql", "select count(*) from {{ ref('stg_orders') }} where id > 0")
            .file(
                "models/schema.yml",
                "models:\n  - name: stg_orders\n    columns:\n      - name: id\n        tests: [unique]\n");
  }

  private Manifest manifest() {
    return Manifest.of(f.load());
  }

  private String sql(String model) throws Exception {
    return Files.readString(dir.resolve("models/" + model + ".sql"));
  }

  @Test
  void drawingEdgesIntoANewModelWritesRefsThenImportCtesAndUndoRestoresEachStep() throws Exception {
    ProjectEdit created = ProjectEdits.newModel(f.load(), "orders_enriched", null);
    created.apply();
    ProjectEdit first =
        ProjectEdits.connect(manifest(), "model.stg_orders", "model.orders_enriched");
    first.apply();
    assertThat(sql("orders_enriched")).isEqualTo("select * from {{ ref('stg_orders') }}\n");
    ProjectEdit second =
        ProjectEdits.connect(manifest(), "model.stg_customers", "model.orders_enriched");
    second.apply();
    assertThat(sql("orders_enriched"))
        .isEqualTo(
            """
        with stg_orders as (
            select * from {{ ref('stg_orders') }}
        ),

        stg_customers as (
            select * from {{ ref('stg_customers') }}
        )

        select * from stg_orders
        """);
    ProjectEdit third =
        ProjectEdits.connect(manifest(), "source.app.users", "model.orders_enriched");
    third.apply();
    assertThat(sql("orders_enriched"))
        .contains("app_users as (\n    select * from {{ source('app', 'users') }}\n)");
    Manifest m = manifest();
    assertThat(m.problems()).isEmpty();
    assertThat(m.dag().parents("model.orders_enriched"))
        .containsExactlyInAnyOrder("model.stg_orders", "model.stg_customers", "source.app.users");

    ProjectEdit fourth = ProjectEdits.disconnect(m, "model.stg_customers", "model.orders_enriched");
    fourth.apply();
    assertThat(manifest().dag().parents("model.orders_enriched"))
        .containsExactlyInAnyOrder("model.stg_orders", "source.app.users");
    // undo goes back step by step: each revert finds the file as its edit left it
    assertThat(fourth.revert()).isEmpty();
    assertThat(third.revert()).isEmpty();
    assertThat(second.revert()).isEmpty();
    assertThat(sql("orders_enriched")).isEqualTo("select * from {{ ref('stg_orders') }}\n");
    assertThat(first.revert()).isEmpty();
    assertThat(created.revert()).isEmpty();
    assertThat(dir.resolve("models/orders_enriched.sql")).doesNotExist();
  }

  @Test
  void handWrittenSqlAndCyclesAreRefusedWithAReason() {
    assertThatThrownBy(
            () -> ProjectEdits.connect(manifest(), "model.stg_customers", "model.report"))
        .isInstanceOf(EditRefusedException.class)
        .hasMessageContaining("models/report.sql is hand-written");
    assertThatThrownBy(() -> ProjectEdits.connect(manifest(), "model.report", "model.stg_orders"))
        .hasMessage("that edge would make a cycle: stg_orders already feeds report");
    assertThatThrownBy(() -> ProjectEdits.connect(manifest(), "model.stg_orders", "seed.raw"))
        .hasMessageContaining("only models read from other nodes");
    assertThatThrownBy(() -> ProjectEdits.newModel(f.load(), "stg_orders", null))
        .hasMessageContaining("already used by models/stg_orders.sql");
  }

  @Test
  void renamingAModelUpdatesEveryRefAndItsSchemaEntry() throws Exception {
    Project p = f.load();
    ProjectEdit rename = ProjectEdits.renameModel(p, "stg_orders", "orders_staged");
    rename.apply();
    assertThat(dir.resolve("models/stg_orders.sql")).doesNotExist();
    assertThat(sql("report")).contains("{{ ref('orders_staged') }}");
    assertThat(dir.resolve("models/schema.yml")).content().contains("- name: orders_staged");
    Manifest m = manifest();
    assertThat(m.problems()).isEmpty();
    assertThat(m.dag().parents("model.report")).containsExactly("model.orders_staged");
    rename.revert();
    assertThat(manifest().dag().parents("model.report")).containsExactly("model.stg_orders");
  }
}
