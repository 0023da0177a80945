package dev.sluice.core.plan;

import dev.sluice.core.parse.Dag;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.SourceTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The selection language, dbt's: {@code stg_orders}, {@code +name} (with everything upstream),
 * {@code name+} (downstream), {@code 2+name} / {@code name+1} (limited depth), {@code @name},
 * {@code tag:x}, {@code path:models/staging}, {@code source:shop_db} / {@code
 * source:shop_db.orders}, {@code resource_type:model}, {@code config.materialized:table}, {@code
 * package:dbt_utils} (an installed package's nodes, or the project's by its name), globs ({@code
 * stg_*}). Terms separated by spaces are a union; joined by commas, an intersection.
 */
public final class Selector {
  private static final Pattern TERM = Pattern.compile("^(@)?(\\d*\\+)?(.+?)(\\+\\d*)?$");

  private Selector() {}

  /** The ids {@code select} picks, less those {@code exclude} picks; null or blank selects all. */
  public static Set<String> select(Manifest manifest, String select, String exclude) {
    Set<String> chosen = new LinkedHashSet<>();
    if (select == null || select.isBlank()) {
      chosen.addAll(manifest.dag().nodeIds());
    } else {
      chosen.addAll(union(manifest, select));
    }
    if (exclude != null && !exclude.isBlank()) {
      chosen.removeAll(union(manifest, exclude));
    }
    return chosen;
  }

  private static Set<String> union(Manifest manifest, String expression) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : expression.trim().split("\\s+")) {
      Set<String> inter = null;
      for (String term : part.split(",")) {
        Set<String> t = term(manifest, term);
        if (inter == null) {
          inter = t;
        } else {
          inter.retainAll(t);
        }
      }
      if (inter != null) {
        out.addAll(inter);
      }
    }
    return out;
  }

  private static Set<String> term(Manifest manifest, String term) {
    Matcher m = TERM.matcher(term);
    if (!m.matches()) {
      throw new SelectorException("cannot read the selector '" + term + "'");
    }
    boolean at = m.group(1) != null;
    int up = depth(m.group(2), true);
    int down = depth(m.group(4), false);
    Set<String> base = matchBase(manifest, m.group(3));
    if (base.isEmpty()) {
      throw new SelectorException("the selector '" + term + "' matches nothing");
    }
    Set<String> out = new LinkedHashSet<>(base);
    Dag dag = manifest.dag();
    for (String id : base) {
      if (up != 0) {
        out.addAll(dag.upstream(id, up));
      }
      if (down != 0 || at) {
        Set<String> d = dag.downstream(id, at ? -1 : down);
        out.addAll(d);
        if (at) {
          for (String x : d) {
            out.addAll(dag.upstream(x));
          }
        }
      }
    }
    return out;
  }

  /** 0 when absent, -1 for unlimited ({@code +}), N for {@code N+} or {@code +N}. */
  private static int depth(String g, boolean leading) {
    if (g == null) {
      return 0;
    }
    String digits = leading ? g.substring(0, g.length() - 1) : g.substring(1);
    return digits.isEmpty() ? -1 : Integer.parseInt(digits);
  }

  private static Set<String> matchBase(Manifest manifest, String spec) {
    Set<String> out = new LinkedHashSet<>();
    int colon = spec.indexOf(':');
    String method = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = colon < 0 ? spec : spec.substring(colon + 1);
    Pattern glob = glob(value);
    for (Node n : manifest.project().nodes()) {
      if (method.equals("package")
          ? glob.matcher(manifest.project().packageOf(n)).matches()
          : matches(n, method, value, glob)) {
        out.add(n.uniqueId());
      }
    }
    if (!method.isEmpty()
        && !List.of(
                "tag",
                "path",
                "source",
                "resource_type",
                "kind",
                "config.materialized",
                "test_type",
                "test_name",
                "fqn",
                "file",
                "unique_id",
                "package")
            .contains(method)) {
      throw new SelectorException(
          "unknown selector method '"
              + method
              + ":'; use tag:, path:, source:,"
              + " resource_type:, config.materialized:, test_type:, package: or a name");
    }
    return out;
  }

  private static boolean matches(Node n, String method, String value, Pattern glob) {
    switch (method) {
      case "", "fqn" -> {
        if (n instanceof SourceTable s) {
          return glob.matcher(s.qualifiedName()).matches();
        }
        return glob.matcher(n.name()).matches();
      }
      case "tag" -> {
        return n.config().tags().stream().anyMatch(t -> glob.matcher(t).matches());
      }
      case "path", "file" -> {
        String file = n.file().toString().replace('\\', '/');
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return file.equals(v) || file.startsWith(v + "/") || glob.matcher(file).matches();
      }
      case "source" -> {
        if (n instanceof SourceTable s) {
          return glob.matcher(s.sourceName()).matches()
              || glob.matcher(s.qualifiedName()).matches();
        }
        return false;
      }
      case "resource_type", "kind" -> {
        if (n instanceof dev.sluice.core.project.UnitTest) {
          return value.equalsIgnoreCase("unit_test");
        }
        return n.kind().label().equals(value.toLowerCase(Locale.ROOT))
            || (value.equalsIgnoreCase("source") && n.kind() == NodeKind.SOURCE);
      }
      case "config.materialized" -> {
        return value.equalsIgnoreCase(
            n.config().materialized(n.kind() == NodeKind.MODEL ? "view" : ""));
      }
      case "test_type" -> {
        return n.kind() == NodeKind.TEST
            && (n instanceof GenericTest
                    ? "generic"
                    : n instanceof dev.sluice.core.project.UnitTest ? "unit" : "singular")
                .equals(value);
      }
      case "test_name" -> {
        return n instanceof GenericTest g && glob.matcher(g.testName()).matches();
      }
      case "unique_id" -> {
        return n.uniqueId().equals(value);
      }
      default -> {
        return false;
      }
    }
  }

  private static Pattern glob(String value) {
    StringBuilder re = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** Adds the tests of selected nodes (dbt's eager indirect selection), for build and test. */
  public static Set<String> withTests(Manifest manifest, Set<String> selected) {
    Set<String> out = new LinkedHashSet<>(selected);
    if (manifest.project().nodes().stream()
        .noneMatch(n -> n instanceof dev.sluice.core.project.DataTest)) {
      return out; // no tests to bring
    }
    List<String> extra = new ArrayList<>();
    for (String id : selected) {
      manifest.testsOf(id).forEach(t -> extra.add(t.uniqueId()));
    }
    out.addAll(extra);
    return out;
  }
}
