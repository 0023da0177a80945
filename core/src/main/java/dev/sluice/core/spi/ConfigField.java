package dev.sluice.core.spi;

/**
 * One setting of a connector, described for a form.
 *
 * @param secret shown masked, and written to files only as {@code ${env:VAR}}
 * @param defaultValue null when there is none
 */
public record ConfigField(
    String name, Type type, boolean required, boolean secret, String defaultValue, String help) {

  public enum Type {
    TEXT,
    INTEGER,
    BOOLEAN,
    PATH,
    URL,
    MAP
  }

  public static ConfigField required(String name, Type type, String help) {
    return new ConfigField(name, type, true, false, null, help);
  }

  public static ConfigField optional(String name, Type type, String defaultValue, String help) {
    return new ConfigField(name, type, false, false, defaultValue, help);
  }

  public static ConfigField secret(String name, String help) {
    return new ConfigField(name, Type.TEXT, false, true, null, help);
  }
}
