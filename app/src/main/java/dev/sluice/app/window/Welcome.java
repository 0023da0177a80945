package dev.sluice.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The empty state: what to do when no project is open yet. Goes away when one opens. */
final class Welcome {
  private Welcome() {}

  static void show(Workbench w, Path samples, RecentProjects recent, Consumer<Path> open) {
    VBox box = new VBox(10);
    box.setId("welcome");
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("welcome");
    Label title = new Label("Sluice");
    title.getStyleClass().add("welcome-title");
    Label hint =
        new Label(
            "Open a project folder with File > Open (Ctrl+O): a Sluice project or a dbt project for DuckDB.");
    box.getChildren().addAll(title, hint);
    if (samples != null) {
      box.getChildren().add(new Label("Samples"));
      try (Stream<Path> s = Files.list(samples)) {
        for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
          Hyperlink link = new Hyperlink(p.getFileName().toString());
          link.setId("sample-" + p.getFileName());
          link.setOnAction(e -> open.accept(p));
          box.getChildren().add(link);
        }
      } catch (IOException e) {
        // no samples to offer
      }
    }
    List<Path> recents = recent.list();
    if (!recents.isEmpty()) {
      box.getChildren().add(new Label("Recent"));
      recents.forEach(
          p -> {
            Hyperlink link = new Hyperlink(p.toString());
            link.setOnAction(e -> open.accept(p));
            box.getChildren().add(link);
          });
    }
    javafx.scene.Node previous = w.getCenter();
    w.setCenter(box);
    w.project()
        .rootProperty()
        .addListener(
            (o, was, r) -> {
              if (r != null && w.getCenter() == box) {
                w.setCenter(previous);
              }
            });
  }
}
