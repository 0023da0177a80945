package dev.sluice.core.parse;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;

/**
 * The Python methods dbt code calls on strings, lists and dicts ({@code name.lower()}, {@code
 * s.startswith('x')}, {@code d.pop('k')}), and attribute access on {@link PyObject}s. Jinjava
 * resolves Java methods only; this resolver runs before its own.
 */
final class PythonMethods extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    base = unwrapped(base);
    if (base instanceof PyObject p
        && property != null
        && !(property instanceof Number && base instanceof List)) {
      Object v = p.attr(property.toString());
      if (v != PyObject.MISSING) {
        context.setPropertyResolved(true);
        return v;
      }
    } else if (base instanceof String s && index(property) != null) {
      // Jinjava hands the index over as text: 'abc'[0] arrives as ("abc", "0")
      int n = index(property);
      int i = n < 0 ? s.length() + n : n;
      context.setPropertyResolved(true);
      return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : null;
    }
    return null;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    if (base == null || method == null) {
      return null;
    }
    base = unwrapped(base);
    String name = method.toString();
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    if (params != null) {
      for (Object p : params) {
        if (p instanceof NamedParameter np) {
          kwargs.put(np.getName(), np.getValue());
        } else {
          args.add(p);
        }
      }
    }
    try {
      Object out = PyMethod.NONE;
      if (base instanceof PyObject p) {
        out = p.call(name, args, kwargs);
      } else if (base instanceof String s) {
        out = PyStrings.call(s, name, args, kwargs);
      } else if (base instanceof Map<?, ?> m) {
        out = PyCollections.callMap(m, name, args);
      } else if (base instanceof List<?> l) {
        out = PyCollections.callList(l, name, args);
      } else if (base instanceof java.util.Set<?> st) {
        out = PyCollections.callSet(st, name, args);
      }
      if (out == PyMethod.NONE) {
        return null;
      }
      context.setPropertyResolved(true);
      return out;
    } catch (TemplateStop | MacroReturn e) {
      // Jinjava passes these on only when wrapped as the cause of an ELException
      throw new ELException(e.getMessage(), e);
    }
  }

  private static Integer index(Object property) {
    if (property instanceof Number n) {
      return n.intValue();
    }
    if (property instanceof String p && p.matches("-?[0-9]{1,9}")) {
      return Integer.parseInt(p);
    }
    return null;
  }

  /**
   * Jinjava wraps every list a variable holds in its own list type; a list that is also a {@link
   * PyObject} (a query's rows and columns) keeps answering to its attributes and methods.
   */
  private static Object unwrapped(Object base) {
    if (base instanceof com.hubspot.jinjava.objects.collections.PyList l
        && l.toList() instanceof PyObject p) {
      return p;
    }
    return base;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  /** Marks a method a Python type does not have here, so Jinjava's own resolvers try next. */
  enum PyMethod {
    NONE
  }
}
