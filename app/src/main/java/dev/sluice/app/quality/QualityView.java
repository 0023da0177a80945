package dev.sluice.app.quality;

import dev.sluice.core.quality.Category;
import dev.sluice.core.quality.Freshness;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.Scorecard;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
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
import javafx.util.Callback;

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
    table.getColumns().add(textColumn("Table", 150, false, Scorecard.TableScore::name));
    table
        .getColumns()
        .add(
            graphicColumn(
                "Score",
                80,
                t -> {
                  ScoreBadge b = new ScoreBadge();
                  b.show(t);
                  b.setText(Math.round(t.overall()) + " " + t.grade());
                  return b;
                }));
    for (Category cat : Category.values()) {
      table
          .getColumns()
          .add(
              textColumn(
                  title(cat),
                  95,
                  true,
                  t -> {
                    Double v = t.categories().get(cat);
                    return v == null ? "–" : String.valueOf(Math.round(v));
                  }));
    }
    table.getColumns().add(textColumn("Checks", 60, true, t -> String.valueOf(t.checks().size())));
    table.getColumns().add(graphicColumn("Trend", 100, t -> new Sparkline(t.trend())));

    ListView<Scorecard.CheckScore> failing = new ListView<>(model.failing());
    failing.setId("quality-failing");
    failing.setPlaceholder(new Label("Every check passes"));
    failing.setCellFactory(textCells(c -> line(c.result())));
    ListView<Freshness.Result> fresh = new ListView<>(model.freshness());
    fresh.setId("quality-freshness");
    fresh.setPlaceholder(new Label("No source has a freshness rule"));
    fresh.setCellFactory(
        textCells(
            r ->
                r.status().toUpperCase(Locale.ROOT)
                    + "  "
                    + r.table().qualifiedName()
                    + " · "
                    + r.message()));
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

  private static <T> TableColumn<T, String> textColumn(
      String title, double width, boolean right, Function<T, String> text) {
    TableColumn<T, String> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
    if (right) {
      col.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    col.setPrefWidth(width);
    return col;
  }

  private static <T> TableColumn<T, T> graphicColumn(
      String title, double width, Function<T, Node> graphic) {
    TableColumn<T, T> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    col.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setGraphic(empty || t == null ? null : graphic.apply(t));
              }
            });
    col.setPrefWidth(width);
    return col;
  }

  private static <T> Callback<ListView<T>, ListCell<T>> textCells(Function<T, String> text) {
    return l ->
        new ListCell<>() {
          @Override
          protected void updateItem(T t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : text.apply(t));
          }
        };
  }

  private static String title(Category c) {
    String l = c.label();
    return Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }
}
