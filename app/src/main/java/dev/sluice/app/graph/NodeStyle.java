package dev.sluice.app.graph;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;

/**
 * How each kind of node looks: an icon (Material Design icon code) and a style class for colour.
 */
public final class NodeStyle {
  private NodeStyle() {}

  public static String icon(NodeKind kind) {
    return switch (kind) {
      case SOURCE -> "mdi2d-database-import-outline";
      case SEED -> "mdi2f-file-delimited-outline";
      case MODEL -> "mdi2t-table";
      case SNAPSHOT -> "mdi2h-history";
      case TEST -> "mdi2c-check-decagram-outline";
      case EXPORT -> "mdi2f-file-export-outline";
    };
  }

  public static String styleClass(NodeKind kind) {
    return "node-" + kind.label();
  }

  /** The second line under the name: materialization, connector, test kind or export format. */
  public static String detail(Node n) {
    return switch (n.kind()) {
      case MODEL -> n.config().materialized("view");
      case SOURCE -> {
        var s = (dev.sluice.core.project.SourceTable) n;
        yield s.isLoaded() ? "source · " + s.load().connector() : "source";
      }
      case SEED -> "seed";
      case SNAPSHOT -> "snapshot";
      case TEST ->
          n instanceof dev.sluice.core.project.GenericTest g
              ? "test · " + g.testName()
              : "test · sql";
      case EXPORT -> "export · " + ((dev.sluice.core.project.Export) n).format().label();
    };
  }

  /** The name on the card: {@code shop_db.orders} for a source table. */
  public static String title(Node n) {
    return n instanceof dev.sluice.core.project.SourceTable s ? s.qualifiedName() : n.name();
  }
}
