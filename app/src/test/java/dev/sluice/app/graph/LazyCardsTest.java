package dev.sluice.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/**
 * The plane's spatial index answers as a walk over every card and edge would, before and after
 * cards move: the index can only make culling and hit-testing cheaper, never change what they find.
 */
class LazyCardsTest {
  private static final double W = ProjectViewModel.NODE_WIDTH;
  private static final double H = ProjectViewModel.NODE_HEIGHT;

  private final Random random = new Random(17);
  private final Map<String, GraphLayout.Point> places = new HashMap<>();
  private final List<String> items = new ArrayList<>();
  private final List<String[]> edges = new ArrayList<>();
  private final Pane content = new Pane();
  private final LazyCards cards =
      new LazyCards(
          content,
          id -> {
            Region r = new Region();
            r.setId(id);
            return r;
          },
          EdgeView::new);

  /** A layered graph like the benchmark's: long edges between columns of a thousand cards. */
  private void layered(int n) {
    for (int i = 0; i < n; i++) {
      String id = "m" + i;
      items.add(id);
      places.put(id, new GraphLayout.Point((i / 100) * 300.0, (i % 100) * 80.0));
      if (i >= 100) {
        edges.add(new String[] {"m" + (i - 100 + random.nextInt(100)), id});
      }
    }
    cards.reset(items, edges, places::get);
  }

  private Bounds randomBox() {
    double x = random.nextDouble() * 3500 - 300;
    double y = random.nextDouble() * 8500 - 300;
    return new BoundingBox(x, y, random.nextDouble() * 1500, random.nextDouble() * 1200);
  }

  /** Every card meeting the box, found by walking all of them. */
  private Set<String> walk(Bounds box) {
    return items.stream()
        .filter(
            id -> {
              GraphLayout.Point p = cards.where(id);
              return box.intersects(p.x(), p.y(), W, H);
            })
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every edge whose line crosses the box, found by walking all of them. */
  private Set<String> walkEdges(Bounds box) {
    Set<String> out = new TreeSet<>();
    for (String[] e : edges) {
      GraphLayout.Point a = cards.where(e[0]);
      GraphLayout.Point b = cards.where(e[1]);
      if (LazyCards.crosses(box, a.x() + W, a.y() + H / 2, b.x(), b.y() + H / 2)) {
        out.add(e[0] + "->" + e[1]);
      }
    }
    return out;
  }

  private Set<String> onPlane() {
    return content.getChildren().stream()
        .filter(n -> n instanceof Region)
        .map(n -> n.getId())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> edgesOnPlane() {
    return content.getChildren().stream()
        .filter(n -> n instanceof EdgeView)
        .map(n -> ((EdgeView) n).from + "->" + ((EdgeView) n).to)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void rectanglesFindWhatAWalkOverEveryCardFinds() {
    layered(1_000);
    for (int i = 0; i < 200; i++) {
      Bounds box = randomBox();
      assertThat(new TreeSet<>(cards.itemsIn(box))).isEqualTo(walk(box));
    }
    // the topmost card, as drawn, is the last in the graph's order
    GraphLayout.Point p = places.get("m250");
    assertThat(cards.itemAt(new javafx.geometry.Point2D(p.x() + 5, p.y() + 5))).isEqualTo("m250");
  }

  @Test
  void cullingPutsOnThePlaneWhatIsInViewAndTakesOffWhatIsFarOut() {
    layered(1_000);
    for (int i = 0; i < 60; i++) {
      Bounds view = randomBox();
      cards.cull(view);
      Set<String> plane = onPlane();
      assertThat(plane).containsAll(walk(view));
      Bounds keep =
          new BoundingBox(
              view.getMinX() - view.getWidth() / 2,
              view.getMinY() - view.getHeight() / 2,
              view.getWidth() * 2,
              view.getHeight() * 2);
      assertThat(walk(keep)).containsAll(plane);
      Set<String> planeEdges = edgesOnPlane();
      assertThat(planeEdges).containsAll(walkEdges(view));
      assertThat(walkEdges(keep)).containsAll(planeEdges);
    }
  }

  @Test
  void aMovedCardIsFoundWhereItIsNow() {
    layered(1_000);
    Bounds view = new BoundingBox(0, 0, 1200, 900);
    cards.cull(view);
    Region moved = cards.card("m3");
    assertThat(moved).isNotNull();
    moved.relocate(2_000, 5_000); // dragged far away
    Bounds there = new BoundingBox(1_950, 4_950, 300, 200);
    assertThat(cards.itemsIn(there)).contains("m3");
    assertThat(cards.itemsIn(view)).doesNotContain("m3");
    for (int i = 0; i < 100; i++) {
      Bounds box = randomBox();
      assertThat(new TreeSet<>(cards.itemsIn(box))).isEqualTo(walk(box));
      cards.cull(box);
      assertThat(edgesOnPlane()).containsAll(walkEdges(box));
    }
  }

  @Test
  void aSmallGraphHasEveryCardAndEdgeOnThePlane() {
    layered(250);
    cards.cull(new BoundingBox(0, 0, 10, 10));
    assertThat(onPlane()).hasSize(250);
    assertThat(edgesOnPlane()).hasSize(150);
    assertThat(cards.canvasEdges()).isFalse();
  }
}
