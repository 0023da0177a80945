package dev.sluice.core.parse;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;

/** Jinjava's own resolvers, with one that knows Python's methods in front of them. */
final class PythonResolvers {
  private PythonResolvers() {}

  static ELResolver withDefaults(ELResolver first) {
    CompositeELResolver all = new CompositeELResolver();
    all.add(first);
    all.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
    return all;
  }
}
