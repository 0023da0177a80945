package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undoing a delete brings the card back where it stood, or to the nearest free place below. */
class UndoDeletePlacementTest {
  @TempDir Path dir;
  ProjectViewModel project;
  GraphEditing editing;
  final List<String> said = new ArrayList<>();

  @BeforeEach
  void open() {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    project = new ProjectViewModel(Runnable::run, Runnable::run);
    editing = new GraphEditing(project, said::add);
    project.open(shop);
  }

  @Test
  void anUndoneDeleteReturnsToItsOldPlace() {
    String id = editing.create(GraphEditing.Kind.MODEL, 640, 900);
    GraphLayout.Point before = project.position(id);
    assertThat(editing.delete(id)).as("%s", said).isTrue();
    assertThat(project.manifestProperty().get().dag().contains(id)).isFalse();

    editing.undo();

    assertThat(project.manifestProperty().get().dag().contains(id)).as("%s", said).isTrue();
    assertThat(project.position(id)).isEqualTo(before);
  }

  @Test
  void anUndoneDeleteWhosePlaceWasTakenComesBackBelowTheCardThere() {
    String id = editing.create(GraphEditing.Kind.MODEL, 640, 900);
    GraphLayout.Point before = project.position(id);
    assertThat(editing.delete(id)).as("%s", said).isTrue();
    project.move("model.customers", before.x(), before.y());

    editing.undo();

    GraphLayout.Point back = project.position(id);
    GraphLayout.Point other = project.position("model.customers");
    assertThat(back.x()).isEqualTo(before.x());
    assertThat(back.y()).isGreaterThan(before.y());
    boolean covered =
        Math.abs(back.x() - other.x()) < ProjectViewModel.NODE_WIDTH
            && Math.abs(back.y() - other.y()) < ProjectViewModel.NODE_HEIGHT;
    assertThat(covered)
        .as("the restored card at %s is under customers at %s", back, other)
        .isFalse();
  }
}
