package dev.sluice.core.warehouse;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;

/**
 * Names the relation each node builds, the way dbt does: the target's schema, or {@code <target
 * schema>_<custom schema>} when a node configures {@code schema}; the alias or the node's name as
 * the identifier.
 */
public final class Relations {
  private Relations() {}

  public static Relation of(Node node, Target target) {
    return switch (node.kind()) {
      case SOURCE -> {
        SourceTable s = (SourceTable) node;
        yield Relation.table(s.schema(), s.identifier());
      }
        // an export writes a file, not a relation: like an ephemeral model, it has no place in the
        // warehouse
      case EXPORT -> Relation.cte("__sluice_export__" + node.name());
      case MODEL, SEED, SNAPSHOT, TEST -> {
        if ("ephemeral".equals(node.config().materialized(""))) {
          yield Relation.cte("__sluice_cte__" + node.name());
        }
        String alias = node.config().string("alias");
        yield Relation.table(schemaOf(node, target), alias == null ? node.name() : alias);
      }
    };
  }

  static String schemaOf(Node node, Target target) {
    String legacy = node.config().string("target_schema"); // dbt's snapshot setting
    if (legacy != null) {
      return legacy;
    }
    String custom = node.config().string("schema");
    return custom == null || custom.isBlank()
        ? target.schema()
        : target.schema() + "_" + custom.trim();
  }
}
