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

  private volatile Warehouse unread;

  public static Catalog read(Warehouse warehouse) {
    Catalog c = new Catalog();
    warehouse.relations().forEach(r -> c.kinds.put(key(r.schema(), r.name()), r.kind()));
    return c;
  }

  /**
   * The same, read when first asked: a compile whose templates never ask what exists never reads
   * the catalog (nor opens a {@link LazyWarehouse}).
   */
  public static Catalog readOnFirstUse(Warehouse warehouse) {
    Catalog c = new Catalog();
    c.unread = warehouse;
    return c;
  }

  private void load() {
    if (unread == null) {
      return;
    }
    synchronized (this) {
      if (unread == null) {
        return;
      }
      unread.relations().forEach(r -> kinds.put(key(r.schema(), r.name()), r.kind()));
      unread = null;
    }
  }

  public Optional<Warehouse.RelationKind> kind(Relation r) {
    load();
    return Optional.ofNullable(kinds.get(key(r.schema(), r.identifier())));
  }

  public void built(Relation r, Warehouse.RelationKind kind) {
    load();
    kinds.put(key(r.schema(), r.identifier()), kind);
  }

  private static String key(String schema, String name) {
    return schema + "\u0000" + name;
  }
}
