package dev.sluice.core.edit;

/**
 * An edit Sluice will not make by itself: it says why and what to do instead (often: edit the SQL
 * by hand).
 */
public final class EditRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public EditRefusedException(String message) {
    super(message);
  }
}
