package dev.sluice.core.lineage;

import java.util.ArrayList;
import java.util.List;

/** Analyses one model's rendered SQL into its {@link ModelLineage}. */
final class ModelAnalysis {
  private final SqlTrees trees;
  private final Upstream.Finder upstreams;

  ModelAnalysis(SqlTrees trees, Upstream.Finder upstreams) {
    this.trees = trees;
    this.upstreams = upstreams;
  }

  ModelLineage analyse(String node, String hash, String sql, String file) {
    SqlTrees.Parsed parsed = trees.parse(sql);
    if (!parsed.ok()) {
      return new ModelLineage(
          node,
          hash,
          List.of(),
          List.of(),
          false,
          List.of(file + ":" + parsed.line() + ": " + parsed.error()));
    }
    QueryLineage q = new QueryLineage(upstreams, trees);
    Shape shape = q.query(parsed.query(), QueryLineage.Env.root());
    List<ColumnLineage> columns = new ArrayList<>();
    for (Shape.Col c : shape.cols()) {
      List<Link> links = new ArrayList<>();
      for (Link l : c.links()) {
        How how =
            l.how() == How.COPIED && !l.from().column().equalsIgnoreCase(c.name())
                ? How.RENAMED
                : l.how();
        Link out = new Link(l.from(), how);
        if (!links.contains(out)) {
          links.add(out);
        }
      }
      columns.add(new ColumnLineage(c.name(), links, c.unknown()));
    }
    List<String> problems = new ArrayList<>();
    if (shape.open()) {
      problems.add(
          file
              + ": a select * reads a relation whose columns are not known; build it to know them");
    }
    return new ModelLineage(node, hash, columns, new ArrayList<>(q.keys), !shape.open(), problems);
  }
}
