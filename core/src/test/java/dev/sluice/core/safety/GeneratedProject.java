package dev.sluice.core.safety;

import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;

/**
 * A project of about 200 nodes for fault injection: a seed, a staging view, chains of tables, views
 * over them, incremental models and a snapshot.
 */
final class GeneratedProject {
  static final int TABLES = 120;
  static final int VIEWS = 40;
  static final int INCREMENTALS = 35;

  private GeneratedProject() {}

  static Path write(Path root) {
    ProjectFolder p = ProjectFolder.sluice(root, "faults");
    StringBuilder csv = new StringBuilder("id,grp,amount\n");
    for (int i = 1; i <= 400; i++) {
      csv.append(i)
          .append(',')
          .append("g")
          .append(i % 7)
          .append(',')
          .append(i * 3 % 101)
          .append('\n');
    }
    p.file("seeds/events.csv", csv.toString());
    p.file("models/stg_events.sql", "select id, grp, amount from {{ ref('events') }}\n");
    for (int i = 0; i < TABLES; i++) {
      String parent = i < 10 ? "stg_events" : table(i - 10);
      String body =
          i < 10
              ? "select grp, count(*) as n, sum(amount) + "
                  + i
                  + " as total from {{ ref('"
                  + parent
                  + "') }} group by grp"
              : "select grp, n, total + 1 as total from {{ ref('" + parent + "') }}";
      p.file(
          "models/tables/" + table(i) + ".sql",
          "{{ config(materialized='table') }}\n" + body + "\n");
    }
    for (int i = 0; i < VIEWS; i++) {
      p.file(
          "models/views/v_" + pad(i) + ".sql", "select * from {{ ref('" + table(i * 3) + "') }}\n");
    }
    for (int i = 0; i < INCREMENTALS; i++) {
      p.file(
          "models/incremental/inc_" + pad(i) + ".sql",
          "{{ config(materialized='incremental', unique_key='id') }}\n"
              + "select id, grp, amount * "
              + (i + 1)
              + " as amount from {{ ref('events') }}\n"
              + "{% if is_incremental() %}\n"
              + "where id > (select coalesce(max(id), 0) from {{ this }})\n"
              + "{% endif %}\n");
    }
    p.file(
        "snapshots/events_snapshot.sql",
        "{% snapshot events_snapshot %}\n"
            + "{{ config(unique_key='id', strategy='check', check_cols=['grp', 'amount']) }}\n"
            + "select id, grp, amount from {{ ref('events') }}\n"
            + "{% endsnapshot %}\n");
    return root;
  }

  static int nodes() {
    return 1 + 1 + TABLES + VIEWS + INCREMENTALS + 1;
  }

  private static String table(int i) {
    return "t_" + pad(i);
  }

  private static String pad(int i) {
    return String.format("%03d", i);
  }
}
