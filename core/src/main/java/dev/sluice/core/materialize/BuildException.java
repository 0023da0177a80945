package dev.sluice.core.materialize;

/** A node failed to build; the message says which and why, in the warehouse's words. */
public final class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }

  public BuildException(String message) {
    super(message);
  }
}
