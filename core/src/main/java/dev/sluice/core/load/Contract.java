package dev.sluice.core.load;

import dev.sluice.core.spi.LoadException;
import java.util.Locale;
import java.util.Map;

/**
 * A raw table's schema contract, as dlt has it: what a load may do when the data no longer matches
 * the table. {@code contract: freeze} (a single word) sets columns and data types; a map sets each.
 *
 * @param tables whether a raw table that does not exist yet may be created
 * @param columns what happens to a column the table does not have
 * @param dataType what happens to a value that does not fit its column's type
 */
record Contract(Mode tables, Mode columns, Mode dataType) {

  /** One rule of a contract. */
  enum Mode {
    EVOLVE,
    FREEZE,
    DISCARD_ROW,
    DISCARD_VALUE;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final Contract EVOLVE = new Contract(Mode.EVOLVE, Mode.EVOLVE, Mode.EVOLVE);

  /** Reads {@code contract:} from a table's settings; {@code where} names the table in messages. */
  static Contract of(Object setting, String where) throws LoadException {
    if (setting == null) {
      return EVOLVE;
    }
    if (setting instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!java.util.List.of("tables", "columns", "data_type").contains(String.valueOf(k))) {
          throw new LoadException(
              "source "
                  + where
                  + ": contract has no setting '"
                  + k
                  + "'; use tables, columns and data_type");
        }
      }
      Mode tables = mode(m.get("tables"), where, "tables");
      if (tables == Mode.DISCARD_ROW || tables == Mode.DISCARD_VALUE) {
        throw new LoadException(
            "source " + where + ": contract tables is evolve or freeze, not " + tables.word());
      }
      return new Contract(
          tables,
          mode(m.get("columns"), where, "columns"),
          mode(m.get("data_type"), where, "data_type"));
    }
    Mode all = mode(setting, where, "contract");
    return new Contract(Mode.EVOLVE, all, all);
  }

  private static Mode mode(Object v, String where, String key) throws LoadException {
    if (v == null) {
      return Mode.EVOLVE;
    }
    try {
      return Mode.valueOf(v.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new LoadException(
          "source "
              + where
              + ": contract "
              + key
              + " '"
              + v
              + "' is not one of evolve, freeze, discard_row, discard_value");
    }
  }
}
