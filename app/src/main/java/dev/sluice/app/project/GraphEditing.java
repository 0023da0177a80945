package dev.sluice.app.project;

import dev.sluice.core.edit.EditRefusedException;
import dev.sluice.core.edit.ExportEdits;
import dev.sluice.core.edit.ProjectEdit;
import dev.sluice.core.edit.ProjectEdits;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Project;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What drawing on the graph does to the project: creates nodes, connects and disconnects, renames
 * and deletes, each through the edit stack. Refusals and failures are reported, never thrown.
 */
public final class GraphEditing {
  private final ProjectViewModel project;
  private final EditStack stack;
  private final Consumer<String> report;

  public GraphEditing(ProjectViewModel project, Consumer<String> report) {
    this.project = project;
    this.report = report;
    this.stack =
        new EditStack(
            () -> {
              project.ownChange();
              project.reload();
            });
    project.onOutsideChange(stack::outsideChange);
  }

  /** The kinds the palette offers. */
  public enum Kind {
    MODEL,
    SEED,
    TEST
  }

  /** Creates a node with a fresh name at (x, y) on the graph; returns its id, or null. */
  public String create(Kind kind, double x, double y) {
    Manifest m = project.manifestProperty().get();
    if (m == null) {
      return null;
    }
    Project p = m.project();
    String base =
        switch (kind) {
          case MODEL -> "new_model";
          case SEED -> "new_seed";
          case TEST -> "new_test";
        };
    String name = base;
    for (int i = 2; p.refable(name).isPresent() || p.node("test." + name).isPresent(); i++) {
      name = base + "_" + i;
    }
    String id = (kind == Kind.MODEL ? "model." : kind == Kind.SEED ? "seed." : "test.") + name;
    String finalName = name;
    if (!startProject(p)) {
      return null;
    }
    project.placeFree(
        id, x, y); // before the edit: its reload then finds the node where it was dropped
    boolean ok =
        apply(
            () ->
                switch (kind) {
                  case MODEL -> ProjectEdits.newModel(p, finalName, null);
                  case SEED -> ProjectEdits.newSeed(p, finalName);
                  case TEST -> ProjectEdits.newTest(p, finalName);
                });
    if (ok) {
      project.selectedProperty().set(id);
      return id;
    }
    return null;
  }

  /**
   * Declares a source table at (x, y): in its source's file, or a new {@code sources/<source>.yml};
   * a file path makes it a {@code files} source that Sluice loads. Returns its id, or null.
   */
  public String createSource(String source, String table, String path, double x, double y) {
    Manifest m = project.manifestProperty().get();
    if (m == null) {
      return null;
    }
    String id = "source." + source + "." + table;
    if (!startProject(m.project())) {
      return null;
    }
    if (m.node(id).isEmpty()) {
      project.placeFree(id, x, y);
    }
    if (apply(
        () -> dev.sluice.core.edit.SourceEdits.newSourceTable(m.project(), source, table, path))) {
      project.selectedProperty().set(id);
      return id;
    }
    return null;
  }

  /** The names an export can write out: models, then seeds and snapshots, each sorted. */
  public List<String> exportable() {
    Manifest m = project.manifestProperty().get();
    if (m == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (NodeKind k : List.of(NodeKind.MODEL, NodeKind.SEED, NodeKind.SNAPSHOT)) {
      m.project().nodes().stream()
          .filter(n -> n.kind() == k)
          .map(Node::name)
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Declares an export of {@code model} at (x, y): in {@code exports/exports.yml} when it exists,
   * or a new {@code exports/<name>.yml}. Returns its id, or null.
   */
  public String createExport(String model, String name, Export.Format format, double x, double y) {
    Manifest m = project.manifestProperty().get();
    if (m == null) {
      return null;
    }
    String id = "export." + name;
    if (m.node(id).isEmpty()) {
      project.placeFree(id, x, y);
    }
    if (apply(() -> ExportEdits.newExport(m.project(), name, model, format))) {
      project.selectedProperty().set(id);
      return id;
    }
    return null;
  }

  public boolean connect(String fromId, String toId) {
    Manifest m = project.manifestProperty().get();
    return m != null && apply(() -> ProjectEdits.connect(m, fromId, toId));
  }

  public boolean disconnect(String fromId, String toId) {
    Manifest m = project.manifestProperty().get();
    return m != null && apply(() -> ProjectEdits.disconnect(m, fromId, toId));
  }

  public boolean delete(String id) {
    Manifest m = project.manifestProperty().get();
    return m != null && apply(() -> ProjectEdits.delete(m, id));
  }

  /** Deletes several nodes as one undo step; says which stay and why. */
  public boolean deleteAll(java.util.Collection<String> ids) {
    Manifest m = project.manifestProperty().get();
    DeleteSelection d = m == null ? null : DeleteSelection.of(m, ids);
    boolean ok = d != null && apply(d::editOrRefuse);
    if (ok && !d.refused().isEmpty()) {
      report.accept(capitalized(d.edit().description()) + ". " + d.refusals());
    }
    return ok;
  }

  public boolean rename(String id, String newName) {
    Manifest m = project.manifestProperty().get();
    if (m == null || !id.startsWith("model.")) {
      report.accept("Only models can be renamed here");
      return false;
    }
    boolean ok =
        apply(
            () -> ProjectEdits.renameModel(m.project(), id.substring("model.".length()), newName));
    if (ok) {
      project.place("model." + newName, project.position(id).x(), project.position(id).y());
      project.selectedProperty().set("model." + newName);
    }
    return ok;
  }

  public void undo() {
    try {
      report.accept(stack.undo().message("Undid"));
    } catch (IOException e) {
      report.accept("Could not undo: " + e.getMessage());
    }
  }

  public void redo() {
    try {
      report.accept(stack.redo().message("Redid"));
    } catch (IOException e) {
      report.accept("Could not redo: " + e.getMessage());
    }
  }

  public EditStack stack() {
    return stack;
  }

  /** Computes an edit from the project as it is now; it may refuse. */
  public interface EditMaker {
    ProjectEdit make() throws EditRefusedException;
  }

  /**
   * Applies an edit as one undo step and reports it (or why it was refused); returns whether it was
   * made.
   */
  public boolean apply(EditMaker maker) {
    try {
      ProjectEdit e = maker.make();
      stack.apply(e);
      report.accept(capitalized(e.description()));
      return true;
    } catch (EditRefusedException e) {
      report.accept(e.getMessage());
    } catch (IOException e) {
      report.accept("Could not write: " + e.getMessage() + " (nothing was changed)");
    }
    return false;
  }

  /**
   * A first node drawn into a folder that holds no project (an empty folder opened) makes it one: a
   * {@code sluice.yml} is written first, so the node is read and drawn. Returns whether the folder
   * is a project now.
   */
  private boolean startProject(Project p) {
    if (dev.sluice.core.pipeline.Workspace.holdsProject(p.root())) {
      return true;
    }
    try {
      dev.sluice.core.pipeline.Workspace.startProject(p.root());
      report.accept("Made " + p.root().getFileName() + " a project: wrote sluice.yml");
      return true;
    } catch (IOException e) {
      report.accept("Could not write sluice.yml: " + e.getMessage() + " (nothing was changed)");
      return false;
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
