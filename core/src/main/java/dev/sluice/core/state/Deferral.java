package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.artifacts.ManifestJson;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * dbt's {@code --defer}: an upstream this run does not build and the target does not have is read
 * where the saved manifest says it is. When that is another DuckDB file (another target of the
 * project, found by its database name), it is attached read-only.
 */
public final class Deferral {
  private Deferral() {}

  public static Function<Node, Relation> of(
      Manifest manifest,
      Target target,
      Set<String> building,
      Warehouse warehouse,
      SavedState state) {
    Catalog catalog = Catalog.read(warehouse);
    String here = ManifestJson.database(target);
    Map<String, Relation> elsewhere = new HashMap<>();
    for (Node n : manifest.project().nodes()) {
      Relation own = Relations.of(n, target);
      if (building.contains(n.uniqueId()) || own.cte() || catalog.kind(own).isPresent()) {
        continue;
      }
      JsonNode saved = state.node(n.uniqueId()).orElse(null);
      if (saved == null || saved.path("relation_name").asText("").isEmpty()) {
        continue;
      }
      String database = saved.path("database").asText(here);
      if (!database.equals(here)) {
        attach(manifest, database, warehouse);
      }
      // printed as it is: a three-part name in the other database
      elsewhere.put(n.uniqueId(), Relation.cte(saved.path("relation_name").asText()));
    }
    return n -> elsewhere.get(n.uniqueId());
  }

  private static void attach(Manifest manifest, String database, Warehouse warehouse) {
    for (Target t : manifest.project().settings().targets().values()) {
      if ("duckdb".equals(t.type()) && ManifestJson.database(t).equals(database)) {
        String path = Path.of(t.path()).toAbsolutePath().toString().replace("'", "''");
        warehouse
            .jdbi()
            .useHandle(
                h ->
                    h.execute(
                        "attach if not exists '"
                            + path
                            + "' as "
                            + warehouse.quote(database)
                            + " (read_only)"));
        return;
      }
    }
    throw new SelectorException(
        "--defer: the saved manifest's relations are in database '"
            + database
            + "', which is none of this project's DuckDB targets");
  }
}
