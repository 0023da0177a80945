package dev.sluice.plugin.postgres;

import dev.sluice.core.spi.ChangeCapture;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.ReplicationSlotInfo;

/**
 * One table's changes through logical replication with {@code pgoutput}, by the driver's
 * replication API. The first load (no position yet) creates the table's replication slot and reads
 * the table in the slot's exported snapshot, so no change falls between the snapshot and the
 * stream; later loads read the committed transactions past the saved position. The position is
 * acknowledged to the server only at the start of the next load, once the loader has committed it,
 * so a load that fails or is killed is read again, and transactions at or before the saved position
 * are skipped, so nothing is applied twice.
 */
final class PostgresCdc {
  /** Opens a plain connection ({@code false}) or a replication connection ({@code true}). */
  interface Connector {
    Connection open(boolean replication) throws SQLException, LoadException;
  }

  private final TableRequest request;
  private final String schema;
  private final String table;
  private final String relation;
  private final Connector connector;
  private final String slot;
  private final String publication;
  private final long idleMillis;
  private final long maxChanges;

  PostgresCdc(
      TableRequest request, String schema, String table, String relation, Connector connector) {
    this.request = request;
    this.schema = schema;
    this.table = table;
    this.relation = relation;
    this.connector = connector;
    Map<String, Object> s = request.settings();
    String base = name(request.sourceName() + "_" + request.table());
    this.slot = String.valueOf(s.getOrDefault("slot", "sluice_" + base));
    this.publication = String.valueOf(s.getOrDefault("publication", "sluice_" + base));
    this.idleMillis = Long.parseLong(String.valueOf(s.getOrDefault("cdc_idle_ms", "1000")));
    this.maxChanges = Long.parseLong(String.valueOf(s.getOrDefault("cdc_max_changes", "1000000")));
  }

  /** A replication slot name: lower-case letters, digits and underscores, at most 63 bytes. */
  static String name(String s) {
    String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return n.length() > 56 ? n.substring(0, 56) : n;
  }

  void read(List<SourceColumn> tableColumns, RowSink sink) throws LoadException {
    try (Connection c = connector.open(false)) {
      requireLogical(c);
      ensurePublication(c);
      List<SourceColumn> cols = new ArrayList<>(tableColumns);
      cols.add(new SourceColumn(ChangeCapture.POSITION, "BIGINT"));
      cols.add(new SourceColumn(ChangeCapture.DELETED, "BOOLEAN"));
      sink.schema(cols);
      if (request.cursorAfter() == null) {
        snapshot(c, tableColumns, sink);
      } else {
        stream(c, tableColumns, sink, Long.parseLong(request.cursorAfter()));
      }
    } catch (SQLException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + " (cdc, slot " + slot + "): " + first(e), e);
    }
  }

  /**
   * The first load's snapshot in bulk: a new slot, and the table as it was at the slot's start
   * dumped with {@code COPY} in the slot's exported snapshot, each row at the slot's position.
   */
  void snapshotCopy(List<SourceColumn> tableColumns, dev.sluice.core.spi.CsvExport.Target target)
      throws LoadException {
    try (Connection c = connector.open(false)) {
      requireLogical(c);
      ensurePublication(c);
      try (Connection rc = connector.open(true)) {
        long position = freshSlot(c, rc);
        List<SourceColumn> cols = new ArrayList<>(tableColumns);
        cols.add(new SourceColumn(ChangeCapture.POSITION, "BIGINT"));
        cols.add(new SourceColumn(ChangeCapture.DELETED, "BOOLEAN"));
        try (java.io.OutputStream out = target.open(cols)) {
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut(
                  "copy (select *, "
                      + position
                      + "::bigint, false from "
                      + relation
                      + ") to stdout with (format csv)",
                  out);
        }
        c.rollback();
      }
    } catch (SQLException | java.io.IOException e) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + " (cdc snapshot, slot "
              + slot
              + "): "
              + (e instanceof SQLException se ? first(se) : e.getMessage()),
          e);
    }
  }

  private void requireLogical(Connection c) throws SQLException, LoadException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("show wal_level")) {
      rs.next();
      String level = rs.getString(1);
      if (!"logical".equals(level)) {
        throw new LoadException(
            "source "
                + request.qualifiedName()
                + ": extraction: cdc reads logical replication, and the server has wal_level = "
                + level
                + "; set wal_level = logical (ALTER SYSTEM SET wal_level = logical, or in"
                + " postgresql.conf) and restart PostgreSQL; the user also needs the REPLICATION"
                + " attribute");
      }
    }
  }

  private void ensurePublication(Connection c) throws SQLException {
    boolean exists;
    try (PreparedStatement st =
        c.prepareStatement("select 1 from pg_publication where pubname = ?")) {
      st.setString(1, publication);
      try (ResultSet rs = st.executeQuery()) {
        exists = rs.next();
      }
    }
    boolean covers = false;
    if (exists) {
      try (PreparedStatement st =
          c.prepareStatement(
              "select 1 from pg_publication_tables where pubname = ? and schemaname = ?"
                  + " and tablename = ?")) {
        st.setString(1, publication);
        st.setString(2, schema);
        st.setString(3, table);
        try (ResultSet rs = st.executeQuery()) {
          covers = rs.next();
        }
      }
    }
    if (!covers) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute(
            (exists ? "alter publication " : "create publication ")
                + quote(publication)
                + (exists ? " add table " : " for table ")
                + relation);
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  private boolean slotExists(Connection c) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("select 1 from pg_replication_slots where slot_name = ?")) {
      st.setString(1, slot);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Drops the slot if there is one (a full refresh starts the stream again), creates it anew on the
   * replication connection {@code rc}, and puts {@code c} in a transaction that sees the table as
   * of the slot's start; returns the slot's position. The snapshot holds while {@code rc} stays
   * open.
   */
  private long freshSlot(Connection c, Connection rc) throws SQLException {
    if (slotExists(c)) {
      try (PreparedStatement st = c.prepareStatement("select pg_drop_replication_slot(?)")) {
        st.setString(1, slot);
        st.execute();
      }
    }
    ReplicationSlotInfo info =
        rc.unwrap(PGConnection.class)
            .getReplicationAPI()
            .createReplicationSlot()
            .logical()
            .withSlotName(slot)
            .withOutputPlugin("pgoutput")
            .make();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (Statement st = c.createStatement()) {
      st.execute("set transaction snapshot '" + info.getSnapshotName() + "'");
    }
    return info.getConsistentPoint().asLong();
  }

  /** A new slot, and the table as it was at the slot's start, each row at the slot's position. */
  private void snapshot(Connection c, List<SourceColumn> cols, RowSink sink)
      throws SQLException, LoadException {
    try (Connection rc = connector.open(true)) {
      long position = freshSlot(c, rc);
      try (Statement st = c.createStatement()) {
        st.setFetchSize(request.batchSize());
        try (ResultSet rs = st.executeQuery("select * from " + relation)) {
          int n = cols.size();
          while (rs.next()) {
            if (sink.cancelled()) {
              throw new LoadException("source " + request.qualifiedName() + ": cancelled");
            }
            Object[] row = new Object[n + 2];
            for (int i = 0; i < n; i++) {
              row[i] = PgText.value(rs.getString(i + 1), cols.get(i).type());
            }
            row[n] = position;
            row[n + 1] = false;
            sink.row(row);
          }
        }
      }
      c.rollback();
    }
  }

  /** The committed transactions past {@code after}, until the stream is idle. */
  private void stream(Connection c, List<SourceColumn> cols, RowSink sink, long after)
      throws SQLException, LoadException {
    if (!slotExists(c)) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": the replication slot "
              + slot
              + " is gone, so changes since the last load are lost to it; reload the table with"
              + " --full-refresh to take a new snapshot");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      index.put(cols.get(i).name(), i);
    }
    int n = cols.size();
    try (Connection rc = connector.open(true)) {
      PGReplicationStream stream =
          rc.unwrap(PGConnection.class)
              .getReplicationAPI()
              .replicationStream()
              .logical()
              .withSlotName(slot)
              .withStartPosition(LogSequenceNumber.valueOf(after))
              .withSlotOption("proto_version", 1)
              .withSlotOption("publication_names", publication)
              .withStatusInterval(1, TimeUnit.SECONDS)
              .start();
      // what the loader committed may go: the server keeps everything after it
      stream.setFlushedLSN(LogSequenceNumber.valueOf(after));
      stream.setAppliedLSN(LogSequenceNumber.valueOf(after));
      stream.forceUpdateStatus();
      Map<Integer, int[]> ours = new HashMap<>();
      List<Object[]> tx = null;
      long changes = 0;
      long quietSince = System.currentTimeMillis();
      while (true) {
        if (sink.cancelled()) {
          throw new LoadException("source " + request.qualifiedName() + ": cancelled");
        }
        ByteBuffer buf = stream.readPending();
        if (buf == null) {
          if (tx == null
              && (changes >= maxChanges || System.currentTimeMillis() - quietSince >= idleMillis)) {
            break;
          }
          sleep();
          continue;
        }
        quietSince = System.currentTimeMillis();
        PgOutput.Message m = PgOutput.decode(buf);
        if (m instanceof PgOutput.Begin) {
          tx = new ArrayList<>();
        } else if (m instanceof PgOutput.Relation r) {
          if (r.schema().equals(schema) && r.name().equals(table)) {
            int[] map = new int[r.columns().size()];
            for (int i = 0; i < map.length; i++) {
              map[i] = index.getOrDefault(r.columns().get(i), -1);
            }
            ours.put(r.id(), map);
          } else {
            ours.remove(r.id());
          }
        } else if (m instanceof PgOutput.Insert ins) {
          add(tx, ours.get(ins.relation()), cols, ins.row(), null, false);
        } else if (m instanceof PgOutput.Update up) {
          add(tx, ours.get(up.relation()), cols, up.row(), up.old(), false);
        } else if (m instanceof PgOutput.Delete del) {
          add(tx, ours.get(del.relation()), cols, del.old(), null, true);
        } else if (m instanceof PgOutput.Truncate t) {
          if (t.relations().stream().anyMatch(ours::containsKey)) {
            throw new LoadException(
                "source "
                    + request.qualifiedName()
                    + ": the table was truncated at the source; reload it with --full-refresh");
          }
        } else if (m instanceof PgOutput.Commit cm) {
          if (tx != null && cm.endLsn() > after) { // at or before it: applied by an earlier load
            for (Object[] row : tx) {
              row[n] = cm.endLsn();
              sink.row(row);
            }
            changes += tx.size();
          }
          tx = null;
        }
      }
      stream.close();
    }
  }

  private static void add(
      List<Object[]> tx,
      int[] map,
      List<SourceColumn> cols,
      PgOutput.Tuple row,
      PgOutput.Tuple old,
      boolean deleted) {
    if (tx == null || map == null) {
      return; // not our table
    }
    int n = cols.size();
    Object[] out = new Object[n + 2];
    for (int i = 0; i < map.length && i < row.values().length; i++) {
      if (map[i] < 0) {
        continue; // a column added at the source after the raw table's columns were read
      }
      String text =
          row.unchanged()[i] && old != null && i < old.values().length
              ? old.values()[i]
              : row.values()[i];
      out[map[i]] = PgText.value(text, cols.get(map[i]).type());
    }
    out[n + 1] = deleted;
    tx.add(out);
  }

  private static void sleep() throws LoadException {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("interrupted while reading the change stream", e);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String first(SQLException e) {
    String m = e.getMessage() == null ? "unknown error" : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
