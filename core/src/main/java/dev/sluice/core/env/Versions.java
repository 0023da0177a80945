package dev.sluice.core.env;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version of every model and seed: a hash of its SQL rendered with each ref pointing at the
 * upstream's physical table, which is named by the upstream's version, so a change anywhere
 * upstream is a new version downstream too. A seed's version is its file's hash.
 */
final class Versions {
  static final String PHYSICAL_SCHEMA = "sluice_physical";

  /** One model or seed at its version: the SQL that builds it, or the seed file to read. */
  record Version(Node node, String version, Relation physical, String sql, String seedFile) {}

  private Versions() {}

  static boolean managed(Node n) {
    return n.kind() == NodeKind.MODEL || n.kind() == NodeKind.SEED;
  }

  static Map<String, Version> of(
      Manifest manifest, Target target, TemplateEngine engine, List<ProjectProblem> problems) {
    Map<String, Version> out = new LinkedHashMap<>();
    for (String id : manifest.dag().topologicalOrder()) {
      Node n = manifest.node(id).orElseThrow();
      if (!managed(n)) {
        continue;
      }
      if (n.kind() == NodeKind.SEED) {
        String file = manifest.project().root().resolve(n.file()).toString();
        String v;
        try {
          v =
              hash(
                  n.name()
                      + "\u0000"
                      + Files.readString(manifest.project().root().resolve(n.file())));
        } catch (IOException e) {
          problems.add(
              ProjectProblem.error(n.file(), 1, "cannot read the seed: " + e.getMessage()));
          continue;
        }
        out.put(id, new Version(n, v, physical(n, v), null, file));
        continue;
      }
      Rendered r =
          engine.render(
              new RenderRequest(
                  n,
                  Manifest.sqlOf(n),
                  up -> {
                    Version uv = out.get(up.uniqueId());
                    return uv != null ? uv.physical() : Relations.of(up, target);
                  },
                  false));
      problems.addAll(r.problems());
      String v = hash(n.uniqueId() + "\u0000" + r.sql());
      out.put(id, new Version(n, v, physical(n, v), r.sql(), null));
    }
    return out;
  }

  private static Relation physical(Node n, String version) {
    return Relation.table(PHYSICAL_SCHEMA, n.name() + "__" + version);
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
