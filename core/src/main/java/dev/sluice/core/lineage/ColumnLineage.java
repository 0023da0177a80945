package dev.sluice.core.lineage;

import java.util.List;

/**
 * Where one output column of a model comes from, one hop upstream.
 *
 * @param sources the upstream columns whose values make this one; empty for a constant
 * @param unknown why some of its sources could not be told, or null when all are known
 */
public record ColumnLineage(String column, List<Link> sources, String unknown) {
  public ColumnLineage {
    sources = List.copyOf(sources);
  }

  public boolean isKnown() {
    return unknown == null;
  }
}
