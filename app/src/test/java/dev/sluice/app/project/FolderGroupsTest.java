package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collapsing a folder into one group card, without a window: the shop sample's models/staging. */
class FolderGroupsTest {
  static final String STAGING = FolderGroups.groupId("models/staging");
  @TempDir Path dir;
  Path shop;
  ProjectViewModel project;

  @BeforeEach
  void open() {
    shop = Samples.copy("shop", dir.resolve("shop"));
    project = new ProjectViewModel(Runnable::run, Runnable::run);
    project.open(shop);
  }

  private Set<String> stagingNodes() {
    var m = project.manifestProperty().get();
    return m.dag().nodeIds().stream()
        .filter(id -> FolderGroups.folderOf(m.node(id).orElseThrow()).equals("models/staging"))
        .collect(Collectors.toSet());
  }

  @Test
  void nothingCollapsedShowsEveryNodeAndEdge() {
    FolderGroups.Shown s = project.shown();
    var dag = project.manifestProperty().get().dag();
    assertThat(s.items()).containsExactlyElementsOf(dag.nodeIds());
    assertThat(s.groups()).isEmpty();
    assertThat(s.edges())
        .hasSize(dag.nodeIds().stream().mapToInt(id -> dag.children(id).size()).sum());
  }

  @Test
  void aCollapsedFolderIsOneItemWithMergedEdgesOnePerOutsideNeighbour() {
    Set<String> staging = stagingNodes();
    assertThat(staging).contains("model.stg_orders", "model.stg_products", "model.order_totals");
    project.collapse("models/staging");

    FolderGroups.Shown s = project.shown();
    assertThat(s.items()).contains(STAGING).doesNotContainAnyElementsOf(staging);
    assertThat(s.groups().get(STAGING).members()).containsExactlyInAnyOrderElementsOf(staging);
    assertThat(s.items())
        .hasSize(project.manifestProperty().get().dag().nodeIds().size() - staging.size() + 1);

    List<String> into =
        s.edges().stream().filter(e -> e[1].equals(STAGING)).map(e -> e[0]).toList();
    List<String> outOf =
        s.edges().stream().filter(e -> e[0].equals(STAGING)).map(e -> e[1]).toList();
    // raw_products feeds two staging models: still one edge
    assertThat(into)
        .containsExactlyInAnyOrder(
            "seed.raw_customers", "seed.raw_orders", "seed.raw_order_items", "seed.raw_products");
    assertThat(outOf)
        .doesNotHaveDuplicates()
        .contains("model.orders", "model.customers", "model.product_sales");
    assertThat(s.edges()).noneMatch(e -> staging.contains(e[0]) || staging.contains(e[1]));
    assertThat(s.edges())
        .as("an edge inside the folder is not drawn")
        .noneMatch(e -> e[0].equals(e[1]));
    assertThat(s.edges())
        .as("edges elsewhere are kept")
        .anyMatch(e -> e[0].equals("model.orders") && e[1].equals("model.customers"));
  }

  @Test
  void theGroupSitsAtItsNodesTopLeftCorner() {
    double minX =
        stagingNodes().stream().mapToDouble(id -> project.position(id).x()).min().orElseThrow();
    double minY =
        stagingNodes().stream().mapToDouble(id -> project.position(id).y()).min().orElseThrow();
    project.collapse("models/staging");
    assertThat(project.shown().groups().get(STAGING).at())
        .isEqualTo(new GraphLayout.Point(minX, minY));
  }

  @Test
  void collapsedFoldersAreRememberedInTheLayoutFileAndExpandingForgetsThem() throws Exception {
    project.collapse("models/staging");
    assertThat(Files.readString(LayoutFile.of(shop)))
        .contains("\"collapsed\" : [ \"models/staging\" ]");
    ProjectViewModel again = new ProjectViewModel(Runnable::run, Runnable::run);
    again.open(shop);
    assertThat(again.collapsed()).containsExactly("models/staging");
    assertThat(again.shown().items()).contains(STAGING);

    again.expand("models/staging");
    assertThat(Files.readString(LayoutFile.of(shop))).doesNotContain("collapsed");
    assertThat(again.shown().items()).doesNotContain(STAGING);
  }

  @Test
  void aLayoutFileWithoutCollapsedFoldersStillLoads() throws Exception {
    Files.createDirectories(shop.resolve(".sluice"));
    Files.writeString(
        LayoutFile.of(shop),
        "{ \"version\": 1, \"positions\": { \"model.orders\": [ 777, 33 ] } }\n");
    ProjectViewModel p = new ProjectViewModel(Runnable::run, Runnable::run);
    p.open(shop);
    assertThat(p.collapsed()).isEmpty();
    assertThat(p.position("model.orders")).isEqualTo(new GraphLayout.Point(777, 33));
  }

  @Test
  void anOuterCollapsedFolderHoldsItsSubfolders() {
    assertThat(FolderGroups.collapsedHolder("models/staging", Set.of("models", "models/staging")))
        .isEqualTo("models");
    assertThat(FolderGroups.collapsedHolder("models/marts", Set.of("models/staging"))).isNull();
    assertThat(FolderGroups.collapsedHolder("models/stagingx", Set.of("models/staging"))).isNull();
  }
}
