package dev.sluice.core.load;

/** A load failed; the message names the source, the table and, for files, the line. */
public final class LoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public LoadException(String message) {
    super(dev.sluice.core.safety.Secrets.mask(message));
  }

  public LoadException(String message, Throwable cause) {
    super(dev.sluice.core.safety.Secrets.mask(message), cause);
  }
}
