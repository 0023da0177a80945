package dev.sluice.app.inspector;

import dev.sluice.core.load.SchemaHistory;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A raw table's schema over time, from {@code _sluice.schema_history}: one line per version, the
 * newest first, saying what changed. Read on the background executor; the list changes on the UI
 * thread.
 */
public final class SchemaChangesViewModel {
  private final ObservableList<String> versions = FXCollections.observableArrayList();
  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final AtomicLong round = new AtomicLong();

  public SchemaChangesViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** The versions shown: {@code v2 2026-12-01 09:07:57 new column channel VARCHAR}. */
  public ObservableList<String> versions() {
    return versions;
  }

  /** Shows nothing (the selection is not a loaded source table). */
  public void clear() {
    round.incrementAndGet();
    versions.clear();
  }

  /** Reads the versions of {@code source.table} from the DuckDB file at {@code duckdbPath}. */
  public void show(String duckdbPath, String source, String table) {
    long mine = round.incrementAndGet();
    background.execute(
        () -> {
          List<String> lines = new ArrayList<>();
          if (duckdbPath.equals(":memory:") || Files.exists(Path.of(duckdbPath))) {
            try (Warehouse w = dev.sluice.core.pipeline.Workspace.openWarehouse(duckdbPath);
                SqlSession s = SqlSession.open(w)) {
              List<SchemaHistory.Version> found = SchemaHistory.versions(s, source, table);
              for (int i = found.size() - 1; i >= 0; i--) {
                lines.add(line(found.get(i)));
              }
            } catch (SQLException | RuntimeException e) {
              return; // the file is busy (a run in a terminal): keep what is shown
            }
          }
          onUiThread.accept(
              () -> {
                if (mine == round.get()) {
                  versions.setAll(lines);
                }
              });
        });
  }

  static String line(SchemaHistory.Version v) {
    String at = v.recordedAt().length() > 19 ? v.recordedAt().substring(0, 19) : v.recordedAt();
    String what =
        v.changes().equals("created") ? "created: " + String.join(", ", v.columns()) : v.changes();
    return "v" + v.version() + "  " + at + "  " + what;
  }
}
