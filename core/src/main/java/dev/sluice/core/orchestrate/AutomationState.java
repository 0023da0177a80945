package dev.sluice.core.orchestrate;

import dev.sluice.core.warehouse.CatalogChanges;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What serve remembers between ticks, in the warehouse's metadata schema next to the run history:
 * every claimed run key (a schedule's tick, a sensor's file, a freshness episode) with how its run
 * ended, each automation's cursor, and the on/off switches. A key is claimed before its run starts,
 * so a restart never runs a finished key again, and resumes one that never finished.
 */
public final class AutomationState {
  private final Jdbi jdbi;
  private final String keys;
  private final String cursors;
  private final String switches;

  public AutomationState(Warehouse warehouse) {
    this.jdbi = warehouse.jdbi();
    this.keys = warehouse.relation(Warehouse.META_SCHEMA, "automation_keys");
    this.cursors = warehouse.relation(Warehouse.META_SCHEMA, "automation_cursors");
    this.switches = warehouse.relation(Warehouse.META_SCHEMA, "automation_switches");
    CatalogChanges.oneAtATime(
        () ->
            jdbi.useHandle(
                h -> {
                  h.execute(
                      "create schema if not exists " + warehouse.quote(Warehouse.META_SCHEMA));
                  h.execute(
                      "create table if not exists "
                          + keys
                          + " (automation varchar, run_key varchar, run_id varchar,"
                          + " status varchar, claimed_at timestamp, finished_at timestamp,"
                          + " primary key (automation, run_key))");
                  h.execute(
                      "create table if not exists "
                          + cursors
                          + " (automation varchar primary key, cursor varchar,"
                          + " checked_at timestamp)");
                  h.execute(
                      "create table if not exists "
                          + switches
                          + " (automation varchar primary key, enabled boolean,"
                          + " changed_at timestamp)");
                }));
  }

  /** A run key and how its run went: {@code claimed} while it has not finished. */
  public record Claim(
      String automation,
      String runKey,
      String runId,
      String status,
      Instant claimedAt,
      Instant finishedAt) {
    public boolean finished() {
      return !status.equals("claimed");
    }
  }

  /** Claims a key; false when it was claimed before (by this or an earlier serve). */
  public boolean claim(String automation, String runKey, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into "
                            + keys
                            + " (automation, run_key, status, claimed_at) values (:a, :k,"
                            + " 'claimed', :at) on conflict do nothing")
                    .bind("a", automation)
                    .bind("k", runKey)
                    .bind("at", Timestamp.from(at))
                    .execute())
        == 1;
  }

  public boolean claimed(String automation, String runKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "select count(*) from " + keys + " where automation = :a and run_key = :k")
                    .bind("a", automation)
                    .bind("k", runKey)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void running(String automation, String runKey, String runId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update " + keys + " set run_id = :r where automation = :a and run_key = :k")
                .bind("r", runId)
                .bind("a", automation)
                .bind("k", runKey)
                .execute());
  }

  /**
   * @param status {@code succeeded}, {@code failed} or {@code skipped}
   */
  public void finished(String automation, String runKey, String status, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update "
                        + keys
                        + " set status = :s, finished_at = :at where automation = :a and"
                        + " run_key = :k")
                .bind("s", status)
                .bind("at", Timestamp.from(at))
                .bind("a", automation)
                .bind("k", runKey)
                .execute());
  }

  /** Keys claimed but never finished: a serve stopped (or was killed) during their run. */
  public List<Claim> unfinished() {
    return claims("where status = 'claimed' order by claimed_at, run_key", null);
  }

  /** The newest finished claim of an automation. */
  public Optional<Claim> last(String automation) {
    return claims(
            "where automation = :a and status <> 'claimed' order by finished_at desc limit 1",
            automation)
        .stream()
        .findFirst();
  }

  /** Every claim of an automation, newest first. */
  public List<Claim> claims(String automation) {
    return claims("where automation = :a order by claimed_at desc, run_key desc", automation);
  }

  private List<Claim> claims(String where, String automation) {
    return jdbi.withHandle(
        h -> {
          var q = h.createQuery("select * from " + keys + " " + where);
          if (automation != null) {
            q.bind("a", automation);
          }
          return q.map(
                  (rs, ctx) ->
                      new Claim(
                          rs.getString("automation"),
                          rs.getString("run_key"),
                          rs.getString("run_id"),
                          rs.getString("status"),
                          instant(rs.getTimestamp("claimed_at")),
                          instant(rs.getTimestamp("finished_at"))))
              .list();
        });
  }

  /** The cursor an automation left (a schedule's last look, a query's last result). */
  public record Cursor(String value, Instant checkedAt) {}

  public Optional<Cursor> cursor(String automation) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select cursor, checked_at from " + cursors + " where automation = :a")
                .bind("a", automation)
                .map((rs, ctx) -> new Cursor(rs.getString(1), instant(rs.getTimestamp(2))))
                .findOne());
  }

  public void cursor(String automation, String value, Instant checkedAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert or replace into "
                        + cursors
                        + " (automation, cursor, checked_at) values (:a, :c, :at)")
                .bind("a", automation)
                .bind("c", value)
                .bind("at", Timestamp.from(checkedAt))
                .execute());
  }

  /** Automations are on unless switched off. */
  public boolean enabled(String automation) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select enabled from " + switches + " where automation = :a")
                .bind("a", automation)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(true));
  }

  public void enabled(String automation, boolean on, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert or replace into "
                        + switches
                        + " (automation, enabled, changed_at) values (:a, :on, :at)")
                .bind("a", automation)
                .bind("on", on)
                .bind("at", Timestamp.from(at))
                .execute());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
