package dev.sluice.core.parse;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function written in Java that templates call like a macro, with Python's positional and named
 * arguments: {@code adapter.dispatch('x', macro_namespace='y')}.
 */
final class JavaCallable extends AbstractCallableMethod {
  /** The body: the declared arguments by name (defaults filled in), extra named ones, the rest. */
  interface Body {
    Object apply(Map<String, Object> args, Map<String, Object> kwargs, List<Object> rest);
  }

  private final Body body;

  JavaCallable(String name, Body body, Object... namesAndDefaults) {
    super(name, arguments(namesAndDefaults));
    this.body = body;
  }

  private static LinkedHashMap<String, Object> arguments(Object[] namesAndDefaults) {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndDefaults.length; i += 2) {
      m.put((String) namesAndDefaults[i], namesAndDefaults[i + 1]);
    }
    return m;
  }

  @Override
  public Object doEvaluate(
      Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
    return body.apply(argMap, kwargMap, varArgs);
  }
}
