package dev.sluice.core.lineage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models' lineage by their hash, so that an edit recomputes only the models whose SQL or upstream
 * columns changed. Safe to share between threads; an app keeps one per open project.
 */
public final class LineageCache {
  private final Map<String, ModelLineage> byHash = new ConcurrentHashMap<>();
  private volatile int hits;

  ModelLineage get(String hash) {
    ModelLineage m = byHash.get(hash);
    if (m != null) {
      hits++;
    }
    return m;
  }

  void put(ModelLineage lineage) {
    byHash.put(lineage.hash(), lineage);
  }

  /** How many lookups found a result, for tests and benchmarks. */
  public int hits() {
    return hits;
  }

  public int size() {
    return byHash.size();
  }
}
