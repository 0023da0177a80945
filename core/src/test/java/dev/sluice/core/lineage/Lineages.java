package dev.sluice.core.lineage;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Computes a fixture project's lineage the way the CLI does, and reads traces back as text. */
final class Lineages {
  private Lineages() {}

  static ProjectLineage of(Path dir, LineageCache cache) {
    Manifest m = Pipeline.parse(dir, PipelineOptions.defaults().withEnv(Map.of()));
    Target target = m.project().settings().target(null);
    try (DuckDbWarehouse w = DuckDbWarehouse.open(target)) {
      return ProjectLineage.compute(
          m,
          target,
          new TemplateEngine(m.project(), target, Map.of(), Map.of(), "lineage"),
          KnownColumns.read(w),
          cache);
    }
  }

  static ProjectLineage of(Path dir) {
    return of(dir, new LineageCache());
  }

  /** One hop: {@code "stg.id" -> "renamed"} for a model's column. */
  static Map<String, String> direct(ProjectLineage l, String model, String column) {
    ColumnLineage c = l.of("model." + model).orElseThrow().column(column).orElseThrow();
    Map<String, String> out = new LinkedHashMap<>();
    c.sources().forEach(s -> out.put(s.from().display(), s.how().label()));
    return out;
  }

  /** The source columns at the end of every path, with the strongest way each gets there. */
  static Map<String, String> sources(ProjectLineage l, String model, String column) {
    Map<String, String> out = new LinkedHashMap<>();
    Trace.upstream(l, new ColumnRef("model." + model, column))
        .ends()
        .forEach((k, v) -> out.put(k.display(), v.label()));
    return out;
  }
}
