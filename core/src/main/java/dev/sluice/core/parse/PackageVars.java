package dev.sluice.core.parse;

import dev.sluice.core.project.InstalledPackages;
import dev.sluice.core.project.Project;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables {@code var()} sees: each package's own defaults, then what the project sets for a
 * package ({@code vars: {dbt_date: {time_zone: ...}}}), then the project's, then {@code --vars}.
 * Scoped names such as {@code "dbt_date:time_zone"} are plain keys and pass through as they are.
 */
final class PackageVars {
  private PackageVars() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> merged(
      Project project, InstalledPackages packages, Map<String, Object> cliVars) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> own = project.settings().vars();
    for (InstalledPackages.Package p : packages.packages()) {
      out.putAll(p.vars());
    }
    for (InstalledPackages.Package p : packages.packages()) {
      if (own.get(p.name()) instanceof Map<?, ?> scoped) {
        out.putAll((Map<String, Object>) scoped);
      }
    }
    own.forEach(
        (k, v) -> {
          boolean scopedToPackage =
              v instanceof Map<?, ?>
                  && packages.packages().stream().anyMatch(p -> p.name().equals(k));
          if (!scopedToPackage) {
            out.put(k, v);
          }
        });
    if (own.get(project.name()) instanceof Map<?, ?> scoped) {
      out.putAll((Map<String, Object>) scoped);
    }
    out.putAll(cliVars);
    return out;
  }
}
