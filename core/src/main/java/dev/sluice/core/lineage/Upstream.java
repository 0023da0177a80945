package dev.sluice.core.lineage;

import java.util.List;
import java.util.Optional;

/**
 * A relation a query reads, as far as lineage knows it.
 *
 * @param node the node's unique id, or {@code relation:schema.name} outside the project
 * @param columns its columns, in order, as far as known
 * @param open true when it may have columns beyond {@code columns} (or none are known)
 */
public record Upstream(String node, List<String> columns, boolean open) {
  public Upstream {
    columns = List.copyOf(columns);
  }

  /** Finds the relation a query names as {@code schema.name} (schema may be empty). */
  public interface Finder {
    Optional<Upstream> find(String schema, String name);
  }
}
