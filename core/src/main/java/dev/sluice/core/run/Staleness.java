package dev.sluice.core.run;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes need rebuilding: those never built, those whose compiled SQL or config changed since
 * their last good build, exports whose file is gone, and everything downstream of one of those.
 */
public final class Staleness {
  private Staleness() {}

  public static Set<String> stale(
      Manifest manifest, Compiler compiler, Map<String, String> lastGoodHashes) {
    return stale(manifest, compiler, null, lastGoodHashes);
  }

  /**
   * As above, where {@code asFullRefresh} compiles as a full refresh does: an incremental model
   * whose last good build created its table ran its full-refresh SQL, and is not stale for that.
   */
  public static Set<String> stale(
      Manifest manifest,
      Compiler compiler,
      Compiler asFullRefresh,
      Map<String, String> lastGoodHashes) {
    Set<String> stale = new LinkedHashSet<>();
    for (String id : manifest.dag().topologicalOrder()) {
      Node n = manifest.node(id).orElseThrow();
      if (n.kind() == NodeKind.SOURCE && !((dev.sluice.core.project.SourceTable) n).isLoaded()) {
        continue; // declared sources are not built by Sluice
      }
      if (manifest.dag().parents(id).stream().anyMatch(stale::contains)) {
        stale.add(id);
        continue;
      }
      String last = lastGoodHashes.get(id);
      if (last == null
          || n instanceof Export e && !Files.isRegularFile(manifest.project().resolve(e.path()))) {
        stale.add(id);
        continue;
      }
      CompiledNode c = compiler.compile(n);
      if (!c.ok() || !last.equals(NodeRunner.hash(c.sql(), n))) {
        CompiledNode full =
            asFullRefresh != null && "incremental".equals(n.config().materialized("view"))
                ? asFullRefresh.compile(n)
                : null;
        if (full == null || !full.ok() || !last.equals(NodeRunner.hash(full.sql(), n))) {
          stale.add(id);
        }
      }
    }
    return stale;
  }
}
