package dev.sluice.core.pipeline;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.SourceConnector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A source whose {@code connector:} no installed plugin provides is an error when the project is
 * read, at the source's line, not a failure halfway through a run.
 */
final class UnknownConnectors {
  private UnknownConnectors() {}

  static List<ProjectProblem> of(Project project) {
    List<SourceTable> loaded =
        project.nodesOf(SourceTable.class).stream().filter(t -> t.load() != null).toList();
    if (loaded.isEmpty()) {
      return List.of(); // no plugin is started (nor its classes loaded) to answer nothing
    }
    ConnectorRegistry registry = ConnectorRegistry.discover();
    Set<String> reported = new LinkedHashSet<>();
    List<ProjectProblem> out = new ArrayList<>();
    for (SourceTable t : loaded) {
      if (registry.find(t.load().connector()).isPresent()) {
        continue;
      }
      if (reported.add(t.sourceName())) {
        out.add(
            ProjectProblem.error(
                t.file(),
                t.line(),
                "source '"
                    + t.sourceName()
                    + "' uses connector '"
                    + t.load().connector()
                    + "', which no installed plugin provides (known: "
                    + String.join(
                        ", ", registry.all().stream().map(SourceConnector::kind).sorted().toList())
                    + ")"));
      }
    }
    return out;
  }
}
