package dev.sluice.core.plan;

/** A selector that cannot be read or matches nothing. */
public final class SelectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SelectorException(String message) {
    super(message);
  }
}
