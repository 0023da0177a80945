package dev.sluice.app.inspector;

import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.edit.ColumnTest;
import dev.sluice.core.edit.PropertyEdits;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected model's editable properties, as the inspector's sheet shows them: materialization,
 * tags, description, and its columns with their tests. Each change is one undoable edit of the
 * project's files through {@link GraphEditing}; the sheet then follows the reloaded project.
 */
public final class PropertySheetModel {
  /** A column and the tests on it; {@code name} is empty for tests on the whole table. */
  public record ColumnRow(String name, String description, List<TestChip> tests) {}

  /** One test as the sheet lists it: its node id and a short label ({@code accepted_values}). */
  public record TestChip(String id, String label) {}

  private final GraphEditing editing;
  private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper materialization = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper tags = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
  private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
  private Manifest manifest;

  public PropertySheetModel(ProjectViewModel project, GraphEditing editing) {
    this.editing = editing;
    project
        .selectedProperty()
        .addListener((o, was, id) -> show(project.manifestProperty().get(), id));
    project
        .manifestProperty()
        .addListener((o, was, m) -> show(m, project.selectedProperty().get()));
    show(project.manifestProperty().get(), project.selectedProperty().get());
  }

  private void show(Manifest m, String id) {
    Node n = m == null || id == null ? null : m.node(id).orElse(null);
    if (!(n instanceof Model mo)) {
      manifest = null;
      model.set(null);
      columns.clear();
      return;
    }
    manifest = m;
    model.set(mo.name());
    materialization.set(mo.config().materialized("view"));
    tags.set(String.join(", ", mo.config().tags()));
    description.set(mo.description());
    Map<String, ColumnRow> rows = new LinkedHashMap<>();
    for (Column c : mo.columns()) {
      rows.put(c.name(), new ColumnRow(c.name(), c.description(), new ArrayList<>()));
    }
    for (DataTest t : m.testsOf(id)) {
      if (t instanceof GenericTest g && g.attachedTo().equals(id)) {
        String col = g.columnName() == null ? "" : g.columnName();
        rows.computeIfAbsent(col, k -> new ColumnRow(k, "", new ArrayList<>()))
            .tests()
            .add(new TestChip(g.uniqueId(), g.testName()));
      }
    }
    List<ColumnRow> out = new ArrayList<>();
    rows.values()
        .forEach(r -> out.add(new ColumnRow(r.name(), r.description(), List.copyOf(r.tests()))));
    columns.setAll(out);
  }

  /** The shown model's name, or null when the selection is not a model. */
  public ReadOnlyStringProperty modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty materializationProperty() {
    return materialization.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty tagsProperty() {
    return tags.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  public ObservableList<ColumnRow> columns() {
    return columns;
  }

  public List<String> materializations() {
    return PropertyEdits.MATERIALIZATIONS;
  }

  public boolean setMaterialization(String value) {
    if (model.get() == null || value == null || value.equals(materialization.get())) {
      return false;
    }
    String name = model.get();
    return editing.apply(() -> PropertyEdits.setMaterialization(manifest.project(), name, value));
  }

  /**
   * Sets the tags of {@code name} (the model the text was typed for, which may no longer be the one
   * shown) from a comma-separated list.
   */
  public boolean setTags(String name, String commaList) {
    List<String> list =
        Arrays.stream(commaList == null ? new String[0] : commaList.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (name == null
        || manifest == null
        || (name.equals(model.get()) && String.join(", ", list).equals(tags.get()))) {
      return false;
    }
    return editing.apply(() -> PropertyEdits.setTags(manifest.project(), name, list));
  }

  /** Sets the description of {@code name} (the model the text was typed for). */
  public boolean setDescription(String name, String text) {
    String d = text == null ? "" : text.strip();
    if (name == null
        || manifest == null
        || (name.equals(model.get()) && Objects.equals(d, description.get().strip()))) {
      return false;
    }
    return editing.apply(() -> PropertyEdits.setDescription(manifest.project(), name, d));
  }

  /**
   * The project's and its packages' generic tests that need nothing but a column, for the add-test
   * menu ({@code dbt_utils.not_constant}, ...).
   */
  public List<String> columnTestsFromMacros() {
    if (manifest == null) {
      return List.of();
    }
    return dev.sluice.core.quality.DefinedTests.of(manifest.project()).stream()
        .filter(t -> t.required().isEmpty())
        .map(dev.sluice.core.quality.DefinedTests.DefinedTest::name)
        .distinct()
        .toList();
  }

  public boolean addTest(String column, ColumnTest test) {
    if (model.get() == null || column == null || column.isBlank()) {
      return false;
    }
    String name = model.get();
    return editing.apply(
        () -> PropertyEdits.addColumnTest(manifest.project(), name, column.strip(), test));
  }

  public boolean removeTest(String testId) {
    return model.get() != null
        && editing.apply(() -> PropertyEdits.removeTest(manifest.project(), testId));
  }
}
