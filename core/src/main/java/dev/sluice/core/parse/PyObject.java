package dev.sluice.core.parse;

import java.util.List;
import java.util.Map;

/**
 * A value that templates use as Python code would: attributes and methods by name. The dbt objects
 * ({@code adapter}, {@code modules.datetime}, query results) implement it.
 */
interface PyObject {
  /** Marks an attribute this object does not have. */
  Object MISSING = new Object();

  /** The attribute's value, or {@link #MISSING}. */
  Object attr(String name);

  /** Calls a method; throws {@link TemplateStop} with a message for one it does not have. */
  default Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    Object a = attr(method);
    if (a instanceof com.hubspot.jinjava.el.ext.AbstractCallableMethod c) {
      List<Object> all = new java.util.ArrayList<>(args);
      kwargs.forEach((k, v) -> all.add(new com.hubspot.jinjava.el.ext.NamedParameter(k, v)));
      return c.evaluate(all.toArray());
    }
    throw TemplateStop.unsupported(describe() + "." + method + "()");
  }

  /** How messages name this object, such as {@code adapter}. */
  String describe();
}
