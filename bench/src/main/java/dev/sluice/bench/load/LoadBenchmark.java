package dev.sluice.bench.load;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/bench load postgres|mariadb|csv [RUNS]}: a 1,000,000-row PostgreSQL or MariaDB table
 * loaded into DuckDB next to the database's own client writing into a named pipe that {@code
 * read_csv} reads, and a 1 GB CSV file loaded by Sluice next to DuckDB's own {@code read_csv} on
 * the same file. Runs alternate, and each line gives the best and the median of each side, their
 * ratios and the load average. Needs PostgreSQL on 127.0.0.1:5432 (trust auth, database test) or
 * MariaDB on 127.0.0.1:3306 (root, database test); everything it makes is dropped or deleted at the
 * end.
 */
public final class LoadBenchmark {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final int PG_ROWS = 1_000_000;
  private static final long CSV_BYTES = 1_000_000_000L;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("load average at start: " + loadAverage());
    try {
      run(args);
    } finally {
      System.out.println("load average at end: " + loadAverage());
    }
  }

  /** The 1, 5 and 15 minute load averages (and running/all tasks), to read the figures with. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length > 0
        && (args[0].equals("cdc") || args[0].equals("mysql-cdc") || args[0].equals("nats"))) {
      StreamLoadBenchmark.main(args); // change data capture and streaming, beside raw readers
      return;
    }
    // bin/bench load postgres|mariadb|csv [RUNS]: alternating runs of Sluice and the raw baseline
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean csvOnly = args.length > 0 && args[0].equals("csv");
    boolean pgOnly = args.length > 0 && args[0].equals("postgres");
    if (args.length > 0 && args[0].equals("mariadb")) {
      Path dir = Files.createTempDirectory("sluice-load-bench");
      try {
        mariadb(dir, runs);
      } finally {
        delete(dir);
      }
      return;
    }
    Path dir = Files.createTempDirectory("sluice-load-bench");
    try {
      if (!csvOnly) {
        postgres(dir, runs);
      }
      if (!pgOnly) {
        csv(dir, runs);
      }
    } finally {
      delete(dir);
    }
  }

  private static void postgres(Path dir, int runs) throws Exception {
    sql(
        "drop schema if exists sluice_bench cascade",
        "create schema sluice_bench",
        "create table sluice_bench.big as select g as id, 'customer-' || g as name,"
            + " ((g % 100000) / 100.0)::numeric(12,2) as amount,"
            + " timestamp '2026-01-01' + g * interval '1 second' as created_at,"
            + " case when g % 7 = 0 then null else g % 1000 end as maybe_int,"
            + " case when g % 5 = 0 then null else 'note ' || (g % 97) end as maybe_text"
            + " from generate_series(1, "
            + PG_ROWS
            + ") g",
        "analyze sluice_bench.big");
    Files.writeString(dir.resolve("sluice.yml"), "name: load_bench\n");
    Files.createDirectories(dir.resolve("sources"));
    Files.writeString(
        dir.resolve("sources/pg.yml"),
        """
        sources:
          - name: pg
            connector: postgres
            schema: raw_pg
            connection: {host: 127.0.0.1, port: 5432, database: test, user: postgres, schema: sluice_bench}
            tables:
              - {name: big, write_disposition: replace}
        """);
    SourceTable table = new ProjectLoader(Map.of()).load(dir).source("pg", "big").orElseThrow();
    try (Warehouse w = DuckDbWarehouse.open(dir.resolve("pg.duckdb").toString())) {
      SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
      long[] sluice = new long[runs];
      long[] raw = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        LoadReport r = loader.load(table, new LoadOptions("bench", true));
        long t = System.nanoTime() - t0;
        if (r.rowsLoaded() != PG_ROWS) {
          throw new IllegalStateException(
              "loaded " + r.rowsLoaded() + " rows, expected " + PG_ROWS);
        }
        System.out.printf(Locale.ROOT, "  postgres run %d: %.2f s%n", i + 1, t / 1e9);
        sluice[i] = t;
        long r0 = System.nanoTime();
        pipe(w, dir);
        long rt = System.nanoTime() - r0;
        System.out.printf(
            Locale.ROOT, "  psql \\copy | read_csv run %d: %.2f s%n", i + 1, rt / 1e9);
        raw[i] = rt;
      }
      compare(
          "PostgreSQL -> DuckDB, " + PG_ROWS + " rows (6 columns)",
          sluice,
          "raw: psql \\copy to stdout into read_csv (FIFO)",
          raw,
          PG_ROWS);
    } finally {
      sql("drop schema if exists sluice_bench cascade");
    }
  }

  /**
   * The raw baseline: {@code psql \copy ... to stdout} writing CSV into a named pipe that DuckDB's
   * {@code read_csv} reads at the same time, into a table of the same warehouse.
   */
  private static void pipe(Warehouse w, Path dir) throws Exception {
    Path fifo = dir.resolve("pg.fifo");
    Files.deleteIfExists(fifo);
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
      throw new IllegalStateException("mkfifo failed");
    }
    // the shell opens the pipe: opening it here would wait for a reader that is not there yet
    Process psql =
        new ProcessBuilder(
                "sh",
                "-c",
                "psql -h 127.0.0.1 -U postgres -d test -c"
                    + " '\\copy sluice_bench.big to stdout with csv header' > '"
                    + fifo
                    + "'")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (Connection c = w.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "create or replace table raw_pipe as select * from read_csv('"
              + fifo
              + "', header = true, auto_detect = true)");
      st.execute("drop table raw_pipe");
    }
    if (psql.waitFor() != 0) {
      throw new IllegalStateException("psql failed");
    }
    Files.deleteIfExists(fifo);
  }

  /**
   * MariaDB on 127.0.0.1:3306 (root, database test) into DuckDB, beside {@code mariadb --batch}
   * writing tab-separated rows into a named pipe that {@code read_csv} reads meanwhile.
   */
  private static void mariadb(Path dir, int runs) throws Exception {
    String url = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("drop table if exists sluice_bench_big");
      st.execute(
          "create table sluice_bench_big as select seq as id, concat('customer-', seq) as name,"
              + " cast((seq % 100000) / 100.0 as decimal(12,2)) as amount,"
              + " timestamp '2026-01-01 00:00:00' + interval seq second as created_at,"
              + " case when seq % 7 = 0 then null else seq % 1000 end as maybe_int,"
              + " case when seq % 5 = 0 then null else concat('note ', seq % 97) end as maybe_text"
              + " from seq_1_to_"
              + PG_ROWS);
    }
    Files.writeString(dir.resolve("sluice.yml"), "name: load_bench\n");
    Files.createDirectories(dir.resolve("sources"));
    Files.writeString(
        dir.resolve("sources/my.yml"),
        """
        sources:
          - name: my
            connector: mysql
            schema: raw_my
            connection: {host: 127.0.0.1, port: 3306, database: test, user: root}
            tables:
              - {name: sluice_bench_big, write_disposition: replace}
        """);
    SourceTable table =
        new ProjectLoader(Map.of()).load(dir).source("my", "sluice_bench_big").orElseThrow();
    try (Warehouse w = DuckDbWarehouse.open(dir.resolve("my.duckdb").toString())) {
      SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
      long[] sluice = new long[runs];
      long[] raw = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        LoadReport r = loader.load(table, new LoadOptions("bench", true));
        long t = System.nanoTime() - t0;
        if (r.rowsLoaded() != PG_ROWS) {
          throw new IllegalStateException(
              "loaded " + r.rowsLoaded() + " rows, expected " + PG_ROWS);
        }
        System.out.printf(Locale.ROOT, "  mariadb run %d: %.2f s%n", i + 1, t / 1e9);
        sluice[i] = t;
        Path fifo = dir.resolve("my.fifo");
        Files.deleteIfExists(fifo);
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        long r0 = System.nanoTime();
        Process batch =
            new ProcessBuilder(
                    "sh",
                    "-c",
                    "mariadb --batch -h 127.0.0.1 -u root test -e 'select * from sluice_bench_big' > '"
                        + fifo
                        + "'")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (Connection c = w.connect();
            Statement st = c.createStatement()) {
          st.execute(
              "create or replace table raw_pipe as select * from read_csv('"
                  + fifo
                  + "', header = true, delim = '\\t', nullstr = 'NULL', auto_detect = true)");
          st.execute("drop table raw_pipe");
        }
        batch.waitFor();
        long rt = System.nanoTime() - r0;
        System.out.printf(
            Locale.ROOT, "  mariadb --batch | read_csv run %d: %.2f s%n", i + 1, rt / 1e9);
        raw[i] = rt;
      }
      compare(
          "MariaDB -> DuckDB, " + PG_ROWS + " rows (6 columns)",
          sluice,
          "raw: mariadb --batch into read_csv (FIFO)",
          raw,
          PG_ROWS);
    } finally {
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute("drop table if exists sluice_bench_big");
      }
    }
  }

  private static void csv(Path dir, int runs) throws Exception {
    Path file = dir.resolve("big.csv");
    long rows;
    try (Warehouse w = DuckDbWarehouse.open(":memory:");
        Connection c = w.connect();
        Statement st = c.createStatement()) {
      long n = CSV_BYTES / 82; // about 82 bytes a row
      st.execute(
          "copy (select i as id, 'customer-' || i as name, round(random() * 1000, 2) as amount,"
              + " timestamp '2026-01-01' + to_seconds(i) as created_at,"
              + " case when i % 7 = 0 then null else i % 1000 end as maybe_int,"
              + " case when i % 5 = 0 then null else 'a note about order number ' || i end as maybe_text"
              + " from range("
              + n
              + ") t(i)) to '"
              + file
              + "' (header, delimiter ',')");
      rows = n;
    }
    System.out.printf(
        Locale.ROOT,
        "  generated %s: %.2f GB, %,d rows%n",
        file.getFileName(),
        Files.size(file) / 1e9,
        rows);
    Files.writeString(dir.resolve("sluice.yml"), "name: load_bench\n");
    Files.createDirectories(dir.resolve("sources"));
    Files.writeString(
        dir.resolve("sources/files.yml"),
        """
        sources:
          - name: files
            connector: files
            schema: raw_files
            tables:
              - {name: big, path: big.csv}
        """);
    SourceTable table = new ProjectLoader(Map.of()).load(dir).source("files", "big").orElseThrow();
    long[] sluice = new long[runs];
    long[] duck = new long[runs];
    long[] stamped = new long[runs];
    for (int i = 0; i < runs; i++) {
      Path db = dir.resolve("csv.duckdb");
      try (Warehouse w = DuckDbWarehouse.open(db.toString());
          Connection c = w.connect();
          Statement st = c.createStatement()) {
        long t0 = System.nanoTime();
        st.execute(
            "create table plain as select * from read_csv('"
                + file
                + "', header = true, auto_detect = true)");
        long t = System.nanoTime() - t0;
        duck[i] = t;
        System.out.printf(Locale.ROOT, "  duckdb read_csv run %d: %.2f s%n", i + 1, t / 1e9);
        // what the raw table holds beyond the file: its name and the load's id and time per row
        t0 = System.nanoTime();
        st.execute(
            "create table plain_stamped as select *, 'big.csv' as _sluice_file,"
                + " 'a1b2c3d4-0000-4000-8000-000000000000' as _sluice_load_id,"
                + " current_timestamp::timestamp as _sluice_loaded_at from read_csv('"
                + file
                + "', header = true, auto_detect = true)");
        t = System.nanoTime() - t0;
        stamped[i] = t;
        System.out.printf(
            Locale.ROOT, "  duckdb read_csv + 3 load columns run %d: %.2f s%n", i + 1, t / 1e9);
        SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
        t0 = System.nanoTime();
        LoadReport r = loader.load(table, new LoadOptions("bench", true));
        t = System.nanoTime() - t0;
        if (r.rowsLoaded() != rows) {
          throw new IllegalStateException("loaded " + r.rowsLoaded() + " rows, expected " + rows);
        }
        sluice[i] = t;
        System.out.printf(Locale.ROOT, "  sluice load run %d: %.2f s%n", i + 1, t / 1e9);
      }
      Files.deleteIfExists(db);
      Files.deleteIfExists(dir.resolve("csv.duckdb.wal"));
    }
    compare("Sluice files load, 1 GB CSV", sluice, "DuckDB read_csv, 1 GB CSV", duck, rows);
    compare(
        "read_csv with the 3 load columns, 1 GB CSV",
        stamped,
        "DuckDB read_csv, 1 GB CSV",
        duck,
        rows);
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(PG);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Best and median of each side, and their ratios: runs alternate, so both see the same load. */
  private static void compare(String what, long[] sluice, String baseline, long[] raw, long rows) {
    long[] a = sluice.clone();
    long[] b = raw.clone();
    java.util.Arrays.sort(a);
    java.util.Arrays.sort(b);
    long ma = a[a.length / 2];
    long mb = b[b.length / 2];
    report(what + ", best", a[0], rows);
    report(what + ", median", ma, rows);
    report(baseline + ", best", b[0], rows);
    report(baseline + ", median", mb, rows);
    System.out.printf(
        Locale.ROOT,
        "  ratio sluice / raw: %.2fx of the best runs, %.2fx of the medians (%d runs each)%n",
        (double) a[0] / b[0],
        (double) ma / mb,
        a.length);
  }

  private static void report(String what, long nanos, long rows) {
    System.out.printf(
        Locale.ROOT, "%-50s %8.2f s %,12.0f rows/s%n", what, nanos / 1e9, rows / (nanos / 1e9));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
