package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draw an edge, then edit and save the same model elsewhere, then undo on the graph: the undo is
 * refused with a message and the newer file stays as saved.
 */
class UndoAfterSaveTest {
  @TempDir Path dir;
  Path shop;
  ProjectViewModel project;
  GraphEditing editing;
  final List<String> said = new ArrayList<>();

  @BeforeEach
  void open() {
    shop = Samples.copy("shop", dir.resolve("shop"));
    project = new ProjectViewModel(Runnable::run, Runnable::run);
    editing = new GraphEditing(project, said::add);
    project.open(shop);
  }

  /** A model drawn from the palette, so Sluice may write its SQL when an edge is drawn into it. */
  private Path drawnModel() {
    assertThat(editing.create(GraphEditing.Kind.MODEL, 100, 100)).isEqualTo("model.new_model");
    return shop.resolve("models/new_model.sql");
  }

  @Test
  void undoOfAnEdgeIsRefusedAfterTheModelWasSavedInASqlTab() throws Exception {
    Path model = drawnModel();
    assertThat(editing.connect("model.stg_products", "model.new_model")).as("%s", said).isTrue();
    String drawn = Files.readString(model);
    assertThat(drawn).contains("ref('stg_products')");

    String newer = drawn + "-- a note typed and saved in the SQL tab\n";
    project.saveFile(model, newer);
    editing.undo();

    assertThat(said.get(said.size() - 1))
        .startsWith("Cannot undo: new_model.sql was changed since this edit");
    assertThat(Files.readString(model)).isEqualTo(newer);
    assertThat(editing.stack().canUndoProperty().get()).isFalse();
  }

  @Test
  void aChangeFromOutsideSluiceClearsTheUndoHistory() throws Exception {
    Path model = drawnModel();
    assertThat(editing.connect("model.stg_products", "model.new_model")).as("%s", said).isTrue();
    String outside = "select 1 as day -- written by another editor\n";
    Files.writeString(model, outside);
    Files.setLastModifiedTime(
        model, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(project.reloadIfChanged()).isTrue();

    editing.undo();
    assertThat(said.get(said.size() - 1))
        .isEqualTo("Nothing to undo: the project's files changed outside Sluice");
    assertThat(Files.readString(model)).isEqualTo(outside);
  }

  @Test
  void undoStillWorksWhenNothingElseTouchedTheFile() throws Exception {
    Path model = drawnModel();
    String original = Files.readString(model);
    assertThat(editing.connect("model.stg_products", "model.new_model")).as("%s", said).isTrue();
    editing.undo();
    assertThat(said.get(said.size() - 1)).startsWith("Undid: ");
    assertThat(Files.readString(model)).isEqualTo(original);
  }
}
