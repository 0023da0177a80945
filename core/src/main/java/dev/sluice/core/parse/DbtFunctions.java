package dev.sluice.core.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The dbt functions beyond ref/source/config: {@code return}, calling a call's result, {@code zip},
 * JSON and YAML, {@code local_md5}, {@code run_query}, {@code statement} and {@code load_result}.
 */
public final class DbtFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private DbtFunctions() {}

  /** {@code return(value)}: ends the macro in progress with that value. */
  public static Object dbt_return(Object... args) {
    Object value = args.length == 0 ? null : args[0];
    RenderCall call = RenderCall.currentOrNull();
    if (call != null && !call.frames.isEmpty()) {
      RenderCall.Frame f = call.frames.peek();
      if (!f.returned) {
        f.returned = true;
        f.value = value;
      }
    }
    throw new MacroReturn(value);
  }

  /** {@code f(a)(b)}, which {@link JinjaRewrite} turns into {@code sluice_call(f(a), b)}. */
  public static Object sluice_call(Object... args) {
    if (args.length == 0 || !(args[0] instanceof AbstractCallableMethod fn)) {
      throw new TemplateStop(
          "calling the result of a call needs a macro, not "
              + (args.length == 0 || args[0] == null
                  ? "none"
                  : args[0].getClass().getSimpleName()));
    }
    List<Object> rest = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      // f(a, **kwargs), which Jinjava cannot write, arrives as sluice_kwargs=kwargs
      if (args[i] instanceof NamedParameter p
          && p.getName().equals("sluice_kwargs")
          && p.getValue() instanceof java.util.Map<?, ?> m) {
        m.forEach((k, v) -> rest.add(new NamedParameter(String.valueOf(k), v)));
      } else {
        rest.add(args[i]);
      }
    }
    return fn.evaluate(rest.toArray());
  }

  /** Renders text that holds Jinja, such as a generic test's argument, in the current context. */
  public static Object sluice_render(Object... args) {
    String text = args.length == 0 || args[0] == null ? "" : args[0].toString();
    JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
    return in == null || !text.contains("{") ? text : in.render(JinjaRewrite.of(text));
  }

  /** A dict literal with computed keys, which {@link JinjaRewrite} writes as a call. */
  public static Object sluice_dict(Object... args) {
    java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      out.put(args[i] == null ? null : args[i].toString(), args[i + 1]);
    }
    return out;
  }

  public static Object zip(Object... args) {
    List<List<Object>> lists = new ArrayList<>();
    for (Object a : args) {
      List<Object> l = new ArrayList<>();
      if (a instanceof Iterable<?> it) {
        it.forEach(l::add);
      }
      lists.add(l);
    }
    List<Object> out = new ArrayList<>();
    int n = lists.stream().mapToInt(List::size).min().orElse(0);
    for (int i = 0; i < n; i++) {
      List<Object> t = new ArrayList<>();
      for (List<Object> l : lists) {
        t.add(l.get(i));
      }
      out.add(t);
    }
    return out;
  }

  public static Object tojson(Object... args) {
    try {
      return JSON.writeValueAsString(args.length == 0 ? null : args[0]);
    } catch (Exception e) {
      throw new TemplateStop("tojson() cannot write this value: " + e.getMessage());
    }
  }

  public static Object fromjson(Object... args) {
    try {
      return JSON.readValue(String.valueOf(args[0]), Object.class);
    } catch (Exception e) {
      throw new TemplateStop("fromjson() cannot read this text: " + e.getMessage());
    }
  }

  public static Object toyaml(Object... args) {
    try {
      return YAML.writeValueAsString(args.length == 0 ? null : args[0])
          .replaceFirst("^---\\s*\n", "");
    } catch (Exception e) {
      throw new TemplateStop("toyaml() cannot write this value: " + e.getMessage());
    }
  }

  public static Object fromyaml(Object... args) {
    try {
      return YAML.readValue(String.valueOf(args[0]), Object.class);
    } catch (Exception e) {
      throw new TemplateStop("fromyaml() cannot read this text: " + e.getMessage());
    }
  }

  public static Object local_md5(Object... args) {
    try {
      byte[] d =
          MessageDigest.getInstance("MD5")
              .digest(String.valueOf(args[0]).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * dbt's {@code set()} of an iterable: a set, so that two of them compare equal whatever order
   * their items came in (dbt_utils' equality test compares the column sets of two tables). It
   * iterates in the order items were first added, so the SQL built from one stays stable.
   */
  public static Object set(Object... args) {
    java.util.LinkedHashSet<Object> s = new java.util.LinkedHashSet<>();
    if (args.length > 0 && args[0] instanceof Iterable<?> it) {
      it.forEach(s::add);
    }
    return s;
  }

  public static Object print(Object... args) {
    return "";
  }

  /** {@code run_query(sql)}: the rows of a query; none while the project is only being parsed. */
  public static Object run_query(Object... args) {
    RenderCall call = RenderCall.current();
    return call.engine.queries().run(call, String.valueOf(args.length == 0 ? "" : args[0]));
  }

  /**
   * {@code {% call statement('main', fetch_result=True) %} sql {% endcall %}}: runs the block's SQL
   * and keeps the result for {@code load_result('main')}.
   */
  public static Object statement(Object... args) {
    RenderCall call = RenderCall.current();
    String name = "statement";
    boolean fetch = false;
    List<Object> positional = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof NamedParameter p) {
        if (p.getName().equals("name")) {
          name = String.valueOf(p.getValue());
        } else if (p.getName().equals("fetch_result")) {
          fetch = Boolean.TRUE.equals(p.getValue());
        }
      } else {
        positional.add(a);
      }
    }
    if (!positional.isEmpty()) {
      name = String.valueOf(positional.get(0));
    }
    if (positional.size() > 1) {
      fetch = Boolean.TRUE.equals(positional.get(1));
    }
    JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
    AbstractCallableMethod caller = in.getContext().getGlobalMacro("caller");
    String sql = caller == null ? "" : String.valueOf(caller.evaluate());
    Object table = call.engine.queries().run(call, sql);
    java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
    result.put("data", table instanceof QueryResult q ? q.data() : List.of());
    result.put("table", fetch ? table : null);
    result.put("response", "OK");
    call.statements.put(name, result);
    return "";
  }

  public static Object load_result(Object... args) {
    RenderCall call = RenderCall.current();
    return call.statements.get(String.valueOf(args.length == 0 ? "" : args[0]));
  }
}
