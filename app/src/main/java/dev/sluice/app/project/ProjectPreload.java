package dev.sluice.app.project;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The project named on the command line, read and laid out on a thread of its own while JavaFX
 * starts and the window is built, so the two share the machine's cores instead of taking turns. The
 * window's first {@link ProjectViewModel#open} of the same folder takes the result; any other open
 * reads afresh.
 */
public final class ProjectPreload {
  private static Path dir;
  private static CompletableFuture<ProjectViewModel.Loaded> loaded;

  private ProjectPreload() {}

  /** Starts reading {@code project} (a folder) in the background. */
  public static synchronized void start(Path project) {
    Path abs = project.toAbsolutePath().normalize();
    dir = abs;
    loaded = new CompletableFuture<>();
    CompletableFuture<ProjectViewModel.Loaded> mine = loaded;
    Thread t =
        new Thread(
            () -> {
              try {
                mine.complete(ProjectViewModel.loadFresh(abs));
              } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
              }
            },
            "sluice-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The preload of {@code abs}, once: later opens (a reload, another project, the same one opened
   * again) read the files as they are then.
   */
  static synchronized CompletableFuture<ProjectViewModel.Loaded> take(Path abs) {
    if (loaded == null || !abs.equals(dir)) {
      return null;
    }
    CompletableFuture<ProjectViewModel.Loaded> f = loaded;
    loaded = null;
    dir = null;
    return f;
  }
}
