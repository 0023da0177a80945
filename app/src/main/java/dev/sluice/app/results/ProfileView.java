package dev.sluice.app.results;

import dev.sluice.core.query.ColumnProfile;
import dev.sluice.core.query.TableProfile;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Column profiles as cards: type, null share, distinct count, range and mean, and a chart — a
 * histogram for numbers, the most frequent values for everything else.
 */
public final class ProfileView extends BorderPane {
  private final FlowPane cards = new FlowPane(12, 12);

  public ProfileView(ProfileViewModel model) {
    getStyleClass().add("profile-view");
    setId("profile-view");
    Label status = new Label();
    status.setId("profile-status");
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.runningProperty());
    Button cancel = new Button("Cancel");
    cancel.disableProperty().bind(model.runningProperty().not());
    cancel.setOnAction(e -> model.cancel());
    setTop(new ToolBar(spinner, status, cancel));
    cards.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(cards);
    scroll.setFitToWidth(true);
    setCenter(scroll);
    model.profileProperty().addListener((o, was, p) -> show(p));
  }

  private void show(TableProfile p) {
    cards.getChildren().clear();
    if (p == null) {
      return;
    }
    for (ColumnProfile c : p.columns()) {
      cards.getChildren().add(card(c));
    }
  }

  private static VBox card(ColumnProfile c) {
    Label name = new Label(c.name());
    name.getStyleClass().add("profile-name");
    Label type = new Label(c.type().toLowerCase(Locale.ROOT));
    type.getStyleClass().add("column-type");
    GridPane stats = new GridPane();
    stats.setHgap(10);
    stats.setVgap(2);
    int row = 0;
    row = stat(stats, row, "Nulls", String.format(Locale.ROOT, "%.1f %%", c.nullPercent()));
    row =
        stat(
            stats,
            row,
            "Distinct",
            String.format(Locale.ROOT, c.distinctExact() ? "%,d" : "≈ %,d", c.distinct()));
    row = stat(stats, row, "Min", short40(c.min()));
    row = stat(stats, row, "Max", short40(c.max()));
    if (c.mean() != null) {
      stat(stats, row, "Mean", short40(c.mean()));
    }
    VBox card = new VBox(4, name, type, stats);
    if (!c.bars().isEmpty()) {
      card.getChildren().add(chart(c));
      if (c.histogram()) { // twenty bins have no room for a label each: the range's two ends
        Label from = new Label(short40(c.min()));
        Label to = new Label(short40(c.max()));
        from.getStyleClass().add("profile-axis");
        to.getStyleClass().add("profile-axis");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox range = new javafx.scene.layout.HBox(from, gap, to);
        range.setId("profile-range-" + c.name());
        range.setPadding(new Insets(0, 4, 0, 40));
        card.getChildren().add(range);
      }
    }
    card.getStyleClass().add("profile-card");
    card.setPadding(new Insets(10));
    card.setPrefWidth(300);
    card.setId("profile-" + c.name());
    return card;
  }

  private static BarChart<String, Number> chart(ColumnProfile c) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    x.setTickLabelsVisible(!c.histogram());
    y.setTickLabelsVisible(true); // the rows each bar counts
    y.setMinorTickVisible(false);
    y.setLabel("rows");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCategoryGap(c.histogram() ? 1 : 4);
    chart.setBarGap(0);
    chart.setPrefHeight(150);
    chart.setTitle(c.histogram() ? "Histogram" : "Top values");
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    for (ColumnProfile.Bar b : c.bars()) {
      s.getData().add(new XYChart.Data<>(short40(b.label()), b.count()));
    }
    chart.getData().add(s);
    chart.getStyleClass().add("profile-chart");
    return chart;
  }

  private static int stat(GridPane g, int row, String label, String value) {
    Label l = new Label(label);
    l.getStyleClass().add("profile-label");
    g.addRow(row, l, new Label(value));
    return row + 1;
  }

  private static String short40(String s) {
    if (s == null) {
      return "NULL";
    }
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
