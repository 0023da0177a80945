package dev.sluice.core.testing;

import dev.sluice.core.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what a warehouse holds, for assertions. */
public final class Tables {
  private Tables() {}

  public static List<Map<String, Object>> rows(Warehouse w, String sql) {
    return w.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
  }

  public static long count(Warehouse w, String relation) {
    return w.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + relation).mapTo(Long.class).one());
  }

  /**
   * A fingerprint of every user table and view: name to an order-independent hash of its rows. Two
   * warehouses with equal fingerprints hold the same data.
   */
  public static Map<String, String> fingerprint(Warehouse w) {
    Map<String, String> out = new TreeMap<>();
    for (Warehouse.RelationInfo r : w.relations()) {
      String rel = w.relation(r.schema(), r.name());
      String hash =
          w.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select coalesce(sum(hash(t::varchar)), 0)::varchar || ':' || count(*) from "
                                  + rel
                                  + " as t")
                          .mapTo(String.class)
                          .one());
      out.put(r.schema() + "." + r.name() + " (" + r.kind() + ")", hash);
    }
    return out;
  }
}
