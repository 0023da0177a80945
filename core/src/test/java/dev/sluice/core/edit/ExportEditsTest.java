package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.project.Export;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportEditsTest {
  @TempDir Path dir;

  @Test
  void aNewExportGetsItsOwnFileAndRevertRemovesIt() throws Exception {
    ProjectFolder f = ProjectFolder.sluice(dir, "s").file("models/orders.sql", "select 1 as id");
    ProjectEdit e =
        ExportEdits.newExport(f.load(), "orders_export", "orders", Export.Format.PARQUET);
    e.apply();
    assertThat(Files.readString(dir.resolve("exports/orders_export.yml")))
        .isEqualTo(
            """
        exports:
          - name: orders_export
            model: orders
            path: target/exports/orders_export.parquet
            format: parquet
        """);
    Project p = f.load();
    assertThat(p.problems()).isEmpty();
    assertThat(p.nodesOf(Export.class))
        .extracting(Export::uniqueId)
        .containsExactly("export.orders_export");
    e.revert();
    assertThat(dir.resolve("exports/orders_export.yml")).doesNotExist();
  }

  @Test
  void aNewExportJoinsTheSharedFileAndKeepsItsComments() throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("models/orders.sql", "select 1 as id")
            .file(
                "exports/exports.yml",
                """
            # files for finance
            exports:
              - name: a
                model: orders   # the main one
                path: a.csv
            """);
    ExportEdits.newExport(f.load(), "b", "orders", Export.Format.CSV).apply();
    assertThat(Files.readString(dir.resolve("exports/exports.yml")))
        .isEqualTo(
            """
        # files for finance
        exports:
          - name: a
            model: orders   # the main one
            path: a.csv
          - name: b
            model: orders
            path: target/exports/b.csv
            format: csv
        """);
    assertThat(f.load().nodesOf(Export.class)).extracting(Export::name).containsExactly("a", "b");
  }

  @Test
  void anUnknownModelOrATakenNameIsRefused() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("models/orders.sql", "select 1 as id")
            .file(
                "exports/exports.yml",
                "exports:\n  - name: a\n    model: orders\n    path: a.csv\n");
    assertThatThrownBy(() -> ExportEdits.newExport(f.load(), "x", "ordres", Export.Format.CSV))
        .hasMessageContaining("no model, seed or snapshot named 'ordres'");
    assertThatThrownBy(() -> ExportEdits.newExport(f.load(), "a", "orders", Export.Format.CSV))
        .hasMessageContaining("export a is already defined in exports/exports.yml");
  }

  @Test
  void renamingAModelRenamesItInItsExports() throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("models/orders.sql", "select 1 as id")
            .file(
                "exports/exports.yml",
                "exports:\n  - name: orders\n    model: orders\n    path: a.csv\n");
    ProjectEdits.renameModel(f.load(), "orders", "sales").apply();
    // the export's own name stays: it only happened to match
    assertThat(Files.readString(dir.resolve("exports/exports.yml")))
        .isEqualTo("exports:\n  - name: orders\n    model: sales\n    path: a.csv\n");
    assertThat(f.load().problems()).isEmpty();
  }
}
