package dev.sluice.bench.scale;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The raw baseline of a preview: a JVM that opens the DuckDB file with streamed results, reads the
 * first N rows of a query and prints them as CSV. Arguments: the DuckDB file, the query, N.
 */
public final class RawQuery {
  private RawQuery() {}

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.setProperty("jdbc_stream_results", "true");
    int n = Integer.parseInt(args[2]);
    PrintWriter out = new PrintWriter(System.out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], props);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(args[1])) {
      int cols = rs.getMetaData().getColumnCount();
      for (int row = 0; row < n && rs.next(); row++) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= cols; i++) {
          line.append(i > 1 ? "," : "").append(rs.getObject(i));
        }
        out.println(line);
      }
    }
    out.flush();
  }
}
