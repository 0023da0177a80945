package dev.sluice.core.spi;

/** A load failed; the message names the source, the table and, for files, the line. */
public final class LoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public LoadException(String message) {
    super(dev.sluice.core.spi.Secrets.mask(message));
  }

  public LoadException(String message, Throwable cause) {
    super(dev.sluice.core.spi.Secrets.mask(message), cause);
  }
}
