package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection set on the graph, without a window: the shop sample loaded on the calling thread.
 */
class GraphSelectionTest {
  @TempDir Path dir;
  Path shop;
  ProjectViewModel project;

  @BeforeEach
  void open() {
    shop = Samples.copy("shop", dir.resolve("shop"));
    project = new ProjectViewModel(Runnable::run, Runnable::run);
    project.open(shop);
  }

  private GraphSelection selection() {
    return project.selection();
  }

  @Test
  void ctrlClickAddsAndRemovesAndThePrimaryFollows() {
    selection().only("model.stg_orders");
    selection().toggle("model.orders");
    assertThat(selection().ids()).containsExactly("model.stg_orders", "model.orders");
    assertThat(project.selectedProperty().get()).isEqualTo("model.orders");

    selection().toggle("model.orders");
    assertThat(selection().ids()).containsExactly("model.stg_orders");
    assertThat(project.selectedProperty().get())
        .as("the primary falls back to what is left")
        .isEqualTo("model.stg_orders");
  }

  @Test
  void selectingOneNodeFromElsewhereReplacesTheSet() {
    selection().only("model.stg_orders");
    selection().toggle("model.orders");
    project.selectedProperty().set("model.customers"); // the explorer or find
    assertThat(selection().ids()).containsExactly("model.customers");
    project.selectedProperty().set(null);
    assertThat(selection().ids()).isEmpty();
  }

  @Test
  void bandReplacesOrAddsAndSelectAllTakesEveryNodeAndClearEmpties() {
    selection().only("model.orders");
    selection().select(List.of("model.stg_orders", "model.stg_customers", "no.such"), false);
    assertThat(selection().ids()).containsExactly("model.stg_orders", "model.stg_customers");
    selection().select(List.of("model.orders"), true);
    assertThat(selection().ids()).hasSize(3);

    selection().all();
    assertThat(selection().ids())
        .containsExactlyInAnyOrderElementsOf(project.manifestProperty().get().dag().nodeIds());
    selection().clear();
    assertThat(selection().ids()).isEmpty();
    assertThat(project.selectedProperty().get()).isNull();
  }

  @Test
  void collapsingAFolderDropsItsNodesFromTheSelectionAndAllSkipsThem() {
    selection().select(List.of("model.stg_orders", "model.orders"), false);
    project.collapse("models/staging");
    assertThat(selection().ids()).containsExactly("model.orders");
    selection().all();
    assertThat(selection().ids()).doesNotContain("model.stg_orders").contains("model.customers");
  }

  @Test
  void movingTheSelectionSavesEveryPositionInOneLayoutFile() throws Exception {
    project.moveAll(
        Map.of(
            "model.orders",
            new GraphLayout.Point(1000, 20),
            "model.customers",
            new GraphLayout.Point(1000, 120)));
    String layout = Files.readString(LayoutFile.of(shop));
    assertThat(layout)
        .contains("\"model.orders\" : [ 1000, 20 ]")
        .contains("\"model.customers\" : [ 1000, 120 ]");
  }

  @Test
  void deletingSeveralIsOneUndoStepAndANodeReadOnlyByOthersGoingMayGo() throws Exception {
    List<String> said = new ArrayList<>();
    GraphEditing editing = new GraphEditing(project, said::add);
    assertThat(editing.delete("model.stg_products"))
        .as("alone it is still read by product_sales")
        .isFalse();

    assertThat(editing.deleteAll(List.of("model.stg_products", "model.product_sales"))).isTrue();
    assertThat(shop.resolve("models/staging/stg_products.sql")).doesNotExist();
    assertThat(shop.resolve("models/marts/product_sales.sql")).doesNotExist();
    assertThat(project.node("model.product_sales")).isNull();

    editing.undo();
    assertThat(shop.resolve("models/staging/stg_products.sql")).exists();
    assertThat(shop.resolve("models/marts/product_sales.sql")).exists();
    assertThat(said.get(said.size() - 1)).isEqualTo("Undid: delete stg_products, product_sales");
  }

  @Test
  void deletingSeveralReportsWhyTheRefusedOnesStay() {
    List<String> said = new ArrayList<>();
    GraphEditing editing = new GraphEditing(project, said::add);
    assertThat(editing.deleteAll(List.of("model.stg_orders", "model.product_sales"))).isTrue();
    assertThat(shop.resolve("models/marts/product_sales.sql")).doesNotExist();
    assertThat(shop.resolve("models/staging/stg_orders.sql")).exists();
    assertThat(said.get(said.size() - 1))
        .contains("Delete product_sales")
        .contains("stg_orders is read by orders");

    // the sample writes daily_revenue out to a CSV file, so it stays until that export goes
    assertThat(editing.deleteAll(List.of("model.daily_revenue"))).isFalse();
    assertThat(said.get(said.size() - 1))
        .isEqualTo(
            "Not deleted: daily_revenue is written out by export daily_revenue_csv; remove the export from its file first");

    assertThat(editing.deleteAll(List.of("model.stg_orders"))).isFalse();
    assertThat(said.get(said.size() - 1)).startsWith("Not deleted: stg_orders is read by orders");
  }
}
