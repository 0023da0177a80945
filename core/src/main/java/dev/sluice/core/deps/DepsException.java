package dev.sluice.core.deps;

/**
 * Installing packages failed. The message names the package and, for network failures, the URL;
 * nothing in {@code dbt_packages/} was changed.
 */
public final class DepsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DepsException(String message) {
    super(message);
  }

  public DepsException(String message, Throwable cause) {
    super(message, cause);
  }
}
