package dev.sluice.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.edit.ColumnTest;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector's sheet without a window: each change is a file edit, one undo step, and the sheet
 * follows.
 */
class PropertySheetModelTest {
  @TempDir Path dir;
  Path shop;
  ProjectViewModel project;
  GraphEditing editing;
  PropertySheetModel sheet;
  final List<String> reports = new ArrayList<>();

  @BeforeEach
  void open() {
    shop = Samples.copy("shop", dir.resolve("shop"));
    project = new ProjectViewModel(Runnable::run, Runnable::run);
    editing = new GraphEditing(project, reports::add);
    sheet = new PropertySheetModel(project, editing);
    project.open(shop);
    project.selectedProperty().set("model.stg_orders");
  }

  private String schema() throws Exception {
    return Files.readString(shop.resolve("models/staging/schema.yml"));
  }

  @Test
  void showsTheSelectedModelsPropertiesAndColumnTests() {
    assertThat(sheet.modelProperty().get()).isEqualTo("stg_orders");
    assertThat(sheet.materializationProperty().get()).isEqualTo("view");
    assertThat(sheet.descriptionProperty().get()).isEqualTo("One row per order.");
    assertThat(sheet.columns())
        .extracting(PropertySheetModel.ColumnRow::name)
        .containsExactly("order_id", "status", "customer_id");
    assertThat(sheet.columns().get(0).tests())
        .extracting(PropertySheetModel.TestChip::label)
        .containsExactly("not_null", "unique");
    project.selectedProperty().set("seed.raw_orders");
    assertThat(sheet.modelProperty().get()).isNull();
    assertThat(sheet.columns()).isEmpty();
  }

  @Test
  void eachChangeIsOneUndoStepAndTheSheetFollowsTheFile() throws Exception {
    String original = schema();
    assertThat(sheet.setMaterialization("table")).isTrue();
    assertThat(schema()).contains("    config:\n      materialized: table\n");
    assertThat(sheet.materializationProperty().get()).isEqualTo("table");
    assertThat(sheet.setMaterialization("table")).as("no edit when nothing changes").isFalse();

    assertThat(sheet.tagsProperty().get())
        .as("sluice.yml tags the staging folder")
        .isEqualTo("staging");
    assertThat(sheet.setTags("stg_orders", "staging, finance, daily")).isTrue();
    assertThat(schema()).contains("      tags: [finance, daily]\n");
    assertThat(sheet.tagsProperty().get()).isEqualTo("staging, finance, daily");
    assertThat(sheet.setDescription("stg_orders", "Orders, one row each.")).isTrue();

    assertThat(sheet.addTest("ordered_at", ColumnTest.notNull())).isTrue();
    assertThat(project.manifestProperty().get().node("test.not_null_stg_orders_ordered_at"))
        .isPresent();
    assertThat(sheet.columns())
        .extracting(PropertySheetModel.ColumnRow::name)
        .contains("ordered_at");
    String unique = sheet.columns().get(0).tests().get(1).id();
    assertThat(sheet.removeTest(unique)).isTrue();
    assertThat(project.manifestProperty().get().node(unique)).isEmpty();

    for (int i = 0; i < 5; i++) {
      editing.undo();
    }
    assertThat(schema()).isEqualTo(original);
    assertThat(sheet.materializationProperty().get()).isEqualTo("view");
    assertThat(reports).last().isEqualTo("Undid: make stg_orders a table");
  }

  @Test
  void offersAnInstalledPackagesGenericTestAndAddsItToTheColumn() throws Exception {
    Path proj = Samples.copy("dbt_packages", dir.resolve("pkgs"));
    // laid out as dbt deps lays a local package: a copy under dbt_packages/<name>
    Path pkg = proj.resolve("packages/tidy");
    try (var walk = Files.walk(pkg)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = proj.resolve("dbt_packages/tidy").resolve(pkg.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    project.open(proj);
    project.selectedProperty().set("model.monthly_payments");
    assertThat(sheet.columnTestsFromMacros()).contains("tidy.is_positive");
    assertThat(sheet.addTest("month", new ColumnTest("tidy.is_positive", java.util.Map.of())))
        .isTrue();
    assertThat(Files.readString(proj.resolve("models/schema.yml")))
        .contains("- name: month")
        .contains("tidy.is_positive");
    assertThat(
            project.manifestProperty().get().node("test.tidy_is_positive_monthly_payments_month"))
        .isPresent();
  }
}
