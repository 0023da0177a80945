package dev.sluice.core.compile;

import dev.sluice.core.project.Column;
import dev.sluice.core.warehouse.Relation;
import java.util.List;

/**
 * What the warehouse knows about columns, for unit tests: the columns of a relation that was built,
 * and the columns a query would return. Empty lists when it does not know.
 */
public interface ColumnsLookup {
  ColumnsLookup NONE =
      new ColumnsLookup() {
        @Override
        public List<Column> ofRelation(Relation relation) {
          return List.of();
        }

        @Override
        public List<Column> ofQuery(String sql) {
          return List.of();
        }
      };

  List<Column> ofRelation(Relation relation);

  List<Column> ofQuery(String sql);
}
