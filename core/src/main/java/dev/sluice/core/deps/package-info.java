/**
 * Installing a project's packages, as {@code dbt deps} does: reads {@code packages.yml} (or {@code
 * dependencies.yml}), resolves local paths, git repositories and dbt Hub names (with version
 * ranges) to pinned packages, writes {@code package-lock.yml}, and installs into {@code
 * dbt_packages/} through a staging folder that replaces the old one only when everything arrived.
 *
 * <p>In: a project folder. Out: {@code dbt_packages/<name>/} per package and the lock file.
 */
package dev.sluice.core.deps;
