package dev.sluice.core.parse;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/** The line Jinjava is rendering now, 0 when none. */
record JinjavaLine(int line) {
  static JinjavaLine now() {
    JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
    return new JinjavaLine(in == null ? 0 : Math.max(in.getLineNumber(), 0));
  }
}
