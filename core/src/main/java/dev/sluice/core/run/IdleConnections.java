package dev.sluice.core.run;

import dev.sluice.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The connections of one run kept between its nodes: a connection made and closed per node was a
 * small but steady share of a 1,000-view run. A connection comes back here only from a node that
 * leaves nothing behind in it (see {@link NodeRunner}); every other is closed, so one node's {@code
 * SET}, temporary table or open transaction never reaches the next.
 */
final class IdleConnections implements AutoCloseable {
  private final Warehouse warehouse;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  IdleConnections(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** An idle connection, or a new one. */
  Connection take() throws SQLException {
    synchronized (this) {
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    return warehouse.connect();
  }

  /** Keeps {@code c} for the next node; closes it once the run is over. */
  void giveBack(Connection c) {
    synchronized (this) {
      if (!closed) {
        idle.push(c);
        return;
      }
    }
    closeQuietly(c);
  }

  /** Closes the idle connections; one given back later is closed at once. */
  @Override
  public void close() {
    List<Connection> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(idle);
      idle.clear();
    }
    all.forEach(IdleConnections::closeQuietly);
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing after a failure
    }
  }
}
