package dev.sluice.app.lineage;

import dev.sluice.core.docs.DocsData;
import dev.sluice.core.docs.DocsSite;
import dev.sluice.core.lineage.ChangeImpact;
import dev.sluice.core.lineage.ColumnRef;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.lineage.LineageCache;
import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.lineage.Trace;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The project's column lineage for the window: recomputed off the FX thread after each parse (the
 * cache keeps unchanged models), one column's trace as marks on the graph, and an edit's impact.
 */
public final class LineageViewModel {
  /** How a node takes part in the shown column's lineage. */
  public enum Role {
    FOCUS,
    UPSTREAM,
    DOWNSTREAM
  }

  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final LineageCache cache = new LineageCache();
  private final ObjectProperty<ProjectLineage> lineage = new SimpleObjectProperty<>();
  private final ObservableMap<String, Role> marks = FXCollections.observableHashMap();
  private final ObservableMap<String, List<String>> markedColumns =
      FXCollections.observableHashMap();
  private final ObservableList<String> trace = FXCollections.observableArrayList();
  private final StringProperty impact = new SimpleStringProperty("");
  private final AtomicLong impactTicket = new AtomicLong();

  public LineageViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** Computes the lineage of a freshly parsed project in the background. */
  public void parsed(Manifest manifest) {
    if (manifest == null) {
      onUiThread.accept(() -> lineage.set(null));
      return;
    }
    background.execute(
        () -> {
          ProjectLineage l = compute(manifest);
          onUiThread.accept(() -> lineage.set(l));
        });
  }

  private ProjectLineage compute(Manifest manifest) {
    return dev.sluice.core.pipeline.Workspace.lineage(manifest, cache);
  }

  /** Lights up the column's upstream and downstream; call on the FX thread. */
  public void show(ColumnRef column) {
    ProjectLineage l = lineage.get();
    marks.clear();
    markedColumns.clear();
    trace.clear();
    if (l == null || column == null) {
      return;
    }
    Trace up = Trace.upstream(l, column);
    Trace down = Trace.downstream(l, column);
    mark(column, Role.FOCUS);
    for (Trace.Step s : up.steps()) {
      if (s.depth() > 0) {
        mark(s.column(), Role.UPSTREAM);
        trace.add(
            "  ".repeat(s.depth()) + "← " + s.column().display() + " (" + s.how().label() + ")");
      } else {
        trace.add("unknown: " + s.unknown());
      }
    }
    for (Trace.Step s : down.steps()) {
      mark(s.column(), Role.DOWNSTREAM);
      trace.add(
          "  ".repeat(s.depth()) + "→ " + s.column().display() + " (" + s.how().label() + ")");
    }
    if (trace.isEmpty()) {
      trace.add("no upstream columns and nothing reads it");
    }
  }

  private void mark(ColumnRef c, Role role) {
    marks.merge(c.node(), role, (a, b) -> a == Role.FOCUS ? a : a == b ? a : b);
    List<String> cols = new java.util.ArrayList<>(markedColumns.getOrDefault(c.node(), List.of()));
    if (!cols.contains(c.column())) {
      cols.add(c.column());
    }
    markedColumns.put(c.node(), List.copyOf(cols));
  }

  /** Tells, in the background, what an unsaved edit of a model would break; the latest wins. */
  public void edited(String modelId, String sql) {
    ProjectLineage l = lineage.get();
    long ticket = impactTicket.incrementAndGet();
    if (l == null || modelId == null || !modelId.startsWith("model.")) {
      impact.set("");
      return;
    }
    background.execute(
        () -> {
          String text = describe(ChangeImpact.of(l, System.getenv(), modelId, sql));
          onUiThread.accept(
              () -> {
                if (impactTicket.get() == ticket) {
                  impact.set(text);
                }
              });
        });
  }

  static String describe(ChangeImpact i) {
    if (!i.problems().isEmpty()) {
      return "Impact unknown: " + i.problems().get(0);
    }
    if (i.removed().isEmpty() && i.added().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    if (!i.added().isEmpty()) {
      sb.append("Adds ").append(String.join(", ", i.added())).append(" (non-breaking). ");
    }
    if (!i.removed().isEmpty()) {
      sb.append("Removes ").append(String.join(", ", i.removed()));
      if (i.breaking()) {
        sb.append(": breaking, read by ")
            .append(
                String.join(
                    ", ", i.readers().stream().map(r -> r.column().display()).distinct().toList()));
      } else {
        sb.append(": nothing downstream reads it");
      }
      sb.append('.');
    }
    return sb.toString().strip();
  }

  /** Writes the docs site under the project's target folder; returns its index page. */
  public Path writeDocs(Manifest manifest) throws java.io.IOException {
    ProjectLineage l = lineage.get() != null ? lineage.get() : compute(manifest);
    Target target = manifest.project().settings().target(null);
    Path out =
        manifest
            .project()
            .root()
            .resolve(manifest.project().settings().targetPath())
            .resolve("docs");
    DocsSite.write(DocsData.of(manifest, target, l, KnownColumns.none(), null, Map.of()), out);
    return out.resolve("index.html");
  }

  public ObjectProperty<ProjectLineage> lineageProperty() {
    return lineage;
  }

  public ObservableMap<String, Role> marks() {
    return marks;
  }

  public ObservableMap<String, List<String>> markedColumns() {
    return markedColumns;
  }

  public ObservableList<String> trace() {
    return trace;
  }

  public StringProperty impactProperty() {
    return impact;
  }

  public Executor background() {
    return background;
  }

  public Consumer<Runnable> onUiThread() {
    return onUiThread;
  }
}
