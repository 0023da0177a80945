package dev.sluice.app.quality;

import dev.sluice.core.quality.Category;
import dev.sluice.core.quality.Freshness;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.Scorecard;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Quality tab: the overall score, a row per table with its category scores and a trend
 * sparkline, and the checks not passing. It only draws what the view-model holds.
 */
public final class QualityView extends BorderPane {
  public QualityView(QualityViewModel model) {
    Label summary = new Label();
    summary.setId("quality-summary");
    summary.textProperty().bind(model.summaryProperty());
    summary.setPadding(new Insets(4, 8, 4, 8));
    model
        .gradeProperty()
        .addListener(
            (o, a, g) ->
                summary.setStyle(
                    g.isEmpty()
                        ? ""
                        : "-fx-font-weight: bold; -fx-text-fill: "
                            + (g.equals("fair") ? "#8a6100" : ScoreBadge.background(g))
                            + ";"));
    setTop(summary);

    TableView<Scorecard.TableScore> table = new TableView<>(model.tables());
    table.setId("quality-table");
    table.setPlaceholder(new Label("No checks run yet"));
    TableColumn<Scorecard.TableScore, String> name = new TableColumn<>("Table");
    name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
    name.setPrefWidth(150);
    TableColumn<Scorecard.TableScore, Scorecard.TableScore> overall = new TableColumn<>("Score");
    overall.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    overall.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Scorecard.TableScore t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                  setGraphic(null);
                } else {
                  ScoreBadge b = new ScoreBadge();
                  b.show(t);
                  b.setText(Math.round(t.overall()) + " " + t.grade());
                  setGraphic(b);
                }
              }
            });
    table.getColumns().add(name);
    table.getColumns().add(overall);
    for (Category cat : Category.values()) {
      TableColumn<Scorecard.TableScore, String> col = new TableColumn<>(title(cat));
      col.setCellValueFactory(
          c -> {
            Double v = c.getValue().categories().get(cat);
            return new ReadOnlyObjectWrapper<>(v == null ? "–" : String.valueOf(Math.round(v)));
          });
      col.setStyle("-fx-alignment: CENTER-RIGHT;");
      col.setPrefWidth(95);
      table.getColumns().add(col);
    }
    TableColumn<Scorecard.TableScore, String> checks = new TableColumn<>("Checks");
    checks.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().checks().size())));
    checks.setStyle("-fx-alignment: CENTER-RIGHT;");
    checks.setPrefWidth(60);
    overall.setPrefWidth(80);
    TableColumn<Scorecard.TableScore, Scorecard.TableScore> trend = new TableColumn<>("Trend");
    trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    trend.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Scorecard.TableScore t, boolean empty) {
                super.updateItem(t, empty);
                setGraphic(empty || t == null ? null : new Sparkline(t.trend()));
              }
            });
    trend.setPrefWidth(100);
    table.getColumns().add(checks);
    table.getColumns().add(trend);

    ListView<Scorecard.CheckScore> failing = new ListView<>(model.failing());
    failing.setId("quality-failing");
    failing.setPlaceholder(new Label("Every check passes"));
    failing.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Scorecard.CheckScore c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : line(c.result()));
              }
            });
    ListView<Freshness.Result> fresh = new ListView<>(model.freshness());
    fresh.setId("quality-freshness");
    fresh.setPlaceholder(new Label("No source has a freshness rule"));
    fresh.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Freshness.Result r, boolean empty) {
                super.updateItem(r, empty);
                setText(
                    empty || r == null
                        ? null
                        : r.status().toUpperCase(Locale.ROOT)
                            + "  "
                            + r.table().qualifiedName()
                            + " · "
                            + r.message());
              }
            });
    Label freshTitle = new Label("Source freshness");
    freshTitle.setPadding(new Insets(4, 8, 2, 8));
    VBox side = new VBox(failing, freshTitle, fresh);
    VBox.setVgrow(failing, Priority.ALWAYS);
    fresh.setPrefHeight(90);
    SplitPane split = new SplitPane(table, side);
    split.setDividerPositions(0.7);
    setCenter(split);
  }

  static String line(QualityHistory.CheckResult r) {
    String what =
        r.rowsChecked() > 0 && Category.countsRows(r.testName())
            ? r.failures() + " of " + r.rowsChecked() + " rows"
            : String.valueOf(r.message());
    return r.status().toUpperCase(Locale.ROOT)
        + "  "
        + r.nodeId().substring(r.nodeId().indexOf('.') + 1)
        + " · "
        + r.checkName()
        + " · "
        + r.category().label()
        + " · "
        + what;
  }

  private static String title(Category c) {
    String l = c.label();
    return Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }
}
