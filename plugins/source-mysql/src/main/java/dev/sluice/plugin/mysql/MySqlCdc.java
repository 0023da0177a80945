package dev.sluice.plugin.mysql;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One table's changes read from the server's binary log by a replication client. A binlog position
 * (file and offset) is kept as one number, the file's sequence number times 2^32 plus the offset,
 * so that it orders as the log does and serves as the table's cursor. Each change carries the
 * position just past its transaction's commit, so a load resumes at the start of the first
 * transaction it has not applied; transactions at or before the saved position are skipped.
 */
final class MySqlCdc {
  /** The binlog settings change data capture needs, with the values it needs. */
  static final Map<String, String> REQUIRED =
      Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL");

  /** The client logs each connection at INFO; the load report says what matters. */
  private static final java.util.logging.Logger CLIENT_LOG =
      java.util.logging.Logger.getLogger(BinaryLogClient.class.getName());

  static {
    CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final TableRequest request;
  private final String database;
  private final String table;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final long idleMillis;
  private final long maxChanges;
  private final long serverId;

  MySqlCdc(
      TableRequest request,
      String database,
      String table,
      String host,
      int port,
      String user,
      String password) {
    this.request = request;
    this.database = database;
    this.table = table;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    Map<String, Object> s = request.settings();
    this.idleMillis = Long.parseLong(String.valueOf(s.getOrDefault("cdc_idle_ms", "1000")));
    this.maxChanges = Long.parseLong(String.valueOf(s.getOrDefault("cdc_max_changes", "1000000")));
    // a replica's id must be unique among the server's replicas; one per table by default
    this.serverId =
        Long.parseLong(
            String.valueOf(
                s.getOrDefault(
                    "server_id",
                    1_000_000L
                        + Math.floorMod(request.qualifiedName().hashCode(), 1_000_000_000))));
  }

  /** A binlog position as one ordered number. */
  static long position(String file, long offset) {
    return (fileNumber(file) << 32) | offset;
  }

  static long fileNumber(String file) {
    int dot = file.lastIndexOf('.');
    return Long.parseLong(file.substring(dot + 1));
  }

  /** Refuses a server whose binlog cannot feed change data capture, saying what to set. */
  static void requireBinlog(String source, Map<String, String> variables) throws LoadException {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(REQUIRED).entrySet()) {
      String have = variables.getOrDefault(e.getKey(), "unset");
      if (!e.getValue().equalsIgnoreCase(have)) {
        wrong.add(e.getKey() + " is " + have);
      }
    }
    if (!wrong.isEmpty()) {
      throw new LoadException(
          "source "
              + source
              + ": extraction: cdc reads the binary log, and on this server "
              + String.join(", ", wrong)
              + "; set log_bin, binlog_format = ROW, binlog_row_image = FULL and a server_id in"
              + " the server's configuration ([mysqld] in my.cnf) and restart it; the user also"
              + " needs the REPLICATION SLAVE and REPLICATION CLIENT privileges");
    }
  }

  static Map<String, String> binlogVariables(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "show global variables where variable_name in"
                    + " ('log_bin', 'binlog_format', 'binlog_row_image')")) {
      while (rs.next()) {
        out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Starts a transaction whose reads see the table exactly at the returned binlog position, so that
   * no change falls between the snapshot and the stream.
   */
  static long startSnapshot(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      String version;
      try (ResultSet rs = st.executeQuery("select version()")) {
        rs.next();
        version = rs.getString(1);
      }
      if (version.toLowerCase(Locale.ROOT).contains("mariadb")) {
        // MariaDB reports the binlog position of a consistent snapshot without a global lock
        st.execute("start transaction with consistent snapshot");
        String file = null;
        long pos = -1;
        try (ResultSet rs = st.executeQuery("show status like 'binlog_snapshot_%'")) {
          while (rs.next()) {
            if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_file")) {
              file = rs.getString(2);
            } else if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_position")) {
              pos = Long.parseLong(rs.getString(2));
            }
          }
        }
        return position(file, pos);
      }
      // MySQL: a brief global read lock pins the position while the snapshot starts
      st.execute("flush tables with read lock");
      try {
        st.execute("start transaction with consistent snapshot");
        try (ResultSet rs = st.executeQuery("show master status")) {
          rs.next();
          return position(rs.getString(1), rs.getLong(2));
        }
      } finally {
        st.execute("unlock tables");
      }
    }
  }

  /** The binlog file with the given sequence number, or null when the server no longer has it. */
  private static String file(Connection c, long number) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("show binary logs")) {
      while (rs.next()) {
        if (fileNumber(rs.getString(1)) == number) {
          return rs.getString(1);
        }
      }
    }
    return null;
  }

  /** The committed transactions past {@code after}, until the log is idle. */
  void stream(Connection c, List<SourceColumn> cols, List<Column> source, RowSink sink, long after)
      throws LoadException, SQLException {
    String file = file(c, after >>> 32);
    if (file == null) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": the server no longer has binlog file number "
              + (after >>> 32)
              + " (purged by expire_logs_days or PURGE BINARY LOGS), so changes since the last"
              + " load are lost to it; reload the table with --full-refresh to take a new"
              + " snapshot");
    }
    int n = cols.size();
    LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    BinaryLogClient client = new BinaryLogClient(host, port, user, password);
    client.setServerId(serverId);
    client.setBinlogFilename(file);
    client.setBinlogPosition(after & 0xffffffffL);
    client.setKeepAlive(false);
    EventDeserializer d = new EventDeserializer();
    d.setCompatibilityMode(
        EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
        EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
    client.setEventDeserializer(d);
    client.registerEventListener(events::add);
    client.registerLifecycleListener(
        new BinaryLogClient.AbstractLifecycleListener() {
          @Override
          public void onCommunicationFailure(BinaryLogClient cl, Exception ex) {
            failure.compareAndSet(null, ex);
          }

          @Override
          public void onEventDeserializationFailure(BinaryLogClient cl, Exception ex) {
            failure.compareAndSet(null, ex);
          }
        });
    try {
      client.connect(10_000);
    } catch (IOException | TimeoutException e) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": cannot read the binary log at "
              + file
              + ":"
              + (after & 0xffffffffL)
              + ": "
              + (failure.get() != null ? failure.get().getMessage() : e.getMessage()),
          e);
    }
    try {
      String current = file;
      Long ourTable = null;
      List<Object[]> tx = new ArrayList<>();
      long changes = 0;
      long quietSince = System.currentTimeMillis();
      while (true) {
        if (sink.cancelled()) {
          throw new LoadException("source " + request.qualifiedName() + ": cancelled");
        }
        if (failure.get() != null) {
          throw new LoadException(
              "source "
                  + request.qualifiedName()
                  + ": the binary log stream failed at "
                  + current
                  + ": "
                  + failure.get().getMessage(),
              failure.get());
        }
        Event e = events.poll(20, TimeUnit.MILLISECONDS);
        if (e == null) {
          if (tx.isEmpty()
              && (changes >= maxChanges || System.currentTimeMillis() - quietSince >= idleMillis)) {
            break;
          }
          continue;
        }
        quietSince = System.currentTimeMillis();
        EventType type = e.getHeader().getEventType();
        if (type == EventType.ROTATE) {
          current = ((RotateEventData) e.getData()).getBinlogFilename();
        } else if (type == EventType.TABLE_MAP) {
          TableMapEventData m = e.getData();
          if (database.equalsIgnoreCase(m.getDatabase()) && table.equalsIgnoreCase(m.getTable())) {
            if (m.getColumnTypes().length != source.size()) {
              throw new LoadException(
                  "source "
                      + request.qualifiedName()
                      + ": the table has "
                      + m.getColumnTypes().length
                      + " columns in the binary log at "
                      + current
                      + " and "
                      + source.size()
                      + " now (changed by ALTER TABLE); reload it with --full-refresh");
            }
            ourTable = m.getTableId();
          }
        } else if (EventType.isWrite(type)) {
          WriteRowsEventData w = e.getData();
          if (ourTable != null && w.getTableId() == ourTable) {
            for (Serializable[] r : w.getRows()) {
              tx.add(row(r, source, n, false));
            }
          }
        } else if (EventType.isUpdate(type)) {
          UpdateRowsEventData u = e.getData();
          if (ourTable != null && u.getTableId() == ourTable) {
            for (Map.Entry<Serializable[], Serializable[]> r : u.getRows()) {
              tx.add(row(r.getValue(), source, n, false));
            }
          }
        } else if (EventType.isDelete(type)) {
          DeleteRowsEventData del = e.getData();
          if (ourTable != null && del.getTableId() == ourTable) {
            for (Serializable[] r : del.getRows()) {
              tx.add(row(r, source, n, true));
            }
          }
        } else if (type == EventType.XID || isCommit(e)) {
          long at = position(current, ((EventHeaderV4) e.getHeader()).getNextPosition());
          if (at > after) { // at or before it: applied by an earlier load
            for (Object[] r : tx) {
              r[n] = at;
              sink.row(r);
            }
            changes += tx.size();
          }
          tx.clear();
        } else if (type == EventType.QUERY && isTruncate(e)) {
          throw new LoadException(
              "source "
                  + request.qualifiedName()
                  + ": the table was truncated at the source (at "
                  + current
                  + "); reload it with --full-refresh");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("source " + request.qualifiedName() + ": interrupted", e);
    } finally {
      try {
        client.disconnect();
      } catch (IOException ignored) {
        // the stream is read; a socket that closes badly changes nothing
      }
    }
  }

  private static boolean isCommit(Event e) {
    return e.getHeader().getEventType() == EventType.QUERY
        && "COMMIT".equalsIgnoreCase(((QueryEventData) e.getData()).getSql().strip());
  }

  private boolean isTruncate(Event e) {
    QueryEventData q = e.getData();
    String sql = q.getSql().strip().toLowerCase(Locale.ROOT).replace("`", "");
    String t = table.toLowerCase(Locale.ROOT);
    return sql.startsWith("truncate")
        && (sql.endsWith(" " + t) || sql.endsWith("." + t))
        && (database.equalsIgnoreCase(q.getDatabase())
            || sql.endsWith(database.toLowerCase(Locale.ROOT) + "." + t));
  }

  private static Object[] row(Serializable[] values, List<Column> source, int n, boolean deleted) {
    Object[] out = new Object[n + 2];
    for (int i = 0; i < values.length && i < source.size(); i++) {
      out[i] = source.get(i).value(values[i]);
    }
    out[n + 1] = deleted;
    return out;
  }

  /** A source column: its DuckDB type and what the binlog needs to decode its values. */
  record Column(String name, String duckType, String columnType) {

    Object value(Serializable v) {
      if (v == null) {
        return null;
      }
      String ct = columnType.toLowerCase(Locale.ROOT);
      boolean unsigned = ct.contains("unsigned");
      if (ct.startsWith("enum(") && v instanceof Number i) {
        List<String> options = options(ct, columnType);
        int k = i.intValue();
        return k >= 1 && k <= options.size() ? options.get(k - 1) : "";
      }
      if (v instanceof byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
      }
      if (v instanceof java.util.BitSet bits) {
        return duckType.equals("BOOLEAN") ? bits.get(0) : bits.toString();
      }
      String t = duckType;
      if (v instanceof Number num) {
        if (t.equals("BOOLEAN")) {
          return num.longValue() != 0;
        }
        if (unsigned && num.longValue() < 0 && !(num instanceof java.math.BigDecimal)) {
          int bits =
              ct.startsWith("tinyint")
                  ? 8
                  : ct.startsWith("smallint")
                      ? 16
                      : ct.startsWith("mediumint") ? 24 : ct.startsWith("int") ? 32 : 64;
          java.math.BigInteger big =
              java.math.BigInteger.valueOf(num.longValue())
                  .add(java.math.BigInteger.ONE.shiftLeft(bits));
          return bits == 64 ? new java.math.BigDecimal(big) : (Object) big.longValue();
        }
        if (t.equals("DATE")) {
          return java.time.LocalDate.ofEpochDay(Math.floorDiv(num.longValue(), 86_400_000_000L));
        }
        if (t.startsWith("TIMESTAMP")) {
          long micros = num.longValue();
          return java.time.LocalDateTime.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L),
              (int) Math.floorMod(micros, 1_000_000L) * 1000,
              java.time.ZoneOffset.UTC);
        }
        if (ct.startsWith("time")) {
          return java.time.LocalTime.ofNanoOfDay(
                  Math.floorMod(num.longValue(), 86_400_000_000L) * 1000)
              .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
        }
        switch (t) {
          case "BIGINT":
            return num.longValue();
          case "INTEGER":
            return num.intValue();
          case "SMALLINT":
            return num.shortValue();
          case "DOUBLE":
            return num.doubleValue();
          case "FLOAT":
            return num.floatValue();
          default:
            break;
        }
        if (t.startsWith("DECIMAL")) {
          return num instanceof java.math.BigDecimal bd
              ? bd
              : new java.math.BigDecimal(num.toString());
        }
        return num.toString();
      }
      return v.toString();
    }

    private static List<String> options(String lower, String original) {
      String inside = original.substring(lower.indexOf('(') + 1, original.lastIndexOf(')'));
      List<String> out = new ArrayList<>();
      for (String part : inside.split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
        String p = part.strip();
        out.add(p.substring(1, p.length() - 1).replace("''", "'"));
      }
      return out;
    }
  }
}
