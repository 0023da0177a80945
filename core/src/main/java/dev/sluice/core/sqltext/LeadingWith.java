package dev.sluice.core.sqltext;

import java.util.List;
import java.util.Optional;

/**
 * The {@code with} a query starts with, read past white space and SQL comments: where it is,
 * whether it is {@code with recursive}, and where its first common table expression begins. A
 * {@code with} inside a comment or a string is not one.
 *
 * @param prefix the comments and white space before {@code with}, kept as written
 * @param recursive the text from after {@code with} to the end of {@code recursive} (for example
 *     {@code " RECURSIVE"}), or empty
 * @param end where {@code with} (or {@code recursive}) ends
 * @param bodyStart where the first common table expression starts (after the white space that
 *     follows {@code with} or {@code recursive})
 */
public record LeadingWith(String prefix, String recursive, int end, int bodyStart) {

  /** The leading {@code with} of {@code sql}, or empty when it does not start with one. */
  public static Optional<LeadingWith> of(String sql) {
    List<SqlToken> tokens = SqlTokens.of(sql);
    int k = skipTrivia(tokens, 0);
    if (k >= tokens.size() || !tokens.get(k).isWord(sql, "with")) {
      return Optional.empty();
    }
    String prefix = sql.substring(0, tokens.get(k).start());
    int afterWith = tokens.get(k).end();
    int next = skipTrivia(tokens, k + 1);
    String recursive = "";
    int end = afterWith;
    int bodyStart = next < tokens.size() ? tokens.get(next).start() : sql.length();
    if (next < tokens.size() && tokens.get(next).isWord(sql, "recursive")) {
      recursive = sql.substring(afterWith, tokens.get(next).end());
      end = tokens.get(next).end();
      int body = skipTrivia(tokens, next + 1);
      bodyStart = body < tokens.size() ? tokens.get(body).start() : sql.length();
    }
    return Optional.of(new LeadingWith(prefix, recursive, end, bodyStart));
  }

  private static int skipTrivia(List<SqlToken> tokens, int k) {
    while (k < tokens.size() && tokens.get(k).isTrivia()) {
      k++;
    }
    return k;
  }
}
