package dev.sluice.core.parse;

import com.hubspot.jinjava.interpret.Context;

/**
 * The scope of one rendering. It notes when the template, or a macro it calls, reads {@code
 * run_started_at}, so that a cache never keeps what printed the time of one process.
 */
final class RenderScope extends Context {
  private final RenderCall call;

  RenderScope(Context parent, RenderCall call) {
    super(parent);
    this.call = call;
  }

  @Override
  public Object get(Object key) {
    if ("run_started_at".equals(key)) {
      call.clockRead = true;
    }
    return super.get(key);
  }
}
