package dev.sluice.core.spi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secret values this process has seen, and a mask for any text that is about to leave it.
 *
 * <p>A value is a secret when it came from {@code ${env:VAR}} in a source's settings, or from a
 * setting a connector marks secret or whose name says it is one ({@code password}, {@code token},
 * {@code api_key}, ...). Messages, URLs, logs, run history, artifacts and exports pass through
 * {@link #mask(String)}, so a failing request prints {@code api_key=****}, not the key.
 */
public final class Secrets {
  public static final String MASK = "****";

  /** Shorter values would mask ordinary words and numbers; a real secret is longer. */
  static final int MIN_LENGTH = 4;

  /**
   * A setting's name (its last part) that says it holds a secret: {@code password}, {@code
   * api_key}, {@code access_token}, {@code Authorization}; not {@code token_param} or {@code
   * next_token_path}, which name where a token goes.
   */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?:^|.*[_.\\-])(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key"
              + "|private[_-]?key|authorization|credentials?)$");

  private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
  private static volatile List<String> longestFirst = List.of();

  private Secrets() {}

  /** Remembers a secret value (and its URL-encoded form, as it appears in query strings). */
  public static void remember(String value) {
    if (value == null || value.strip().length() < MIN_LENGTH) {
      return;
    }
    boolean changed = VALUES.add(value);
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    changed |= VALUES.add(encoded);
    changed |= VALUES.add(encoded.replace("+", "%20"));
    if (changed) {
      longestFirst =
          VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
  }

  /** Whether a setting of this name holds a secret: password, token, api_key and the like. */
  public static boolean isSecretName(String key) {
    return key != null && SECRET_NAME.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether this process has seen any secret value yet. */
  public static boolean any() {
    return !longestFirst.isEmpty();
  }

  /** The text with every known secret replaced by {@value #MASK}; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : longestFirst) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
