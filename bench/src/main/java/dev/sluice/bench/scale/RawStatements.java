package dev.sluice.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;

/**
 * The raw baseline of a run: a JVM that opens the DuckDB file and executes the same statements,
 * nothing else. Arguments: the DuckDB file, a file of statements separated by a line holding {@code
 * ;;}, and optionally a number of connections and a batch size: then each batch of that many
 * statements (one layer of the DAG, which depends only on the batches before it) is spread over the
 * connections, as a run with that many threads could at best.
 */
public final class RawStatements {
  private RawStatements() {}

  public static void main(String[] args) throws Exception {
    String[] statements = Files.readString(Path.of(args[1])).split("\n;;\n");
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : statements.length;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      if (connections == 1) {
        try (Statement st = c.createStatement()) {
          for (String s : statements) {
            if (!s.isBlank()) {
              st.execute(s);
            }
          }
        }
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(connections);
      try {
        for (int from = 0; from < statements.length; from += batch) {
          List<Future<?>> layer = new ArrayList<>();
          int to = Math.min(statements.length, from + batch);
          for (int t = 0; t < connections; t++) {
            int first = from + t;
            layer.add(
                pool.submit(
                    () -> {
                      try (Connection mine = ((DuckDBConnection) c).duplicate();
                          Statement st = mine.createStatement()) {
                        for (int i = first; i < to; i += connections) {
                          if (!statements[i].isBlank()) {
                            st.execute(statements[i]);
                          }
                        }
                      }
                      return null;
                    }));
          }
          for (Future<?> f : layer) {
            f.get();
          }
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
