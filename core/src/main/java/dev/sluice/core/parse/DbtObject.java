package dev.sluice.core.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named bag of attributes that templates reach with a dot ({@code adapter.quote}, {@code
 * dbt_utils.star}). An attribute it lacks stops the rendering with a message naming it, instead of
 * Jinjava's silent empty value.
 */
final class DbtObject implements PyObject {
  private final String name;
  private final Map<String, Object> attrs = new LinkedHashMap<>();
  private final String missing;

  /**
   * @param missing what follows the attribute's name in the message for one it lacks
   */
  DbtObject(String name, String missing) {
    this.name = name;
    this.missing = missing;
  }

  DbtObject put(String attr, Object value) {
    attrs.put(attr, value);
    return this;
  }

  DbtObject fn(String attr, JavaCallable.Body body, Object... namesAndDefaults) {
    return put(attr, new JavaCallable(attr, body, namesAndDefaults));
  }

  boolean has(String attr) {
    return attrs.containsKey(attr);
  }

  Object get(String attr) {
    return attrs.get(attr);
  }

  @Override
  public Object attr(String attr) {
    if (attrs.containsKey(attr)) {
      return attrs.get(attr);
    }
    throw new TemplateStop(name + "." + attr + " " + missing);
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
