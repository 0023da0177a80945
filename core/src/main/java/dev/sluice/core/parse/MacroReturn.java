package dev.sluice.core.parse;

import com.hubspot.jinjava.interpret.CollectionTooBigException;

/**
 * dbt's {@code return(value)}: ends the macro in progress, which then evaluates to the value
 * instead of to its rendered text. Thrown through Jinjava's nodes as {@link TemplateStop} is.
 */
final class MacroReturn extends CollectionTooBigException {
  final transient Object value;

  MacroReturn(Object value) {
    super(0, 0);
    this.value = value;
  }

  @Override
  public String getMessage() {
    return "return() outside a macro";
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // control flow, not an error: no stack to record
  }

  static MacroReturn in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof MacroReturn r) {
        return r;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
