package dev.sluice.core.parse;

import com.hubspot.jinjava.interpret.CollectionTooBigException;

/**
 * Ends a rendering with a message: {@code exceptions.raise_compiler_error}, a construct Sluice does
 * not support yet, or a wrong call into a dbt object. Jinjava lets few exceptions through its
 * expression evaluator; this one extends the kind it re-throws, so the message reaches the user
 * instead of being logged and skipped.
 */
final class TemplateStop extends CollectionTooBigException {
  private final String text;

  TemplateStop(String text) {
    super(0, 0);
    this.text = text;
    RenderCall call = RenderCall.currentOrNull();
    if (call != null) {
      call.stop(text); // Jinjava may swallow this exception: the message is kept all the same
    }
  }

  static TemplateStop unsupported(String construct) {
    return new TemplateStop(construct + " is not supported yet");
  }

  @Override
  public String getMessage() {
    return text;
  }

  /** The stop somewhere in a chain of causes, or null. */
  static TemplateStop in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TemplateStop s) {
        return s;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
