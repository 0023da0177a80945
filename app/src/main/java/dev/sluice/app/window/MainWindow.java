package dev.sluice.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The stage: the workbench under its menus, the background executors, the watch for files changed
 * outside the app, and the welcome state when no project is open.
 */
public final class MainWindow {
  private final Stage stage;
  // after close, work a timer still asks for (a refresh) is dropped, not an error on the UI thread
  private final ExecutorService background =
      new java.util.concurrent.ThreadPoolExecutor(
          2,
          2,
          0L,
          TimeUnit.MILLISECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(),
          daemon("sluice-background"),
          new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(daemon("sluice-watch"));
  private final Workbench workbench;
  private final RecentProjects recent = new RecentProjects();

  public MainWindow(Stage stage, Consumer<Boolean> darkTheme) {
    this(stage, darkTheme, null);
  }

  /**
   * A window that opens {@code project} at once, when given: the welcome page is shown only when
   * there is no project to open, so it never flashes up before one.
   */
  public MainWindow(Stage stage, Consumer<Boolean> darkTheme, Path project) {
    this.stage = stage;
    workbench = new Workbench(background, Platform::runLater, text -> {});
    BorderPane root = new BorderPane(workbench);
    root.setTop(
        WorkbenchMenus.build(
            workbench,
            stage,
            recent,
            this::open,
            this::createProject,
            darkTheme,
            () -> {
              if (workbench.sql().canClose()) {
                Platform.exit();
              }
            }));
    stage.setOnCloseRequest(
        e -> {
          if (!workbench.sql().canClose()) {
            e.consume();
          }
        });
    Scene scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
    scene
        .getStylesheets()
        .add(dev.sluice.app.runs.RunPanel.class.getResource("runs.css").toExternalForm());
    scene
        .getStylesheets()
        .add(dev.sluice.app.editor.SqlEditor.class.getResource("editor.css").toExternalForm());
    stage.setScene(scene);
    stage.setTitle("Sluice");
    workbench
        .project()
        .rootProperty()
        .addListener(
            (o, was, r) -> stage.setTitle(r == null ? "Sluice" : r.getFileName() + " — Sluice"));
    watcher.scheduleWithFixedDelay(workbench.project()::reloadIfChanged, 2, 2, TimeUnit.SECONDS);
    if (project != null && Files.isDirectory(project)) {
      open(project);
    } else {
      Welcome.show(workbench, samples(), recent, this::open);
      if (project != null) {
        notify("Not a folder: " + project);
      }
    }
  }

  /** Opens a project folder (or the folder of a sluice.yml / dbt_project.yml). */
  public void open(Path dir) {
    if (!Files.isDirectory(dir)) {
      notify("Not a folder: " + dir);
      return;
    }
    recent.add(dir.toAbsolutePath().normalize());
    workbench.project().open(dir);
  }

  /**
   * Writes a new project that builds at once into a folder (what {@code sluice init} writes) and
   * opens it; returns whether it did. A folder that already holds a project is left as it is.
   */
  public boolean createProject(Path dir) {
    return createProject(dir, message -> error("No new project", message));
  }

  boolean createProject(Path dir, Consumer<String> refuse) {
    if (dev.sluice.core.pipeline.Workspace.holdsProject(dir)) {
      refuse.accept(
          dir
              + " already holds a project; nothing was changed. Open it with File > Open"
              + " Project, or choose another folder.");
      return false;
    }
    try {
      dev.sluice.core.pipeline.Workspace.createProject(dir);
    } catch (java.io.IOException | RuntimeException e) {
      refuse.accept("Could not write the project into " + dir + ": " + e.getMessage());
      return false;
    }
    open(dir);
    return true;
  }

  public Workbench workbench() {
    return workbench;
  }

  void notify(String message) {
    workbench.project().statusProperty().set(message);
  }

  static void error(String title, String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message);
    a.setHeaderText(title);
    a.show();
  }

  /** The samples folder of a checkout or an installation, if there is one. */
  static Path samples() {
    String home = System.getProperty("sluice.home");
    for (Path p : new Path[] {home == null ? null : Path.of(home, "samples"), Path.of("samples")}) {
      if (p != null && Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  /**
   * Closes the project's connections and stops the background work, waiting a moment for a task
   * under way (a layout or history write) to end rather than leaving it half done.
   */
  public void close() {
    workbench.sql().close();
    background.shutdownNow();
    watcher.shutdownNow();
    try {
      background.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
