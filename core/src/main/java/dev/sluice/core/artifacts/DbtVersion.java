package dev.sluice.core.artifacts;

/** Versions the artifacts declare. */
public final class DbtVersion {
  /**
   * The dbt release whose published schemas these artifacts follow (the schemas' own default), so
   * readers that branch on {@code dbt_version} take the right branch.
   */
  public static final String DBT = "1.11.6";

  public static final String MANIFEST = "https://schemas.getdbt.com/dbt/manifest/v12.json";
  public static final String RUN_RESULTS = "https://schemas.getdbt.com/dbt/run-results/v6.json";
  public static final String CATALOG = "https://schemas.getdbt.com/dbt/catalog/v1.json";

  private DbtVersion() {}
}
