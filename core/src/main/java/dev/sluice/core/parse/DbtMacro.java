package dev.sluice.core.parse;

import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A macro as dbt runs it: it evaluates to the value given to {@code return()} when there is one,
 * else to its rendered text, and it knows the package and file it comes from, for messages.
 */
final class DbtMacro extends MacroFunction {
  private final String packageName;
  private final Path file;

  DbtMacro(MacroFunction source, String packageName, Path file) {
    super(source, source.getName());
    this.packageName = packageName;
    this.file = file;
  }

  String packageName() {
    return packageName;
  }

  Path file() {
    return file;
  }

  @Override
  public Object doEvaluate(
      Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
    RenderCall call = RenderCall.currentOrNull();
    RenderCall.Frame frame = new RenderCall.Frame(this);
    if (call != null) {
      call.frames.push(frame);
    }
    try {
      Object text = super.doEvaluate(argMap, kwargMap, varArgs);
      return frame.returned ? frame.value : text;
    } catch (RuntimeException e) {
      MacroReturn r = MacroReturn.in(e);
      if (r != null && TemplateStop.in(e) == null) {
        return r.value;
      }
      throw e;
    } finally {
      if (call != null) {
        call.frames.pop();
      }
    }
  }
}
