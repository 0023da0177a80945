package dev.sluice.core.warehouse;

/** The warehouse could not be opened or used; the message says why and what to do. */
public final class WarehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  public WarehouseException(String message) {
    super(message);
  }
}
