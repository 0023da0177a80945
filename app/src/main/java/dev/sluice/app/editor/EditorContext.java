package dev.sluice.app.editor;

import dev.sluice.app.results.WarehouseSession;
import dev.sluice.core.parse.Manifest;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an editor tab needs from the workbench: the warehouse, the threads to work on, the project
 * as currently loaded, and whom to tell about saves and news.
 *
 * @param worker one thread for highlighting, checks and completion, so they never pile up
 * @param queries threads for queries, exports and profiles, which may run long and in parallel
 * @param save the one writer of project SQL: writes the file, so the project reloads and the graph
 *     follows
 */
public record EditorContext(
    WarehouseSession session,
    Executor worker,
    Executor queries,
    Consumer<Runnable> onUi,
    Supplier<Manifest> manifest,
    FileSaver save,
    Consumer<String> tell,
    SqlAssist assist,
    java.util.function.Predicate<String> confirmDiscard) {

  /** Writes a project file as the user saved it. */
  @FunctionalInterface
  public interface FileSaver {
    void save(java.nio.file.Path file, String text) throws java.io.IOException;
  }
}
