package dev.sluice.core.cli;

import dev.sluice.core.project.DescribedResources;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.UnitTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;

/** dbt's {@code --resource-type} values and which nodes and described resources they pick. */
final class ResourceTypes {
  static final List<String> NODE_TYPES =
      List.of("model", "seed", "snapshot", "source", "test", "unit_test", "export");

  private ResourceTypes() {}

  /** The chosen types, or null for every node (dbt's default); refuses a type it does not know. */
  static Set<String> parse(List<String> values, CommandLine.Model.CommandSpec spec) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      String t = v.strip().toLowerCase(Locale.ROOT);
      if (t.equals("all")) {
        out.addAll(NODE_TYPES);
        out.addAll(DescribedResources.TYPES.values());
      } else if (t.equals("default")) {
        out.addAll(NODE_TYPES);
      } else if (t.equals("analysis")) {
        out.add(t); // Sluice has no analyses: nothing to list
      } else if (NODE_TYPES.contains(t) || DescribedResources.TYPES.containsValue(t)) {
        out.add(t);
      } else {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--resource-type: '"
                + v
                + "' is not one of "
                + String.join(", ", NODE_TYPES)
                + ", "
                + String.join(", ", DescribedResources.TYPES.values())
                + ", analysis, default, all");
      }
    }
    return out;
  }

  static boolean matches(Set<String> types, Node n) {
    if (types == null) {
      return true;
    }
    return types.contains(n instanceof UnitTest ? "unit_test" : n.kind().label());
  }

  static List<DescribedResources.Resource> described(Set<String> types, Project project) {
    if (types == null || types.stream().noneMatch(DescribedResources.TYPES::containsValue)) {
      return List.of();
    }
    return DescribedResources.of(project).stream().filter(r -> types.contains(r.type())).toList();
  }
}
