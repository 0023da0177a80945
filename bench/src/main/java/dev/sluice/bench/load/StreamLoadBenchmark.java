package dev.sluice.bench.load;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Changes per second for {@code extraction: cdc} (200,000 updates in 200 transactions, applied by
 * key) beside the server decoding the same changes into a second slot with nothing applied, and
 * messages per second for a NATS JetStream table (100,000 messages in one batch) beside a plain
 * pull consumer that fetches and acknowledges them. {@code bin/bench load cdc} or {@code load
 * nats}; needs PostgreSQL with wal_level = logical, or NATS with JetStream on 127.0.0.1:4222.
 */
final class StreamLoadBenchmark {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final int CHANGES = 200_000;
  private static final int MESSAGES = 100_000;

  private StreamLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("sluice-stream-bench");
    Files.writeString(dir.resolve("sluice.yml"), "name: stream_bench\n");
    Files.createDirectories(dir.resolve("sources"));
    if (args[0].equals("cdc")) {
      cdc(dir);
    } else if (args[0].equals("mysql-cdc")) {
      mysqlCdc(dir);
    } else {
      nats(dir);
    }
  }

  private static void cdc(Path dir) throws Exception {
    sql(
        "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
            + " where slot_name in ('sluice_bench_cdc_big', 'sluice_bench_raw')",
        "drop publication if exists sluice_bench_cdc_big",
        "drop schema if exists sluice_bench_cdc cascade",
        "create schema sluice_bench_cdc",
        "create table sluice_bench_cdc.big (id int primary key, name text, amount numeric(12,2),"
            + " updated_at timestamp)",
        "insert into sluice_bench_cdc.big select g, 'customer-' || g, g % 1000,"
            + " timestamp '2026-01-01' from generate_series(1, "
            + CHANGES
            + ") g");
    Files.writeString(
        dir.resolve("sources/pg.yml"),
        """
        sources:
          - name: bench_cdc
            connector: postgres
            connection: {host: 127.0.0.1, database: test, user: postgres, schema: sluice_bench_cdc}
            tables:
              - {name: big, primary_key: id, extraction: cdc, cdc_max_changes: 10000000}
        """);
    SourceTable table =
        new ProjectLoader(Map.of()).load(dir).source("bench_cdc", "big").orElseThrow();
    try (Warehouse w = DuckDbWarehouse.open(dir.resolve("cdc.duckdb").toString())) {
      SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
      long t0 = System.nanoTime();
      loader.load(table, new LoadOptions("bench", false));
      report("cdc snapshot", System.nanoTime() - t0, CHANGES);
      sql("select pg_create_logical_replication_slot('sluice_bench_raw', 'pgoutput')");
      sql(
          "do $$ begin for i in 0..199 loop update sluice_bench_cdc.big set amount = amount + 1,"
              + " updated_at = now() where id > i * 1000 and id <= (i + 1) * 1000; commit;"
              + " end loop; end $$");
      t0 = System.nanoTime();
      long raw;
      try (Connection c = DriverManager.getConnection(PG);
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select count(*) from pg_logical_slot_get_binary_changes('sluice_bench_raw',"
                      + " null, null, 'proto_version', '1', 'publication_names',"
                      + " 'sluice_bench_cdc_big')")) {
        rs.next();
        raw = rs.getLong(1);
      }
      long rawNanos = System.nanoTime() - t0;
      report("raw: the server decoding them (pgoutput, " + raw + " messages)", rawNanos, CHANGES);
      t0 = System.nanoTime();
      LoadReport r = loader.load(table, new LoadOptions("bench", false));
      long nanos = System.nanoTime() - t0;
      report("cdc: " + r.rowsLoaded() + " changes applied by key", nanos, CHANGES);
      System.out.printf(Locale.ROOT, "ratio to raw: %.2fx%n", (double) nanos / rawNanos);
    } finally {
      sql(
          "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
              + " where slot_name in ('sluice_bench_cdc_big', 'sluice_bench_raw')",
          "drop publication if exists sluice_bench_cdc_big",
          "drop schema if exists sluice_bench_cdc cascade");
    }
  }

  private static final String MARIADB =
      "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";

  /** MariaDB's binary log: the same 200,000 updates in 200 transactions, beside a plain reader. */
  private static void mysqlCdc(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(MARIADB);
        Statement st = c.createStatement()) {
      st.execute("drop table if exists sluice_bench_mcdc");
      st.execute(
          "create table sluice_bench_mcdc (id int primary key, name varchar(40),"
              + " amount decimal(12,2), updated_at datetime)");
      st.execute(
          "insert into sluice_bench_mcdc select seq, concat('customer-', seq), seq % 1000,"
              + " '2026-01-01' from seq_1_to_"
              + CHANGES);
    }
    Files.writeString(
        dir.resolve("sources/my.yml"),
        """
        sources:
          - name: bench_mcdc
            connector: mysql
            connection: {host: 127.0.0.1, port: 3306, database: test, user: root}
            tables:
              - {name: big, table: sluice_bench_mcdc, primary_key: id, extraction: cdc,
                 cdc_max_changes: 10000000}
        """);
    SourceTable table =
        new ProjectLoader(Map.of()).load(dir).source("bench_mcdc", "big").orElseThrow();
    try (Warehouse w = DuckDbWarehouse.open(dir.resolve("mcdc.duckdb").toString());
        Connection c = DriverManager.getConnection(MARIADB);
        Statement st = c.createStatement()) {
      SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
      long t0 = System.nanoTime();
      loader.load(table, new LoadOptions("bench", false));
      report("mysql cdc snapshot", System.nanoTime() - t0, CHANGES);
      String file;
      long pos;
      try (ResultSet rs = st.executeQuery("show master status")) {
        rs.next();
        file = rs.getString(1);
        pos = rs.getLong(2);
      }
      for (int i = 0; i < 200; i++) {
        st.execute(
            "update sluice_bench_mcdc set amount = amount + 1, updated_at = now() where id > "
                + i * 1000
                + " and id <= "
                + (i + 1) * 1000);
      }
      // raw: the binlog client alone decoding the same row events, nothing applied
      com.github.shyiko.mysql.binlog.BinaryLogClient client =
          new com.github.shyiko.mysql.binlog.BinaryLogClient("127.0.0.1", 3306, "root", "");
      client.setServerId(4_242_424);
      client.setBinlogFilename(file);
      client.setBinlogPosition(pos);
      client.setKeepAlive(false);
      java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(200);
      client.registerEventListener(
          e -> {
            if (e.getData() instanceof com.github.shyiko.mysql.binlog.event.UpdateRowsEventData u) {
              rows.addAndGet(u.getRows().size());
            } else if (e.getHeader().getEventType()
                == com.github.shyiko.mysql.binlog.event.EventType.XID) {
              done.countDown();
            }
          });
      t0 = System.nanoTime();
      client.connect(10_000);
      done.await(120, java.util.concurrent.TimeUnit.SECONDS);
      long rawNanos = System.nanoTime() - t0;
      client.disconnect();
      report("raw: the binlog client decoding them (" + rows.get() + " rows)", rawNanos, CHANGES);
      t0 = System.nanoTime();
      LoadReport r = loader.load(table, new LoadOptions("bench", false));
      long nanos = System.nanoTime() - t0;
      report("mysql cdc: " + r.rowsLoaded() + " changes applied by key", nanos, CHANGES);
      System.out.printf(Locale.ROOT, "ratio to raw: %.2fx%n", (double) nanos / rawNanos);
    } finally {
      try (Connection c = DriverManager.getConnection(MARIADB);
          Statement st = c.createStatement()) {
        st.execute("drop table if exists sluice_bench_mcdc");
      }
    }
  }

  private static void nats(Path dir) throws Exception {
    String stream = "SLUICE_BENCH";
    try (io.nats.client.Connection nc = Nats.connect("nats://127.0.0.1:4222")) {
      var jsm = nc.jetStreamManagement();
      try {
        jsm.deleteStream(stream);
      } catch (Exception e) {
        // not there yet
      }
      jsm.addStream(StreamConfiguration.builder().name(stream).subjects("bench.clicks").build());
      var js = nc.jetStream();
      for (int i = 0; i < MESSAGES; i++) {
        js.publishAsync(
            "bench.clicks",
            ("{\"customer_id\": " + (i % 40) + ", \"kind\": \"visit\"}")
                .getBytes(StandardCharsets.UTF_8));
      }
      nc.flush(Duration.ofSeconds(30));
      Thread.sleep(1000);
      // raw: a pull consumer fetching and acknowledging them, nothing stored
      jsm.addOrUpdateConsumer(
          stream,
          ConsumerConfiguration.builder()
              .durable("raw")
              .filterSubject("bench.clicks")
              .ackPolicy(AckPolicy.Explicit)
              .build());
      JetStreamSubscription sub =
          js.subscribe("bench.clicks", PullSubscribeOptions.bind(stream, "raw"));
      long t0 = System.nanoTime();
      int got = 0;
      while (got < MESSAGES) {
        List<Message> batch = sub.fetch(1000, Duration.ofSeconds(2));
        if (batch.isEmpty()) {
          break;
        }
        for (Message m : batch) {
          m.ack();
        }
        got += batch.size();
      }
      nc.flush(Duration.ofSeconds(10));
      long rawNanos = System.nanoTime() - t0;
      report("raw: a pull consumer fetching and acknowledging " + got, rawNanos, got);
      Files.writeString(
          dir.resolve("sources/nats.yml"),
          """
          sources:
            - name: bench_nats
              connector: nats
              connection: {stream: SLUICE_BENCH}
              tables:
                - {name: clicks, cursor: seq, write_disposition: append, batch_messages: 100000, batch_seconds: 60}
          """);
      SourceTable table =
          new ProjectLoader(Map.of()).load(dir).source("bench_nats", "clicks").orElseThrow();
      try (Warehouse w = DuckDbWarehouse.open(dir.resolve("nats.duckdb").toString())) {
        SourceLoader loader = new SourceLoader(w, Map.of(), ConnectorRegistry.discover(), dir);
        t0 = System.nanoTime();
        LoadReport r = loader.load(table, new LoadOptions("bench", false));
        long nanos = System.nanoTime() - t0;
        report("nats: " + r.rowsLoaded() + " messages in one micro-batch", nanos, r.rowsLoaded());
        System.out.printf(Locale.ROOT, "ratio to raw: %.2fx%n", (double) nanos / rawNanos);
      } finally {
        jsm.deleteStream(stream);
      }
    }
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(PG);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  private static void report(String what, long nanos, long rows) {
    System.out.printf(
        Locale.ROOT, "%-60s %8.2f s %10.0f rows/s%n", what, nanos / 1e9, rows / (nanos / 1e9));
  }
}
