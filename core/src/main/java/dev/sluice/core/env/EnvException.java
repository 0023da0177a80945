package dev.sluice.core.env;

/** A plan, promotion or rollback that could not be done; the environments are as they were. */
public final class EnvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnvException(String message) {
    super(message);
  }
}
