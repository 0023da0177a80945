package dev.sluice.app.editor;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.sqlassist.Completer;
import dev.sluice.core.sqlassist.Completion;
import dev.sluice.core.sqlassist.Diagnostic;
import dev.sluice.core.sqlassist.Diagnostics;
import dev.sluice.core.sqlassist.SqlContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's SQL assistant: core's diagnostics turned into underlines, and completion from what
 * the project and its warehouse know. The catalog is read once per project load and again after
 * each run, not on every keystroke.
 */
public final class ProjectAssist implements SqlAssist {
  private Manifest contextFor;
  private SqlContext context;
  private Completer completer;

  @Override
  public List<Highlighting.Mark> check(Pipeline pipeline, Node node, String text) {
    if (node.kind() == NodeKind.SNAPSHOT) {
      return List.of(); // a snapshot file wraps its SELECT in a block; core checks the SELECT alone
    }
    List<Highlighting.Mark> marks = new ArrayList<>();
    for (Diagnostic d : Diagnostics.check(pipeline, node, text)) {
      String style =
          d.severity() == Diagnostic.Severity.ERROR ? "diagnostic-error" : "diagnostic-warning";
      marks.add(
          new Highlighting.Mark(
              d.startOffset(),
              Math.max(d.endOffset(), d.startOffset() + 1),
              style,
              "line " + d.line() + ": " + d.message()));
    }
    return marks;
  }

  @Override
  public synchronized Completion complete(Pipeline pipeline, String text, int caret) {
    if (completer == null || contextFor != pipeline.manifest()) {
      contextFor = pipeline.manifest();
      context = SqlContext.load(pipeline.manifest(), pipeline.warehouse());
      completer = new Completer(context);
    }
    return completer.complete(text, caret);
  }

  /** Tables changed (a run finished): read the catalog again on next use. */
  public synchronized void forgetCatalog() {
    completer = null;
  }
}
