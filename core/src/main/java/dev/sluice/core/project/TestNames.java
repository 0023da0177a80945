package dev.sluice.core.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Names generic tests the way dbt does, e.g. {@code not_null_orders_id}, so results read alike. */
final class TestNames {
  private static final int MAX = 120;

  private TestNames() {}

  static String generic(Node target, Properties.TestDeclaration d) {
    StringBuilder sb = new StringBuilder();
    if (target instanceof SourceTable s) {
      sb.append("source_")
          .append(d.testName())
          .append('_')
          .append(s.sourceName())
          .append('_')
          .append(s.name());
    } else {
      sb.append(d.testName()).append('_').append(target.name());
    }
    if (d.column() != null) {
      // the name becomes a file name under target/compiled: no '/', '..' or other path syntax
      sb.append('_').append(clean(d.column()));
    }
    for (Map.Entry<String, Object> e : d.arguments().entrySet()) {
      if (e.getKey().equals("column_name") || e.getKey().equals("quote_column")) {
        continue;
      }
      Object v = e.getValue();
      if (v instanceof java.util.Collection<?> c) {
        c.forEach(x -> sb.append("__").append(clean(String.valueOf(x))));
      } else {
        sb.append("__").append(clean(String.valueOf(v)));
      }
    }
    String name = sb.toString();
    if (name.length() > MAX) {
      name = name.substring(0, MAX - 33) + "_" + md5(name);
    }
    return name;
  }

  private static String clean(String s) {
    return s.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
  }

  private static String md5(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
