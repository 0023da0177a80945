package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An undo or redo never writes over a file that was saved after the edit it replays. */
class CheckedRevertTest {
  @TempDir Path dir;
  ProjectFolder f;

  @BeforeEach
  void project() {
    f =
        ProjectFolder.sluice(dir, "e")
            .file("models/stg_orders.sql", "select 1 as id")
            .file("models/stg_customers.sql", "select 1 as id")
            .file("models/report.sql", "select * from {{ ref('stg_orders') }}");
  }

  private Path report() {
    return dir.resolve("models/report.sql");
  }

  @Test
  void undoOfAnEdgeIsRefusedWhenTheModelWasSavedSinceAndTheNewerFileStays() throws Exception {
    ProjectEdit edge =
        ProjectEdits.connect(Manifest.of(f.load()), "model.stg_customers", "model.report");
    edge.apply();
    String newer = Files.readString(report()) + "\n-- edited by hand\n";
    Files.writeString(report(), newer);

    assertThat(edge.revert())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("Cannot undo").contains("report.sql"));
    assertThat(Files.readString(report())).isEqualTo(newer);
  }

  @Test
  void undoOfANewModelIsRefusedWhenItsFileWasDeletedAndRedoWhenItWasRecreated() throws Exception {
    ProjectEdit created = ProjectEdits.newModel(f.load(), "fresh", null);
    created.apply();
    Path fresh = dir.resolve("models/fresh.sql");
    Files.delete(fresh);
    assertThat(created.revert()).hasValueSatisfying(r -> assertThat(r).contains("was deleted"));

    Files.writeString(fresh, "select 'mine'");
    assertThat(created.revert()).isPresent();
    assertThat(Files.readString(fresh)).isEqualTo("select 'mine'");
  }

  @Test
  void redoIsRefusedWhenTheFileChangedAfterTheUndo() throws Exception {
    ProjectEdit edge =
        ProjectEdits.connect(Manifest.of(f.load()), "model.stg_customers", "model.report");
    edge.apply();
    assertThat(edge.revert()).isEmpty();
    assertThat(Files.readString(report())).isEqualTo("select * from {{ ref('stg_orders') }}");
    Files.writeString(report(), "select 3 as n");

    assertThat(edge.reapply()).hasValueSatisfying(r -> assertThat(r).contains("Cannot redo"));
    assertThat(Files.readString(report())).isEqualTo("select 3 as n");
  }

  @Test
  void anEditThatTouchesSeveralFilesWritesNoneWhenOneChanged() throws Exception {
    ProjectEdit rename = ProjectEdits.renameModel(f.load(), "stg_orders", "orders");
    rename.apply();
    assertThat(rename.changes().size()).isGreaterThan(1);
    Path orders = dir.resolve("models/orders.sql");
    Files.writeString(orders, "select 42 as id");
    String reportNow = Files.readString(report());

    assertThat(rename.revert()).isPresent();
    assertThat(Files.readString(orders)).isEqualTo("select 42 as id");
    assertThat(Files.readString(report())).isEqualTo(reportNow);
    assertThat(dir.resolve("models/stg_orders.sql")).doesNotExist();
  }
}
