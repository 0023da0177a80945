package dev.sluice.app.editor;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.Node;
import dev.sluice.core.sqlassist.Completion;
import java.util.List;

/** Checks and completion for the SQL being edited; both run on the editor's worker thread. */
public interface SqlAssist {
  /** Problems in {@code text} as the source of {@code node}, as marks over the text. */
  List<Highlighting.Mark> check(Pipeline pipeline, Node node, String text);

  /** What may be typed at {@code caret}; null node for a scratch query. */
  Completion complete(Pipeline pipeline, String text, int caret);

  SqlAssist NONE =
      new SqlAssist() {
        @Override
        public List<Highlighting.Mark> check(Pipeline pipeline, Node node, String text) {
          return List.of();
        }

        @Override
        public Completion complete(Pipeline pipeline, String text, int caret) {
          return new Completion(caret, caret, List.of());
        }
      };
}
