package dev.sluice.core.parse;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Suggest;
import dev.sluice.core.warehouse.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dbt functions templates call: ref, source, config, var, env_var, is_incremental, doc, log.
 */
public final class TemplateFunctions {
  private TemplateFunctions() {}

  private static int line() {
    JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
    return in == null ? 0 : in.getLineNumber();
  }

  private static List<Object> positional(Object[] args) {
    List<Object> out = new ArrayList<>();
    for (Object a : args) {
      if (!(a instanceof NamedParameter)) {
        out.add(a);
      }
    }
    return out;
  }

  public static Object ref(Object... args) {
    RenderCall call = RenderCall.current();
    List<Object> pos = positional(args);
    if (pos.isEmpty()) {
      call.problem(line(), "ref() needs the name of a model, seed or snapshot");
      return "";
    }
    String name = String.valueOf(pos.get(pos.size() - 1)); // ref('package', 'name') names the last
    if (!call.refs.contains(name)) {
      call.refs.add(name);
    }
    Optional<Node> target = call.project.refable(name);
    if (target.isEmpty()) {
      call.problem(
          line(),
          "ref('"
              + name
              + "') does not match any model, seed or snapshot"
              + Suggest.closest(
                  name,
                  call.project.nodes().stream()
                      .filter(n -> n.kind().label().matches("model|seed|snapshot"))
                      .map(Node::name)
                      .toList()));
      return new RelationView(Relation.table("missing", name));
    }
    return new RelationView(call.request.resolve().apply(target.get()));
  }

  public static Object source(Object... args) {
    RenderCall call = RenderCall.current();
    List<Object> pos = positional(args);
    if (pos.size() != 2) {
      call.problem(line(), "source() needs two names: source('source_name', 'table_name')");
      return "";
    }
    String s = String.valueOf(pos.get(0));
    String t = String.valueOf(pos.get(1));
    List<String> pair = List.of(s, t);
    if (!call.sources.contains(pair)) {
      call.sources.add(pair);
    }
    Optional<SourceTable> table = call.project.source(s, t);
    if (table.isEmpty()) {
      call.problem(
          line(),
          "source('"
              + s
              + "', '"
              + t
              + "') is not declared in any sources file"
              + Suggest.closest(
                  s + "." + t,
                  call.project.nodesOf(SourceTable.class).stream()
                      .map(SourceTable::qualifiedName)
                      .toList()));
      return new RelationView(Relation.table(s, t));
    }
    return new RelationView(call.request.resolve().apply(table.get()));
  }

  @SuppressWarnings("unchecked")
  public static String config(Object... args) {
    RenderCall call = RenderCall.current();
    for (Object a : args) {
      if (a instanceof NamedParameter p) {
        call.config.put(p.getName(), p.getValue());
      } else if (a instanceof Map<?, ?> m) {
        ((Map<String, Object>) m).forEach(call.config::put);
      }
    }
    return "";
  }

  public static Object var(Object... args) {
    RenderCall call = RenderCall.current();
    List<Object> pos = positional(args);
    if (pos.isEmpty()) {
      call.problem(line(), "var() needs a variable name");
      return "";
    }
    String name = String.valueOf(pos.get(0));
    if (call.vars.containsKey(name)) {
      return call.vars.get(name);
    }
    if (pos.size() > 1) {
      return pos.get(1);
    }
    call.problem(
        line(),
        "var('"
            + name
            + "') is not set: add it under 'vars:' in the project file, pass --vars, or give a default");
    return "";
  }

  public static Object env_var(Object... args) {
    RenderCall call = RenderCall.current();
    List<Object> pos = positional(args);
    if (pos.isEmpty()) {
      call.problem(line(), "env_var() needs a variable name");
      return "";
    }
    String name = String.valueOf(pos.get(0));
    String v = call.env.get(name);
    call.envRead.put(name, v);
    if (v != null) {
      return v;
    }
    if (pos.size() > 1) {
      return pos.get(1);
    }
    call.problem(
        line(), "environment variable " + name + " is not set and env_var() gives no default");
    return "";
  }

  public static boolean is_incremental() {
    return RenderCall.current().request.incremental();
  }

  public static String doc(Object... args) {
    RenderCall call = RenderCall.current();
    List<Object> pos = positional(args);
    String name = pos.isEmpty() ? "" : String.valueOf(pos.get(pos.size() - 1));
    String text = call.project.docs().get(name);
    if (text == null) {
      call.problem(line(), "doc('" + name + "') matches no {% docs %} block");
      return "";
    }
    return text;
  }

  public static String log(Object... args) {
    return "";
  }
}
