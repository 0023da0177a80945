package dev.sluice.app.editor;

import dev.sluice.core.project.Node;
import dev.sluice.core.run.Pipeline;
import java.util.List;

/** Checks of the SQL being edited; runs on the editor's worker thread. */
public interface SqlAssist {
  /** Problems in {@code text} as the source of {@code node}, as marks over the text. */
  List<Highlighting.Mark> check(Pipeline pipeline, Node node, String text);

  SqlAssist NONE = (p, n, t) -> List.of();
}
