package dev.sluice.app.workbench;

import dev.sluice.core.project.ProjectProblem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every problem in the project, with its file and line. */
public final class ProblemsView extends ListView<ProjectProblem> {
  public ProblemsView(ProjectViewModel project) {
    super(project.problems());
    setId("problems");
    setPlaceholder(new Label("No problems."));
    setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(ProjectProblem p, boolean empty) {
        super.updateItem(p, empty);
        if (empty || p == null) {
          setText(null);
          setGraphic(null);
        } else {
          setText(p.toString());
          FontIcon icon = new FontIcon(p.isError() ? "mdi2a-alert-circle-outline" : "mdi2a-alert-outline");
          icon.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
          setGraphic(icon);
        }
      }
    });
  }
}
