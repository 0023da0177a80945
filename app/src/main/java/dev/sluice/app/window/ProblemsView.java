package dev.sluice.app.window;

import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.project.ProjectProblem;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every problem in the project, with its file and line: what loading found, then what checking each
 * model's SQL against the warehouse found. Double-click one to open its file at that line.
 */
public final class ProblemsView extends ListView<ProjectProblem> {
  private final ObservableList<ProjectProblem> all = FXCollections.observableArrayList();

  public ProblemsView(
      ProjectViewModel project,
      ObservableList<ProjectProblem> sqlProblems,
      Consumer<ProjectProblem> open) {
    setItems(all);
    setId("problems");
    setPlaceholder(new Label("No problems."));
    ListChangeListener<ProjectProblem> refill =
        c -> {
          all.setAll(project.problems());
          all.addAll(sqlProblems);
        };
    project.problems().addListener(refill);
    sqlProblems.addListener(refill);
    refill.onChanged(null);
    setOnMouseClicked(
        e -> {
          ProjectProblem p = getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && p != null) {
            open.accept(p);
          }
        });
    setOnKeyPressed(
        e -> {
          ProjectProblem p = getSelectionModel().getSelectedItem();
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER && p != null) {
            open.accept(p);
            e.consume();
          }
        });
    setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(ProjectProblem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setText(p.toString());
                  FontIcon icon =
                      new FontIcon(
                          p.isError() ? "mdi2a-alert-circle-outline" : "mdi2a-alert-outline");
                  icon.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
                  setGraphic(icon);
                }
              }
            });
  }
}
