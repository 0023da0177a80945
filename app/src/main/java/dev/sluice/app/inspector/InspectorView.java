package dev.sluice.app.inspector;

import dev.sluice.app.graph.NodeStyle;
import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.SourceTable;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected node: a model's properties as an editable sheet (materialization, tags, description,
 * columns and their tests), other nodes' properties read-only, and the SQL with Save.
 */
public final class InspectorView extends VBox {
  private final GridPane grid = new GridPane();
  private final TextArea sql = new TextArea();
  private final Label title = new Label("Nothing selected");
  private final javafx.scene.control.Button save = new javafx.scene.control.Button("Save");
  private final ProjectViewModel project;
  private final PropertySheet sheet;
  private java.nio.file.Path file;
  private final SchemaChangesViewModel schemaChanges =
      new SchemaChangesViewModel(
          java.util.concurrent.Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "sluice-schema-changes");
                t.setDaemon(true);
                return t;
              }),
          javafx.application.Platform::runLater);
  private String saved;

  public InspectorView(ProjectViewModel project, GraphEditing editing) {
    this.project = project;
    this.sheet = new PropertySheet(new PropertySheetModel(project, editing), grid);
    setId("inspector");
    setSpacing(8);
    setPadding(new Insets(10));
    title.getStyleClass().add("inspector-title");
    grid.setHgap(10);
    grid.setVgap(4);
    sql.setEditable(false);
    sql.setId("inspector-sql");
    save.setId("inspector-save");
    save.setDisable(true);
    save.setOnAction(e -> save());
    sql.textProperty().addListener((o, a, b) -> save.setDisable(file == null || b.equals(saved)));
    sql.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.S) {
            save();
            e.consume();
          }
        });
    sql.getStyleClass().add("monospace");
    sql.setPromptText("Select a node on the graph or in the explorer.");
    VBox.setVgrow(sql, Priority.ALWAYS);
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    javafx.scene.layout.HBox.setHgrow(gap, Priority.ALWAYS);
    javafx.scene.layout.HBox sqlBar = new javafx.scene.layout.HBox(6, new Label("SQL"), gap, save);
    sqlBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    javafx.scene.control.ScrollPane properties = new javafx.scene.control.ScrollPane(sheet);
    properties.setFitToWidth(true);
    properties.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    sheet.setMinWidth(0); // narrow inspector: fields shrink rather than scroll sideways
    properties.getStyleClass().add("edge-to-edge");
    impact.setId("inspector-impact");
    impact.setWrapText(true);
    VBox sqlBox = new VBox(6, sqlBar, sql, impact);
    javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(properties, sqlBox);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    split.getStyleClass().add("inspector-split");
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().addAll(title, new SchemaChangesView(schemaChanges), split);
    project
        .selectedProperty()
        .addListener((o, was, id) -> show(project.manifestProperty().get(), id));
    project
        .manifestProperty()
        .addListener((o, was, m) -> show(m, project.selectedProperty().get()));
  }

  private final Label impact = new Label();

  /** Shows under the SQL what an unsaved edit would break downstream, as it is typed. */
  public void trackImpact(dev.sluice.app.lineage.LineageViewModel lineage) {
    impact.textProperty().bind(lineage.impactProperty());
    sql.textProperty()
        .addListener(
            (o, a, text) ->
                lineage.edited(
                    file == null || text.equals(saved) ? null : project.selectedProperty().get(),
                    text));
  }

  private void show(Manifest m, String id) {
    grid.getChildren().clear();
    sheet.rowsStartAt(-1);
    Node n = m == null || id == null ? null : m.node(id).orElse(null);
    if (n == null) {
      schemaChanges.clear();
      title.setText("Nothing selected");
      file = null;
      saved = "";
      sql.setEditable(false);
      sql.setText("");
      return;
    }
    title.setText(NodeStyle.title(n));
    if (n instanceof SourceTable st && st.isLoaded()) {
      schemaChanges.show(m.project().settings().target(null).path(), st.sourceName(), st.name());
    } else {
      schemaChanges.clear();
    }
    int row = 0;
    if (n instanceof Model) {
      sheet.rowsStartAt(showFile(row, n));
      showSql(m, n);
      return;
    }
    row = add(row, "Kind", NodeStyle.detail(n));
    row =
        add(
            row,
            "File",
            n.file().toString().replace('\\', '/') + (n.line() > 1 ? ":" + n.line() : ""));
    if (!n.config().tags().isEmpty()) {
      row = add(row, "Tags", String.join(", ", n.config().tags()));
    }
    if (n.config().string("schema") != null) {
      row = add(row, "Schema", n.config().string("schema"));
    }
    if (!n.config().uniqueKey().isEmpty()) {
      row = add(row, "Unique key", String.join(", ", n.config().uniqueKey()));
    }
    if (!n.description().isBlank()) {
      row = add(row, "Description", n.description());
    }
    List<Column> cols =
        n instanceof Model mo ? mo.columns() : n instanceof SourceTable s ? s.columns() : List.of();
    if (!cols.isEmpty()) {
      row = add(row, "Columns", cols.stream().map(Column::name).collect(Collectors.joining(", ")));
    }
    List<DataTest> tests = m.testsOf(id);
    if (!tests.isEmpty()) {
      row = add(row, "Tests", tests.stream().map(DataTest::name).collect(Collectors.joining("\n")));
    }
    if (n instanceof DataTest t) {
      add(row, "Severity", t.severity());
    }
    showSql(m, n);
  }

  private int showFile(int row, Node n) {
    return add(
        row, "File", n.file().toString().replace('\\', '/') + (n.line() > 1 ? ":" + n.line() : ""));
  }

  private void showSql(Manifest m, Node n) {
    String text = Manifest.sqlOf(n);
    // models and singular tests are one file each, so their SQL can be edited here and saved
    boolean editable = n instanceof Model || n instanceof dev.sluice.core.project.SingularTest;
    java.nio.file.Path newFile = editable ? m.project().root().resolve(n.file()) : null;
    if (newFile != null && newFile.equals(file) && !sql.getText().equals(saved)) {
      return; // unsaved edits of this very file: a reload must not throw them away
    }
    file = newFile;
    saved = text == null ? "" : text;
    sql.setEditable(editable);
    sql.setText(saved);
  }

  /** Writes the SQL to its file atomically; the graph reloads from the file. */
  private void save() {
    if (file == null || sql.getText().equals(saved)) {
      return;
    }
    try {
      project.saveFile(file, sql.getText());
      saved = sql.getText();
      save.setDisable(true);
    } catch (java.io.IOException e) {
      title.setText("Could not save " + file.getFileName() + ": " + e.getMessage());
    }
  }

  private int add(int row, String key, String value) {
    Label k = new Label(key);
    k.getStyleClass().add("inspector-key");
    k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label v = new Label(value);
    v.setWrapText(true);
    v.setMaxWidth(260);
    v.setMinWidth(0);
    grid.addRow(row, k, v);
    return row + 1;
  }
}
