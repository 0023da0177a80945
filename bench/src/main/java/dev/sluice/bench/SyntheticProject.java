package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a project of N models in a layered DAG: layer 0 reads a seed, each later model reads one
 * or two models of the layer before. Deterministic for a given size.
 */
public final class SyntheticProject {
  private SyntheticProject() {}

  public static Path write(Path root, int models, int layers) throws IOException {
    Files.createDirectories(root.resolve("models"));
    Files.createDirectories(root.resolve("seeds"));
    Files.writeString(
        root.resolve("sluice.yml"), "name: synthetic\nmodels:\n  +materialized: view\n");
    Files.writeString(root.resolve("seeds/numbers.csv"), "id,v\n1,10\n2,20\n3,30\n");
    Random random = new Random(models);
    int perLayer = Math.max(1, models / layers);
    for (int i = 0; i < models; i++) {
      int layer = Math.min(i / perLayer, layers - 1);
      String sql;
      if (layer == 0) {
        sql = "select id, v from {{ ref('numbers') }}\n";
      } else {
        int start = (layer - 1) * perLayer;
        int a = start + random.nextInt(perLayer);
        int b = start + random.nextInt(perLayer);
        sql =
            "select p.id, p.v + 1 as v\nfrom {{ ref('m"
                + a
                + "') }} as p\n"
                + (a == b ? "" : "where p.id in (select id from {{ ref('m" + b + "') }})\n");
      }
      Path dir = root.resolve("models").resolve("layer" + layer);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("m" + i + ".sql"), sql);
    }
    return root;
  }
}
