package dev.sluice.core.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column's lineage followed through every model: upstream to the columns of sources, seeds and
 * relations outside the project, or downstream to every column that reads it.
 *
 * @param steps depth-first, each with its depth (1 = one hop away) and how it feeds the one above
 * @param ends for upstream, the source columns, with the strongest way each reaches the column; for
 *     downstream, the columns nothing else reads
 * @param keys join keys and filters met in the models passed through, with the model they are in
 */
public record Trace(ColumnRef column, List<Step> steps, Map<ColumnRef, How> ends, List<Key> keys) {

  /** One column on the way. {@code unknown} says why the walk could not go further. */
  public record Step(int depth, ColumnRef column, How how, String unknown) {}

  /** A column that decides which rows a model has. */
  public record Key(String model, ColumnRef column, How how) {}

  public static Trace upstream(ProjectLineage lineage, ColumnRef column) {
    List<Step> steps = new ArrayList<>();
    Map<ColumnRef, How> ends = new LinkedHashMap<>();
    List<Key> keys = new ArrayList<>();
    Set<String> modelsSeen = new HashSet<>();
    up(lineage, column, How.COPIED, 1, steps, ends, keys, modelsSeen, new HashSet<>());
    return new Trace(column, steps, ends, keys);
  }

  private static void up(
      ProjectLineage lineage,
      ColumnRef column,
      How along,
      int depth,
      List<Step> steps,
      Map<ColumnRef, How> ends,
      List<Key> keys,
      Set<String> modelsSeen,
      Set<ColumnRef> path) {
    ModelLineage m = lineage.of(column.node()).orElse(null);
    if (m == null) {
      if (depth > 1) {
        ends.merge(column, along, How::stronger);
      }
      return;
    }
    if (modelsSeen.add(m.node())) {
      m.keys().forEach(k -> keys.add(new Key(m.node(), k.from(), k.how())));
    }
    ColumnLineage c = m.column(column.column()).orElse(null);
    if (c == null) {
      steps.add(new Step(depth, column, along, "no column '" + column.column() + "' in its SQL"));
      return;
    }
    if (c.unknown() != null && depth == 1) {
      steps.add(new Step(0, column, along, c.unknown()));
    }
    if (!path.add(column)) {
      return;
    }
    for (Link l : c.sources()) {
      ModelLineage next = lineage.of(l.from().node()).orElse(null);
      String unknown =
          next == null
              ? null
              : next.column(l.from().column()).map(ColumnLineage::unknown).orElse(null);
      steps.add(new Step(depth, l.from(), l.how(), unknown));
      up(
          lineage,
          l.from(),
          How.stronger(along, l.how()),
          depth + 1,
          steps,
          ends,
          keys,
          modelsSeen,
          path);
    }
    path.remove(column);
  }

  public static Trace downstream(ProjectLineage lineage, ColumnRef column) {
    List<Step> steps = new ArrayList<>();
    Map<ColumnRef, How> ends = new LinkedHashMap<>();
    down(lineage, column, How.COPIED, 1, steps, ends, new HashSet<>());
    return new Trace(column, steps, ends, List.of());
  }

  private static void down(
      ProjectLineage lineage,
      ColumnRef column,
      How along,
      int depth,
      List<Step> steps,
      Map<ColumnRef, How> ends,
      Set<ColumnRef> path) {
    List<Link> readers = lineage.readers(column);
    if (readers.isEmpty() && depth > 1) {
      ends.merge(column, along, How::stronger);
    }
    if (!path.add(column)) {
      return;
    }
    for (Link l : readers) {
      steps.add(new Step(depth, l.from(), l.how(), null));
      if ("*".equals(l.from().column())) {
        ends.merge(l.from(), l.how(), How::stronger);
      } else {
        down(lineage, l.from(), How.stronger(along, l.how()), depth + 1, steps, ends, path);
      }
    }
    path.remove(column);
  }
}
