package dev.sluice.plugin.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} logical decoding plugin (protocol version 1), as
 * the server documents them under "Logical Replication Message Formats". Values arrive as text.
 */
final class PgOutput {
  private PgOutput() {}

  /** One decoded message. */
  sealed interface Message {}

  record Begin(long finalLsn, int xid) implements Message {}

  record Commit(long commitLsn, long endLsn) implements Message {}

  /** A table's shape, sent before its first change in a session and after it changes. */
  record Relation(int id, String schema, String name, List<String> columns, List<Boolean> key)
      implements Message {}

  record Insert(int relation, Tuple row) implements Message {}

  /** {@code old} is the key or the whole old row, by the table's replica identity, or null. */
  record Update(int relation, Tuple old, Tuple row) implements Message {}

  record Delete(int relation, Tuple old) implements Message {}

  record Truncate(List<Integer> relations) implements Message {}

  /** Origin, type and logical messages: nothing to apply. */
  record Other(char tag) implements Message {}

  /**
   * One row's values as text; {@code null} for SQL NULL. {@code unchanged[i]} marks a TOASTed value
   * the server did not send because it did not change.
   */
  record Tuple(String[] values, boolean[] unchanged) {}

  static Message decode(ByteBuffer b) {
    char tag = (char) b.get();
    return switch (tag) {
      case 'B' -> {
        long lsn = b.getLong();
        b.getLong(); // commit time
        yield new Begin(lsn, b.getInt());
      }
      case 'C' -> {
        b.get(); // flags
        long commit = b.getLong();
        long end = b.getLong();
        yield new Commit(commit, end);
      }
      case 'R' -> {
        int id = b.getInt();
        String schema = string(b);
        String name = string(b);
        b.get(); // replica identity setting
        int n = b.getShort();
        List<String> cols = new ArrayList<>(n);
        List<Boolean> key = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          key.add((b.get() & 1) == 1);
          cols.add(string(b));
          b.getInt(); // type oid
          b.getInt(); // type modifier
        }
        yield new Relation(id, schema, name, cols, key);
      }
      case 'I' -> {
        int rel = b.getInt();
        b.get(); // 'N'
        yield new Insert(rel, tuple(b));
      }
      case 'U' -> {
        int rel = b.getInt();
        char next = (char) b.get();
        Tuple old = null;
        if (next == 'K' || next == 'O') {
          old = tuple(b);
          next = (char) b.get();
        }
        yield new Update(rel, old, tuple(b));
      }
      case 'D' -> {
        int rel = b.getInt();
        b.get(); // 'K' or 'O'
        yield new Delete(rel, tuple(b));
      }
      case 'T' -> {
        int n = b.getInt();
        b.get(); // options
        List<Integer> rels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          rels.add(b.getInt());
        }
        yield new Truncate(rels);
      }
      default -> new Other(tag);
    };
  }

  private static Tuple tuple(ByteBuffer b) {
    int n = b.getShort();
    String[] values = new String[n];
    boolean[] unchanged = new boolean[n];
    for (int i = 0; i < n; i++) {
      char kind = (char) b.get();
      switch (kind) {
        case 'n' -> values[i] = null;
        case 'u' -> unchanged[i] = true;
        case 't', 'b' -> {
          byte[] bytes = new byte[b.getInt()];
          b.get(bytes);
          values[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        default -> throw new IllegalStateException("pgoutput: unknown tuple value kind " + kind);
      }
    }
    return new Tuple(values, unchanged);
  }

  private static String string(ByteBuffer b) {
    int start = b.position();
    while (b.get() != 0) {
      // find the terminating zero
    }
    byte[] bytes = new byte[b.position() - start - 1];
    b.position(start);
    b.get(bytes);
    b.get(); // the zero
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
