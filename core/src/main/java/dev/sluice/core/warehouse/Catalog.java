package dev.sluice.core.warehouse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What relations exist, read once when a run starts and kept up to date by the run itself. Asking
 * DuckDB's information schema per node scans the whole catalog each time, which made large builds
 * quadratic.
 */
public final class Catalog {
  private final Map<String, Warehouse.RelationKind> kinds = new ConcurrentHashMap<>();

  public static Catalog read(Warehouse warehouse) {
    Catalog c = new Catalog();
    warehouse.relations().forEach(r -> c.kinds.put(key(r.schema(), r.name()), r.kind()));
    return c;
  }

  public Optional<Warehouse.RelationKind> kind(Relation r) {
    return Optional.ofNullable(kinds.get(key(r.schema(), r.identifier())));
  }

  public void built(Relation r, Warehouse.RelationKind kind) {
    kinds.put(key(r.schema(), r.identifier()), kind);
  }

  private static String key(String schema, String name) {
    return schema + "\u0000" + name;
  }
}
